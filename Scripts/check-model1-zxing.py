#!/usr/bin/env python3
"""Check that zxing-cpp reads the QR Code Model 1 symbols our test writer makes.

Reads every Fixtures/model1/vNN-L.txt (its text on the first line, then the
modules as rows of 0/1; written by Tests/QRCoreTests/Support/Model1Writer.swift,
one per version 1-14 and level), renders it at 4 pixels a module with a
4-module quiet zone and reads it with zxing-cpp twice: as a pure symbol
(is_pure: the grid is sampled straight from the image, so this checks the
writer's codeword layout, blocks and format information) and through
zxing-cpp's detector (what a photo goes through). A fixture passes when the
pure read returns its text and level with symbology identifier ]Q0 (Model 1).

zxing-cpp 3.1.1 reads no Model 1 symbol of version 13 or 14, whatever it
holds: its module walk yields 542 and 610 codewords there, its table's
totals are 540 and 609, and it refuses the symbol on the mismatch
("Failed to read codewords"). Those fixtures are listed as refused, not
failed. Its detector, unlike its pure path, finds Model 1 symbols only up to
version 6. Prints one line per fixture and the totals; exits 1 if a pure read
fails for any other reason.

    Benchmarks/peers/peers.sh python Scripts/check-model1-zxing.py
"""
import glob
import os
import sys

import numpy as np
import zxingcpp

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def image(rows, scale=4, border=4):
    modules = np.array([[c == "1" for c in row] for row in rows], dtype=bool)
    modules = np.pad(modules, border)
    return np.where(np.kron(modules, np.ones((scale, scale), dtype=bool)), 0, 255).astype(np.uint8)


REFUSED = "Failed to read codewords"


def read(pixels, pure):
    found = zxingcpp.read_barcodes(pixels, is_pure=pure, return_errors=True)
    return [(r.text, r.ec_level, r.symbology_identifier) if r.valid else str(r.error) for r in found]


def main():
    passed = refused = detected_count = 0
    paths = sorted(glob.glob(os.path.join(ROOT, "Fixtures", "model1", "v*.txt")))
    for path in paths:
        text, *rows = open(path, encoding="utf-8").read().splitlines()
        name = os.path.basename(path)[:-4]
        expected = [(text, name[4], "]Q0")]
        pixels = image(rows)
        pure, detected = read(pixels, True), read(pixels, False)
        detected_count += detected == expected
        if pure == expected:
            passed += 1
            status = "ok     "
        elif int(name[1:3]) >= 13 and len(pure) == 1 and REFUSED in str(pure[0]):
            refused += 1
            status = "refused"
        else:
            status = "FAIL   "
        print(f"{status} {name}: pure {pure}; detector {'ok' if detected == expected else detected}")
    failed = len(paths) - passed - refused
    print(f"{passed} of {len(paths)} Model 1 symbols read by zxing-cpp as pure symbols, {refused} refused "
          f"(versions 13-14), {failed} failed; {detected_count} read through its detector")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
