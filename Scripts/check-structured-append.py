#!/usr/bin/env python3
"""Structured append against the peers, both ways.

1. Writes random texts with `qr encode --split N` (N = 1..16, and `auto`
   under a small --max-version) and reads every part with zxing-cpp: each
   part must read, and the parts' texts in file order must make the message.
   zxing-cpp's Python binding (3.1.1) does not expose the header it parsed,
   so with --zxing-sequence (Scripts/zxing-sequence.cpp built against
   Debian's libzxing-dev, zxing-cpp 1.4) every part's index and count are
   also checked as zxing-cpp's C++ library reads them; qr decode --json
   must report the same header on the same files.
2. Writes sequences with segno (`segno.make_sequence(text, symbol_count=N)`,
   texts with accents and Japanese too) and joins them with
   `qr decode --merge`, given the files in shuffled order; the index, count
   and parity segno wrote must be what `qr decode --json` reports. segno
   1.6.6 writes some parts of non-ASCII texts that zxing-cpp cannot read
   either; those sequences are skipped and counted.

    g++ -std=c++17 -O1 Scripts/zxing-sequence.cpp -lZXing -o /tmp/zxing-sequence
    Benchmarks/peers/peers.sh python Scripts/check-structured-append.py QR_BINARY [--count 40] \
        [--zxing-sequence /tmp/zxing-sequence]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import segno
import zxingcpp
from PIL import Image

WORDS = ("structured append joins sixteen symbols message part order parity zxing segno "
         "Grüße ÀÉÎ 日本語 テキスト 0123456789 HELLO WORLD https://example.com/a?b=c").split()


def random_text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def qr_json(qr, paths):
    out = subprocess.run([qr, "decode", "--json", *paths], capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def zxing_headers(tool, paths):
    """(index, count) of the structured-append header zxing-cpp's C++ library
    reads in each image, or None where it reads no code."""
    pgms = []
    for path in paths:
        pgm = os.path.splitext(path)[0] + ".pgm"
        Image.open(path).convert("L").save(pgm)
        pgms.append(pgm)
    out = subprocess.run([tool, *pgms], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        name, index, size = line.split("\t")[:3]
        found.setdefault(name, (int(index), int(size)))
    return [found.get(pgm) for pgm in pgms]


def check_ours_in_zxing(qr, rng, count, work, sequence_tool=None):
    failures = 0
    for trial in range(count):
        text = random_text(rng, rng.randint(20, 120))
        split = rng.choice([str(rng.randint(1, 16)), "auto"])
        args = [qr, "encode", "--split", split, "-o", os.path.join(work, f"ours{trial}.png"), text]
        if split == "auto":
            args[2:2] = ["--max-version", str(rng.randint(2, 6))]
        made = subprocess.run(args, capture_output=True, text=True)
        if made.returncode != 0:
            if "cannot split" in made.stderr or "data too long" in made.stderr:
                continue
            print(f"FAIL encode {split}: {made.stderr.strip()}")
            failures += 1
            continue
        paths = made.stdout.split()
        texts = []
        for path in paths:
            found = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
            texts.append(found[0].text if found else None)
        records = qr_json(qr, paths)
        headers = [r["codes"][0].get("structured_append") if r["codes"] else None for r in records]
        ok = None not in texts and "".join(texts) == text
        ok = ok and all(h and h["index"] == i and h["count"] == len(paths) for i, h in enumerate(headers))
        theirs = zxing_headers(sequence_tool, paths) if sequence_tool else None
        if theirs is not None:
            ok = ok and theirs == [(i, len(paths)) for i in range(len(paths))]
        if not ok:
            failures += 1
            print(f"FAIL --split {split}: {len(paths)} parts; zxing {texts!r} {theirs}; headers {headers}")
    return failures


def check_segno_in_ours(qr, rng, count, work):
    """Returns (failures, sequences skipped because zxing-cpp cannot read
    every part either: segno 1.6.6 writes some version 7-9 parts of
    non-ASCII texts that no reader decodes)."""
    failures = skipped = 0
    for trial in range(count):
        text = random_text(rng, rng.randint(30, 150))
        symbols = rng.randint(2, 16)
        sequence = segno.make_sequence(text, symbol_count=symbols, encoding="utf-8")
        paths = []
        for i, code in enumerate(sequence):
            path = os.path.join(work, f"segno{trial}-{i}.png")
            code.save(path, scale=4)
            paths.append(path)
        if not all(zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
                   for path in paths):
            skipped += 1
            continue
        records = qr_json(qr, paths)
        # segno takes the parity over the text in ISO-8859-1, else Shift JIS,
        # else UTF-8, whatever each part is written in; QRCore accepts that.
        parity = segno.encoder.calc_structured_append_parity(text)
        headers = [r["codes"][0].get("structured_append") if r["codes"] else None for r in records]
        expected = [{"index": i, "count": len(paths), "parity": parity} for i in range(len(paths))]
        shuffled = paths[:]
        rng.shuffle(shuffled)
        merged = subprocess.run([qr, "decode", "--merge", *shuffled], capture_output=True, text=True)
        if headers != expected or merged.returncode != 0 or merged.stdout.rstrip("\n") != text:
            failures += 1
            print(f"FAIL segno {len(paths)} symbols: headers {headers}; merge {merged.returncode} {merged.stderr.strip()}")
    return failures, skipped


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("qr")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--zxing-sequence", help="Scripts/zxing-sequence.cpp, built: check zxing-cpp's own header")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as work:
        ours = check_ours_in_zxing(args.qr, rng, args.count, work, args.zxing_sequence)
        theirs, skipped = check_segno_in_ours(args.qr, rng, args.count, work)
    checked = " (texts, index and count as zxing-cpp reads them)" if args.zxing_sequence else " (texts)"
    print(f"qr encode --split read by zxing-cpp{checked}: {args.count - ours} of {args.count} sequences")
    print(f"segno sequences merged by qr decode --merge: {args.count - skipped - theirs} of {args.count - skipped}"
          f" ({skipped} skipped: zxing-cpp cannot read every part either)")
    return 1 if ours or theirs else 0


if __name__ == "__main__":
    sys.exit(main())
