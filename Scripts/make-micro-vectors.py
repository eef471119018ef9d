#!/usr/bin/env python3
"""Writes Micro QR conformance vectors made by segno, one JSON object a line.

Each vector is one segment in a forced mode, at a fixed version and level,
with a fixed mask or the automatic choice (mask null), without boosting the
level; byte-mode text is UTF-8. QRCore's
Tests/QRCoreTests/Encoding/MicroConformanceTests.swift checks our symbols
module for module and our automatic mask against segno's.

segno 1.6 fills the unused data capacity of M1 and M3 symbols with zero bits,
where ISO/IEC 18004:2015 §7.4.10 (and zxing-cpp's writer) use the pad
codewords 11101100 and 00010001 as in every other version; the test accounts
for that.

    Benchmarks/peers/peers.sh python Scripts/make-micro-vectors.py > Fixtures/vectors/segno-micro.jsonl
"""
import json
import sys

import segno

TEXTS = {
    "numeric": ["1", "12345", "01234567", "0123456789012345678901234567890123"],
    "alphanumeric": ["A", "AB-1", "HELLO WORLD", "MICRO QR 1234"],
    "byte": ["a", "abc", "hello!", "Micro-QR bytes", "\u00e9t\u00e9"],
    "kanji": ["\u70b9", "\u70b9\u8317", "\u6f22\u5b57\u6f22\u5b57"],
}
# The levels each version offers; M1 only detects errors (segno: error=None).
LEVELS = {"M1": [None], "M2": ["L", "M"], "M3": ["L", "M"], "M4": ["L", "M", "Q"]}


def main():
    for mode, samples in TEXTS.items():
        for text in samples:
            for version, levels in LEVELS.items():
                for error in levels:
                    for mask in [None, 0, 1, 2, 3]:
                        try:
                            code = segno.make_micro(text, version=version, error=error, mask=mask, mode=mode,
                                                    encoding="utf-8" if mode == "byte" else None,
                                                    boost_error=False)
                        except Exception:  # the text does not fit, or the mode is not in this version
                            continue
                        rows = ["".join("1" if module else "0" for module in row) for row in code.matrix]
                        print(json.dumps({"text": text, "mode": mode, "version": version, "level": error or "L",
                                          "mask": mask, "expect_mask": code.mask, "matrix": rows},
                                         ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
