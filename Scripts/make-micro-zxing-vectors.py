#!/usr/bin/env python3
"""Writes Micro QR symbols made by zxing-cpp's writer, one JSON object a line.

For each text, version and level, zxing-cpp chooses the segmentation and the
mask itself; QRCore's MicroConformanceTests checks that our encoder, asked for
the same version and level (no boosting), writes the same modules.

    Benchmarks/peers/peers.sh python Scripts/make-micro-zxing-vectors.py > Fixtures/vectors/zxing-micro.jsonl
"""
import json
import sys

import numpy as np
import zxingcpp

TEXTS = ["1", "12345", "01234567", "HELLO", "AB-12", "MICRO QR", "abc", "hello!", "Micro-QR bytes"]
LEVELS = {1: ["L"], 2: ["L", "M"], 3: ["L", "M"], 4: ["L", "M", "Q"]}


def main():
    for text in TEXTS:
        for version, levels in LEVELS.items():
            for level in levels:
                try:
                    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.MicroQRCode, ec_level=level,
                                                   version=version)
                except Exception:  # the text does not fit
                    continue
                pixels = np.array(code.to_image(scale=1, add_quiet_zones=False))
                if pixels.shape[0] != 9 + 2 * version:
                    continue  # zxing-cpp chose another version
                rows = ["".join("1" if value < 128 else "0" for value in row) for row in pixels]
                print(json.dumps({"text": text, "version": f"M{version}", "level": level, "matrix": rows}))


if __name__ == "__main__":
    sys.exit(main())
