#!/usr/bin/env python3
"""Score QRCore and zxing-cpp on the byte-mode character set corpus.

Renders every entry of Fixtures/charset/corpus.json as a QR Code in byte mode
with segno (the entry's bytes as they are; with its ECI when it has one), reads
each image with zxing-cpp and with `qr decode --json`, and prints, per kind, how
many texts each reads exactly and how many it misreads (a text that is not the
sender's). With --details, lists every text that either decoder gets wrong.

Run from the repository, in the peers' virtual environment:

    swift build --package-path Tools -c release --product qr
    Benchmarks/peers/peers.sh python Benchmarks/charset/score.py [--qr Tools/.build/release/qr] [--details]
"""
import argparse
import collections
import io
import json
import os
import subprocess
import sys
import tempfile

import segno
import zxingcpp
from PIL import Image

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CODECS = {"Shift_JIS": "shift_jis", "UTF-8": "utf-8", "ISO-8859-1": "latin-1"}


def render(entry, path):
    data = bytes.fromhex(entry["bytes_hex"])
    if entry["eci"] is None:
        symbol = segno.make_qr(data, mode="byte", eci=False)
    else:
        symbol = segno.make_qr(entry["text"], mode="byte", encoding=CODECS[entry["charset"]], eci=True)
    symbol.save(path, kind="png", scale=4, border=4)


def read_zxing(path):
    found = zxingcpp.read_barcodes(Image.open(path).convert("L"))
    return found[0].text if found else None


def read_ours(qr, paths):
    lines = subprocess.run([qr, "decode", "--json", *paths], capture_output=True, text=True).stdout.splitlines()
    texts = {}
    for line in lines:
        record = json.loads(line)
        codes = record.get("codes") or []
        texts[record["file"]] = (codes[0]["text"], codes[0]["charset"]) if codes else (None, None)
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qr", default=os.path.join(ROOT, "Tools", ".build", "release", "qr"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "Fixtures", "charset", "corpus.json"))
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    if not os.access(args.qr, os.X_OK):
        sys.exit(f"score.py: no qr binary at {args.qr}; run `swift build --package-path Tools -c release --product qr` first")
    entries = json.load(open(args.corpus, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for entry in entries:
            paths.append(os.path.join(folder, entry["name"] + ".png"))
            render(entry, paths[-1])
        ours = read_ours(args.qr, paths)
        zxing = [read_zxing(path) for path in paths]
    table = collections.OrderedDict()
    details = []
    for entry, path, theirs in zip(entries, paths, zxing):
        mine, charset = ours.get(path, (None, None))
        row = table.setdefault(entry["kind"], collections.Counter())
        row["n"] += 1
        for name, text in (("ours", mine), ("zxing", theirs)):
            row[name + (" exact" if text == entry["text"] else " miss" if text is None else " misread")] += 1
        if mine != entry["text"] or theirs != entry["text"]:
            details.append(f"  {entry['name']}: sent {entry['text']!r}; ours {mine!r} ({charset}); zxing-cpp {theirs!r}")
    print_table(table)
    if args.details and details:
        print("\nTexts that a decoder gets wrong:")
        print("\n".join(details))


def print_table(table):
    columns = ["ours exact", "ours misread", "zxing exact", "zxing misread"]
    print("| kind | texts | " + " | ".join(columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    total = collections.Counter()
    for kind, row in table.items():
        total.update(row)
        print(f"| {kind} | {row['n']} | " + " | ".join(str(row[c]) for c in columns) + " |")
    print(f"| **all** | {total['n']} | " + " | ".join(str(total[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
