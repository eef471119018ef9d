#!/usr/bin/env python3
"""Structured-append sequences in photos, joined by `qr decode --merge`.

For every structured_append image of a corpus from make-hard-corpus.py
(`--categories structured_append`), runs `QR_BINARY decode --merge IMAGE`:
the one message it prints must be the manifest's info["message"]. Also
counts the parts, each read alone, that `QR_BINARY decode --json` and
zxing-cpp (QRCode) read with the right text, and any text they read that
is no part's (a misread).

    Benchmarks/peers/peers.sh python Scripts/make-hard-corpus.py /tmp/sa --categories structured_append --qr QR_BINARY
    Benchmarks/peers/peers.sh python Scripts/check-sa-photos.py /tmp/sa QR_BINARY

Prints one line per image and the totals. Exit status 1 when QRCore
merges fewer than all sequences, or misreads a message or a part.
"""
import argparse
import json
import os
import subprocess
import sys

import cv2
import zxingcpp


def count_parts(expected, got):
    """(parts read with the right text, texts that are no part's); each part counts once."""
    remaining = list(expected)
    right = 0
    for text in got:
        if text in remaining:
            remaining.remove(text)
            right += 1
    return right, sum(1 for text in got if text not in expected)


def merge(qr, path):
    """`qr decode --merge` on one image: (exit status, standard output, standard error)."""
    out = subprocess.run([qr, "decode", "--merge", path], capture_output=True)  # bytes: keep any CR LF
    return out.returncode, out.stdout.decode(), out.stderr.decode().strip()


def ours_parts(qr, paths):
    """The texts `qr decode --json` reads in each file, by path."""
    out = subprocess.run([qr, "decode", "--json", *paths], capture_output=True, text=True)
    found = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        found[record["file"]] = [code["text"] for code in record["codes"]]
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", help="a folder with manifest.json from make-hard-corpus.py")
    parser.add_argument("qr", help="the qr binary")
    args = parser.parse_args()
    entries = [e for e in json.load(open(os.path.join(args.corpus, "manifest.json")))
               if e["category"] == "structured_append"]
    if not entries:
        sys.exit(f"no structured_append images in {args.corpus}")
    paths = [os.path.join(args.corpus, e["file"]) for e in entries]
    ours = ours_parts(args.qr, paths)
    merged = misread = 0
    totals = {"parts": 0, "ours": 0, "ours_misread": 0, "zxing": 0, "zxing_misread": 0}
    for entry, path in zip(entries, paths):
        texts, message = entry["texts"], entry["info"]["message"]
        status, stdout, stderr = merge(args.qr, path)
        if status == 0 and stdout.rstrip("\n") == message:
            verdict = "merged"
            merged += 1
        elif status == 0:
            verdict = "MISREAD"
            misread += 1
        else:
            verdict = f"not merged ({stderr or 'no parts'})"
        image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        zx = [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
        ours_right, ours_bad = count_parts(texts, ours.get(path, []))
        zx_right, zx_bad = count_parts(texts, zx)
        for key, value in [("parts", len(texts)), ("ours", ours_right), ("ours_misread", ours_bad),
                           ("zxing", zx_right), ("zxing_misread", zx_bad)]:
            totals[key] += value
        bad = "".join(f", {n} misread {k}" for n, k in [(ours_bad, "ours"), (zx_bad, "zxing")] if n)
        print(f"{entry['file']}: {verdict}; parts ours {ours_right}/{len(texts)}, zxing {zx_right}/{len(texts)}{bad}")
    print(f"merged by qr decode --merge: {merged} of {len(entries)} sequences, {misread} misread")
    print(f"parts read alone: ours {totals['ours']} of {totals['parts']} ({totals['ours_misread']} misread), "
          f"zxing-cpp {totals['zxing']} ({totals['zxing_misread']} misread)")
    return 1 if merged < len(entries) or misread or totals["ours_misread"] else 0


if __name__ == "__main__":
    sys.exit(main())
