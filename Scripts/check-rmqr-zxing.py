#!/usr/bin/env python3
"""rMQR Codes written by `qr encode --symbol rmqr`, read by zxing-cpp, and the reverse.

1. For every rMQR size (R7x43 … R17x139) at both levels (M, H) and random
   texts of every mode that fit, writes a PNG with the default quiet zone
   (2 modules) and reads it with zxing-cpp restricted to rMQR: every symbol
   must read, with the same text.
2. For the same sizes and levels, zxing-cpp writes a symbol, rendered at a
   few pixels a module, and `qr decode --json` must read the same text.

    Benchmarks/peers/peers.sh python Scripts/check-rmqr-zxing.py QR_BINARY [--count N] [--seed S]
"""
import argparse
import json
import os
import random
import string
import subprocess
import sys
import tempfile

import numpy as np
import zxingcpp
from PIL import Image

SIZES = [(7, w) for w in (43, 59, 77, 99, 139)] + [(9, w) for w in (43, 59, 77, 99, 139)] \
    + [(11, w) for w in (27, 43, 59, 77, 99, 139)] + [(13, w) for w in (27, 43, 59, 77, 99, 139)] \
    + [(15, w) for w in (43, 59, 77, 99, 139)] + [(17, w) for w in (43, 59, 77, 99, 139)]


def random_text(rng):
    kind = rng.choice(["digits", "upper", "bytes", "mixed", "utf8"])
    length = rng.randint(1, 40)
    if kind == "digits":
        return "".join(rng.choice(string.digits) for _ in range(length))
    if kind == "upper":
        return "".join(rng.choice(string.ascii_uppercase + string.digits + " $%*+-./:") for _ in range(length)).strip() or "A"
    if kind == "bytes":
        return "".join(rng.choice(string.ascii_letters + string.digits + ",;!?-_") for _ in range(length))
    if kind == "utf8":
        return "".join(rng.choice("äöüßéñ日本語ÀÉ") for _ in range(max(1, length // 4)))
    return f"LOT {rng.randint(0, 99999)} exp {rng.randint(1, 12)}/{rng.randint(24, 39)}"


def ours_read_by_zxing(qr, rng, folder, count):
    written = read = skipped = 0
    failures = []
    while written < count:
        height, width = rng.choice(SIZES)
        level = rng.choice(["M", "H"])
        text = random_text(rng)
        path = os.path.join(folder, f"ours-{written}.png")
        command = [qr, "encode", "--version", f"R{height}x{width}", "--ecc", level, "--no-boost", "--scale", "4",
                   "-o", path, "--", text]
        if subprocess.run(command, capture_output=True, text=True).returncode != 0:
            skipped += 1  # the text does not fit this size and level
            continue
        written += 1
        codes = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.RMQRCode)
        if [code.text for code in codes] == [text]:
            read += 1
        else:
            failures.append(f"R{height}x{width}-{level} {text!r}: {[c.text for c in codes]}")
    return written, read, skipped, failures


def theirs_read_by_us(qr, rng, folder):
    written = read = 0
    failures = []
    for number, (height, width) in enumerate(SIZES, start=1):
        for level in ("M", "H"):
            text = random_text(rng)
            try:
                code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.RMQRCode, ec_level=level, version=number)
            except Exception:
                text = "12345"
                code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.RMQRCode, ec_level=level, version=number)
            path = os.path.join(folder, f"theirs-{number}-{level}.png")
            Image.fromarray(np.array(code.to_image(scale=rng.choice([2, 3, 5]), add_quiet_zones=True))).save(path)
            written += 1
            result = subprocess.run([qr, "decode", "--json", path], capture_output=True, text=True)
            texts = [c["text"] for c in json.loads(result.stdout)["codes"]] if result.returncode == 0 else []
            if texts == [text]:
                read += 1
            else:
                failures.append(f"R{height}x{width}-{level} {text!r}: {texts}")
    return written, read, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qr", help="path to the qr binary")
    parser.add_argument("--count", type=int, default=300, help="symbols of ours to read with zxing-cpp")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        written, read, skipped, failures = ours_read_by_zxing(args.qr, rng, folder, args.count)
        print(f"zxing-cpp read {read} of {written} rMQR symbols we wrote ({skipped} texts did not fit)")
        theirs, ours_read, their_failures = theirs_read_by_us(args.qr, rng, folder)
        print(f"qr decode read {ours_read} of {theirs} rMQR symbols zxing-cpp wrote")
    for failure in failures:
        print("  FAIL (zxing-cpp)", failure)
    for failure in their_failures:
        print("  FAIL (qr decode)", failure)
    return 0 if written and read == written and ours_read == theirs else 1


if __name__ == "__main__":
    sys.exit(main())
