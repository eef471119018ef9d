"""The PostgreSQL store's multi-process fault test (issue 11), run by
Scripts/pg-fault-test.sh inside a throwaway PostgreSQL cluster.

1. Starts 2 `qr serve --workers 0` front ends and 2 `qr worker` processes on
   one database.
2. Submits jobs through the first front end (each with its own
   Idempotency-Key, retried on 503 or a dropped connection) from before the
   first fault until after the last, faster than the workers finish them,
   so that they always hold some; reads every result through the second.
   Three jobs in four decode one of a few images made slow to read (large
   scale); the fourth generates a code.
4. Checks that every job has exactly one result (one row, succeeded, per
   Idempotency-Key), that each decode found its image's text and each
   generated image is byte for byte what a `qr serve --store memory` that
   saw no fault answers to the same request (`GET /qr`), that
   nothing was lost, that the killed and stopped workers' jobs were run again
   and the SIGTERM'd worker's were not, and prints the store's counters
   (rescued jobs, discarded late completions).
3. Meanwhile: `kill -9` a worker while it holds jobs (a new worker is
   started); `kill -STOP` the other while it holds jobs, past its lease, then
   `kill -CONT`; restarts PostgreSQL while jobs are submitted and run; sends
   SIGTERM to a worker while it holds jobs, which must finish them and exit 0.

Bounded in time: every wait has a limit, and the test fails when one passes.
Traffic goes to 127.0.0.1 only.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

QR = sys.argv[1]
URL = sys.argv[2]
RATE = float(os.environ.get("FAULT_RATE", "10"))  # jobs submitted a second
LEASE = 3
IMAGES = 8
PORTS = (18191, 18192)
REFERENCE_PORT = 18193
DEADLINE = time.monotonic() + float(os.environ.get("FAULT_TIME_LIMIT", "150"))
work = tempfile.mkdtemp(prefix="qr-fault-")
processes = []


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def fail(message):
    log(f"FAIL: {message}")
    raise SystemExit(1)


def remaining():
    left = DEADLINE - time.monotonic()
    if left <= 0:
        fail("the test's time limit passed")
    return left


def start(name, *arguments, ready):
    out = open(os.path.join(work, f"{name}.log"), "w")
    process = subprocess.Popen([QR, *arguments], stdout=out, stderr=subprocess.STDOUT)
    processes.append(process)
    wait_for(lambda: ready in open(out.name).read() or process.poll() is not None, f"{name} to start", 30)
    if process.poll() is not None:
        fail(f"{name} exited at start:\n" + open(out.name).read())
    log(f"{name} started (pid {process.pid})")
    return process


def wait_for(condition, what, limit):
    """Polls `condition` until it returns something true, and returns that."""
    end = min(time.monotonic() + limit, DEADLINE)
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    fail(f"waited too long for {what}")


def sql(query):
    result = subprocess.run(["psql", "-Atq", "-c", query], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def held_by(process):
    """The jobs a worker process holds now (claimed, not finished)."""
    rows = sql(f"SELECT id FROM qr.jobs WHERE state = 'running' AND claimed_by LIKE '%/{process.pid}'")
    return rows.split() if rows else []


def request(port, path, body=None, headers=None, timeout=15):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return None, str(error).encode()


def text_of(index):
    """What job `index` must find: its image's text, or the text it encodes."""
    if index % 4 == 3:
        return f"fault test job {index:04d} " + "abcdefghij" * 6
    return f"fault test image {index % IMAGES} " + "klmnopqrst" * 6


def make_images():
    """The decode jobs' images, at a scale that makes them slow to read."""
    images, paths = [], []
    for number in range(IMAGES):
        path = os.path.join(work, f"image-{number}.png")
        subprocess.run([QR, "encode", "--scale", "20", "-o", path, text_of(number)], check=True)
        images.append(open(path, "rb").read())
        paths.append(path)
    found = subprocess.run([QR, "decode", *paths], capture_output=True, text=True).stdout.splitlines()
    if [line.split(": ", 1)[-1] for line in found] != [text_of(number) for number in range(IMAGES)]:
        fail(f"qr decode cannot read the test's own images: {found}")
    return images


class Submitter(threading.Thread):
    """Submits jobs through the first front end at a steady pace until told to stop."""

    def __init__(self, images):
        super().__init__(daemon=True)
        self.images = images
        self.ids = {}
        self.retries = 0
        self.error = None
        self.stop = threading.Event()

    def run(self):
        try:
            index = 0
            while not self.stop.is_set():
                self.ids[index] = self.submit(index)
                index += 1
                time.sleep(1 / RATE)
        except SystemExit as exit:
            self.error = exit

    def submit(self, index):
        if index % 4 == 3:
            path = "/generate"
            body = json.dumps({"text": text_of(index), "scale": 6}).encode()
            content_type = "application/json"
        else:
            path, body, content_type = "/decode", self.images[index % IMAGES], "image/png"
        headers = {"Content-Type": content_type, "Idempotency-Key": f"fault-{index}"}
        while remaining():
            status, answer = request(PORTS[0], path, body, headers)
            if status == 202:
                return json.loads(answer)["task_id"]
            if status not in (None, 503):
                fail(f"job {index}: HTTP {status} {answer[:200]!r}")
            self.retries += 1
            time.sleep(0.2)


def main():
    log(f"store {URL.split('@')[1]}; {RATE:g} jobs/s; lease {LEASE} s; logs in {work}")
    images = make_images()
    store = ["--store", URL]
    start("serve-1", "serve", "--port", str(PORTS[0]), "--workers", "0", "--lease", str(LEASE), *store,
          ready="listening on")
    start("serve-2", "serve", "--port", str(PORTS[1]), "--workers", "0", "--lease", str(LEASE), *store,
          ready="listening on")
    start("reference", "serve", "--port", str(REFERENCE_PORT), "--workers", "1", ready="listening on")
    worker = ["worker", *store, "--workers", "1", "--lease", str(LEASE)]
    w1 = start("worker-1", *worker, ready="running jobs")
    w2 = start("worker-2", *worker, ready="running jobs")

    submitter = Submitter(images)
    submitter.start()

    killed = wait_for(lambda: held_by(w1), "worker-1 to hold jobs", 30)
    w1.send_signal(signal.SIGKILL)
    w1.wait()
    log(f"kill -9 worker-1 while it held {len(killed)} job(s)")
    w3 = start("worker-3", *worker, ready="running jobs")

    stopped = wait_for(lambda: held_by(w2), "worker-2 to hold jobs", 30)
    w2.send_signal(signal.SIGSTOP)
    log(f"kill -STOP worker-2 while it held {len(stopped)} job(s); {LEASE + 4} s, past its {LEASE} s lease")
    time.sleep(LEASE + 4)
    w2.send_signal(signal.SIGCONT)
    log("kill -CONT worker-2")

    log(f"restarting PostgreSQL ({len(submitter.ids)} jobs submitted so far)")
    subprocess.run(["pg_ctlcluster", os.environ["PGVERSION"], "regress", "restart"], check=True)
    log("PostgreSQL is back")

    finishing = wait_for(lambda: held_by(w3), "worker-3 to hold jobs", 30)
    w3.send_signal(signal.SIGTERM)
    log(f"SIGTERM worker-3 while it held {len(finishing)} job(s)")
    try:
        code = w3.wait(timeout=min(30, remaining()))
    except subprocess.TimeoutExpired:
        fail("worker-3 did not exit within 30 s of SIGTERM")
    if code != 0:
        fail(f"worker-3 exited {code} after SIGTERM")
    start("worker-4", *worker, ready="running jobs")

    submitter.stop.set()
    submitter.join(timeout=remaining())
    if submitter.error:
        raise submitter.error
    log(f"{len(submitter.ids)} jobs submitted ({submitter.retries} retries of a 503 or a dropped connection)")
    check(submitter.ids, killed, stopped, finishing)


def check(ids, killed, stopped, finishing):
    count = len(ids)
    generated = []
    for index, task in sorted(ids.items()):
        while True:
            status, answer = request(PORTS[1], f"/result/{task}?wait=20", timeout=30)
            if status == 200 and json.loads(answer)["status"] in ("success", "error"):
                break
            if status not in (None, 200, 503):
                fail(f"job {index}: GET /result answered {status} {answer[:200]!r}")
            remaining()
            time.sleep(0.2)
        result = json.loads(answer)
        if result["status"] != "success":
            fail(f"job {index} ended as {result}")
        if result["kind"] == "decode":
            if [code["text"] for code in result["codes"]] != [text_of(index)]:
                fail(f"job {index} found {result['codes']}, not its image's text")
            continue
        status, png = request(PORTS[1], f"/result/{task}/image")
        query = urllib.parse.urlencode({"text": text_of(index), "scale": 6})
        _, expected = request(REFERENCE_PORT, f"/qr?{query}")
        if status != 200 or png != expected:
            fail(f"job {index}: the image ({status}, {len(png)} bytes) is not the code of its text")
        generated.append(index)
    log(f"all {count} results read through the second front end: every decode found its image's text, "
        f"every one of the {len(generated)} generated images is its text's code")

    rows = sql("SELECT count(*), count(DISTINCT id), count(*) FILTER (WHERE state = 'succeeded'), "
               "count(DISTINCT idempotency_key) FROM qr.jobs")
    total, distinct, succeeded, keys = map(int, rows.split("|"))
    if (total, distinct, succeeded, keys) != (count,) * 4:
        fail(f"the store holds {total} rows, {distinct} tasks, {succeeded} succeeded, {keys} keys; expected {count} of each")
    log(f"exactly one task and one result per job: {count} rows, all succeeded")

    rescued = [task for task in killed + stopped
               if int(sql(f"SELECT attempts FROM qr.jobs WHERE id = '{task}'") or 0) >= 2]
    if len(rescued) != len(killed) + len(stopped):
        fail(f"only {len(rescued)} of the {len(killed) + len(stopped)} jobs held by the killed and stopped workers were run again")
    log(f"the {len(killed)} job(s) of the killed worker and the {len(stopped)} of the stopped one were rescued and finished")
    finished_by_w3 = [task for task in finishing
                      if sql(f"SELECT attempts FROM qr.jobs WHERE id = '{task}'") == "1"]
    if len(finished_by_w3) != len(finishing):
        fail("worker-3 left jobs to be rescued after SIGTERM instead of finishing them")
    log(f"worker-3 finished its {len(finishing)} job(s) after SIGTERM and exited 0")

    status, metrics = request(PORTS[1], "/metrics")
    counters = {line.split()[0]: line.split()[1] for line in metrics.decode().splitlines()
                if line.startswith("qr_store_") and "{" not in line}
    log("store counters: " + ", ".join(f"{name}={value}" for name, value in sorted(counters.items())))
    if int(counters.get("qr_store_rescued_jobs_total", 0)) < len(killed) + len(stopped):
        fail("fewer rescues counted than jobs rescued")
    print(f"fault test passed: {count} jobs, one result each, none lost", flush=True)


try:
    main()
finally:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
