#!/usr/bin/env python3
"""Times the peer libraries on the benchmark workloads, for Benchmarks/compare.sh.

usage: peer_bench.py PAYLOADS.json PHOTO.png
Prints one line per measurement: "<workload> <peer> <value> <unit>".
  encode/NAME segno|zxing-cpp|qrcodegen   µs per symbol (text → matrix, auto version and mask)
  png/NAME segno                           bytes of a PNG at scale 10, border 4
  decode/photo-640x480 zxing-cpp           µs per image (pixels in memory → results)
Runs inside the peers' venv (Benchmarks/peers/peers.sh python ...).
"""
import io, json, statistics, sys, time
import cv2, segno, zxingcpp
from qrcodegen import QrCode

def median_us(fn, budget=0.7, batches=7):
    fn()
    n = 1
    while True:
        t = time.perf_counter()
        for _ in range(n): fn()
        if time.perf_counter() - t > budget / batches / 8: break
        n *= 2
    n = max(1, int(n * (budget / batches) / (time.perf_counter() - t + 1e-9)))
    samples = []
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(n): fn()
        samples.append((time.perf_counter() - t) / n * 1e6)
    return statistics.median(samples)

payloads = json.load(open(sys.argv[1]))
ecc_segno = {"L": "l", "M": "m", "Q": "q", "H": "h"}
ecc_qrcodegen = {"L": QrCode.Ecc.LOW, "M": QrCode.Ecc.MEDIUM, "Q": QrCode.Ecc.QUARTILE, "H": QrCode.Ecc.HIGH}
for p in payloads:
    name, text, ecc = p["name"], p["text"], p["ecc"]
    print(f"encode/{name} segno {median_us(lambda: segno.make_qr(text, error=ecc_segno[ecc], boost_error=False)):.2f} us")
    print(f"encode/{name} qrcodegen-py {median_us(lambda: QrCode.encode_text(text, ecc_qrcodegen[ecc])):.2f} us")
    if hasattr(zxingcpp, "create_barcode"):
        print(f"encode/{name} zxing-cpp {median_us(lambda: zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ecc)):.2f} us")
    buffer = io.BytesIO()
    segno.make_qr(text, error=ecc_segno[ecc]).save(buffer, kind="png", scale=10, border=4)
    print(f"png/{name} segno {len(buffer.getvalue())} bytes")
image = cv2.imread(sys.argv[2], cv2.IMREAD_GRAYSCALE)
fmt = zxingcpp.BarcodeFormat.QRCode
print(f"decode/photo-640x480 zxing-cpp {median_us(lambda: zxingcpp.read_barcodes(image, formats=fmt)):.2f} us")
