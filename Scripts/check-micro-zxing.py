#!/usr/bin/env python3
"""Micro QR Codes written by `qr encode --symbol micro`, read by zxing-cpp.

For every version and level Micro QR offers (M1; M2 and M3 at L and M; M4 at
L, M and Q), every mask and a spread of texts in each mode the version holds,
writes a PNG with the default quiet zone (2 modules) and reads it with
zxing-cpp restricted to Micro QR. Every symbol must read, with the same text.

    Benchmarks/peers/peers.sh python Scripts/check-micro-zxing.py QR_BINARY
"""
import argparse
import os
import subprocess
import sys
import tempfile

import zxingcpp
from PIL import Image

TEXTS = {
    1: ["1", "12345", "0042"],
    2: ["12345678", "HELLO", "AB-12", "MICRO"],
    3: ["hello", "Grüße", "AB-12 CD", "1234567890123", "点茗"],
    4: ["https://a.io", "Micro QR 1234", "12345678901234567890", "日本語", "MIXED abc 123"],
}
LEVELS = {1: ["L"], 2: ["L", "M"], 3: ["L", "M"], 4: ["L", "M", "Q"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qr", help="path to the qr binary")
    args = parser.parse_args()
    written = read = skipped = 0
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        for version, texts in TEXTS.items():
            for level in LEVELS[version]:
                for text in texts:
                    for mask in range(4):
                        path = os.path.join(folder, f"m{version}-{level}-{mask}-{written}.png")
                        command = [args.qr, "encode", "--version", f"M{version}", "--ecc", level, "--no-boost",
                                   "--mask", str(mask), "--scale", "4", "-o", path, "--", text]
                        result = subprocess.run(command, capture_output=True, text=True)
                        if result.returncode != 0:  # the text does not fit this version and level
                            skipped += 1
                            continue
                        written += 1
                        codes = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.MicroQRCode)
                        if [code.text for code in codes] == [text]:
                            read += 1
                        else:
                            failures.append(f"M{version}-{level} mask {mask} {text!r}: {[c.text for c in codes]}")
    print(f"zxing-cpp read {read} of {written} Micro QR symbols we wrote ({skipped} texts did not fit)")
    for failure in failures:
        print("  FAIL", failure)
    return 0 if written > 0 and read == written else 1


if __name__ == "__main__":
    sys.exit(main())
