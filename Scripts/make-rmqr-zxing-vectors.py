#!/usr/bin/env python3
"""Writes rMQR symbols made by zxing-cpp's writer, one JSON object a line.

For every size (R7x43 … R17x139), both levels (M, H) and a few texts that
each keep to one mode (digits, upper-case alphanumerics, bytes), zxing-cpp
writes the symbol; QRCore's RMQRConformanceTests checks that our encoder,
asked for the same size and level and the same single segment, writes the
same modules. rMQR has one data mask, so nothing else is left to choose.

    Benchmarks/peers/peers.sh python Scripts/make-rmqr-zxing-vectors.py > Fixtures/vectors/zxing-rmqr.jsonl
"""
import json
import sys

import numpy as np
import zxingcpp

SIZES = [(7, w) for w in (43, 59, 77, 99, 139)] + [(9, w) for w in (43, 59, 77, 99, 139)] \
    + [(11, w) for w in (27, 43, 59, 77, 99, 139)] + [(13, w) for w in (27, 43, 59, 77, 99, 139)] \
    + [(15, w) for w in (43, 59, 77, 99, 139)] + [(17, w) for w in (43, 59, 77, 99, 139)]
TEXTS = [
    ("numeric", "1"), ("numeric", "0123456789"), ("numeric", "31415926535897932384626433832795028841971693993751"),
    ("alphanumeric", "AB"), ("alphanumeric", "RMQR CODE"), ("alphanumeric", "HTTPS://EXAMPLE.COM/RMQR/ABCDEFGHIJ"),
    ("byte", "a"), ("byte", "hello, rMQR!"), ("byte", "rectangular micro qr code: a narrow symbol for small spaces, in bytes"),
]


def main():
    for number, (height, width) in enumerate(SIZES, start=1):
        for level in ("M", "H"):
            for mode, text in TEXTS:
                try:
                    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.RMQRCode, ec_level=level,
                                                   version=number)
                except Exception:  # the text does not fit this size
                    continue
                pixels = np.array(code.to_image(scale=1, add_quiet_zones=False))
                if pixels.shape != (height, width):
                    continue  # zxing-cpp chose another size
                rows = ["".join("1" if value < 128 else "0" for value in row) for row in pixels]
                print(json.dumps({"text": text, "mode": mode, "version": f"R{height}x{width}", "level": level,
                                  "matrix": rows}))


if __name__ == "__main__":
    sys.exit(main())
