"""300 concurrent 9 MB PNG uploads to POST /decode of a `qr serve` with one
worker (issue 11): how many were accepted and refused, and the server's
peak resident memory (VmHWM) while they arrive and while the accepted jobs
run. Run by Scripts/upload-memory-test.sh.

Each client writes its whole body before reading the answer, as Python's
http.client does, so a refusal must reach it after the body (the server
drains it) rather than hang or reset it.
"""
import http.client
import json
import os
import random
import struct
import sys
import threading
import time
import zlib

PORT = int(sys.argv[1])
PID = int(sys.argv[2])
CLIENTS = int(os.environ.get("CLIENTS", "300"))
SIDE = 1732  # 1732 × 1732 RGB noise: a 9 MB PNG that no compressor shrinks


def noise_png():
    generator = random.Random(11)
    rows = b"".join(b"\0" + generator.randbytes(SIDE * 3) for _ in range(SIDE))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIDE, SIDE, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b"")


def peak_rss_mib():
    for line in open(f"/proc/{PID}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def upload(body, results, index):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        connection.request("POST", "/decode", body=body, headers={"Content-Type": "image/png"})
        response = connection.getresponse()
        results[index] = (response.status, response.read())
        connection.close()
    except Exception as error:  # a reset or a timeout is a failure of the test
        results[index] = (None, repr(error).encode())


def main():
    body = noise_png()
    print(f"{CLIENTS} clients, each uploading a {len(body) / 1e6:.1f} MB PNG; server RSS before: "
          f"{peak_rss_mib():.0f} MiB", flush=True)
    results = [None] * CLIENTS
    start = time.monotonic()
    threads = [threading.Thread(target=upload, args=(body, results, index)) for index in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    failures = [answer for status, answer in results if status not in (202, 503)]
    print(f"answers in {elapsed:.1f} s: " + ", ".join(f"{status}: {count}" for status, count in sorted(
        statuses.items(), key=lambda item: str(item[0]))), flush=True)
    if failures:
        print(f"FAIL: {len(failures)} uploads got neither 202 nor 503, e.g. {failures[0][:200]!r}")
        raise SystemExit(1)
    if statuses.get(202, 0) == 0:
        print("FAIL: no upload was accepted")
        raise SystemExit(1)
    refused = [json.loads(answer) for status, answer in results if status == 503]
    if refused and "retry_after" not in refused[0]:
        print("FAIL: a 503 without retry_after")
        raise SystemExit(1)
    print(f"peak RSS while uploading: {peak_rss_mib():.0f} MiB", flush=True)


main()
