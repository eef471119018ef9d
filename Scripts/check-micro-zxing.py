#!/usr/bin/env python3
"""Micro QR Codes written by `qr encode --symbol micro`, read by zxing-cpp.

For every version and level Micro QR offers (M1; M2 and M3 at L and M; M4 at
L, M and Q), every mask and a spread of texts in each mode the version holds,
writes a PNG with the default quiet zone (2 modules) and reads it with
zxing-cpp restricted to Micro QR. Every symbol must read, with the same text.
With --random N, N more symbols of random texts (digits, alphanumeric,
bytes with accents, kanji, mixed) at a random version, level and mask, or
with the version and mask left to `qr encode`.

    Benchmarks/peers/peers.sh python Scripts/check-micro-zxing.py QR_BINARY [--random 300 --seed 1]
"""
import argparse
import os
import random
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
ALPHABETS = ["0123456789", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", "abcxyz-_#@!ÄÖÜäöüßé€",
             "日本語点茗漢字", "0123456789ABCDEF abc日"]


def random_command(rng, qr, path):
    """A `qr encode` command for a random Micro QR symbol, and its text."""
    alphabet = rng.choice(ALPHABETS)
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
    command = [qr, "encode", "--symbol", "micro", "--scale", str(rng.randint(3, 6)), "-o", path]
    if rng.random() < 0.5:
        version = rng.randint(1, 4)
        command += ["--version", f"M{version}", "--ecc", rng.choice(LEVELS[version]), "--no-boost",
                    "--mask", str(rng.randint(0, 3))]
    else:
        command += ["--ecc", rng.choice("LM")]
    return command + ["--", text], text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qr", help="path to the qr binary")
    parser.add_argument("--random", type=int, default=0, metavar="N", help="N random symbols as well")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    written = read = skipped = 0
    failures = []
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        commands = []
        for version, texts in TEXTS.items():
            for level in LEVELS[version]:
                for text in texts:
                    for mask in range(4):
                        path = os.path.join(folder, f"m{len(commands)}.png")
                        commands.append(([args.qr, "encode", "--version", f"M{version}", "--ecc", level,
                                          "--no-boost", "--mask", str(mask), "--scale", "4", "-o", path,
                                          "--", text], text, path))
        for _ in range(args.random):
            path = os.path.join(folder, f"m{len(commands)}.png")
            commands.append((*random_command(rng, args.qr, path), path))
        for command, text, path in commands:
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:  # the text does not fit this version and level
                skipped += 1
                continue
            written += 1
            codes = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.MicroQRCode)
            if [code.text for code in codes] == [text]:
                read += 1
            else:
                failures.append(f"{' '.join(command[2:-2])} {text!r}: {[c.text for c in codes]}")
    print(f"zxing-cpp read {read} of {written} Micro QR symbols we wrote ({skipped} texts did not fit)")
    for failure in failures:
        print("  FAIL", failure)
    return 0 if written > 0 and read == written else 1


if __name__ == "__main__":
    sys.exit(main())
