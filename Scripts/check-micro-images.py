#!/usr/bin/env python3
"""Micro QR Codes in images: written by zxing-cpp and by segno, then turned,
tilted, blurred, noised, inverted, mirrored, or set beside a QR Code; read by
`qr decode --json` and by zxing-cpp, side by side.

    Benchmarks/peers/peers.sh python Scripts/check-micro-images.py QR_BINARY [--count 10] [--seed 1]

Prints, per kind of image, how many symbols each reader got right, and
every misread (a text that is not the one written). Exit status 1 on a
misread by QRCore or when QRCore reads fewer than zxing-cpp in all.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import cv2
import numpy as np
import segno
import zxingcpp

TEXTS = ["12345", "0042", "HELLO", "AB-12", "MICRO 42", "hello", "Grüße", "12345678901234", "Micro QR", "LOT 7-B"]


def symbol(rng, text):
    """A grey image of a Micro QR symbol with a 2-module quiet zone, 6–12 px a module."""
    scale = rng.randint(6, 12)
    if rng.random() < 0.5:
        code = segno.make_micro(text)
        modules = np.array(code.matrix, dtype=np.uint8)
    else:
        code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.MicroQRCode)
        modules = (np.array(code.to_image(scale=1, add_quiet_zones=False)) < 128).astype(np.uint8)
    modules = np.pad(modules, 2)
    image = np.where(modules == 1, 0, 255).astype(np.uint8)
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)


def on_canvas(rng, image, angle=0.0, tilt=0.0):
    """The symbol on a light canvas, turned by `angle` degrees and seen at a `tilt`."""
    h, w = image.shape
    canvas_size = int(max(h, w) * 2.2)
    canvas = np.full((canvas_size, canvas_size), rng.randint(200, 250), np.uint8)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    centre = np.array([canvas_size / 2, canvas_size / 2])
    theta = np.radians(angle)
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    corners = (src - [w / 2, h / 2])
    corners[:2, 0] *= 1 - tilt  # the top edge foreshortened
    dst = np.float32(corners @ rot.T + centre)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(image, matrix, (canvas_size, canvas_size), flags=cv2.INTER_LINEAR,
                                 borderValue=255)
    mask = cv2.warpPerspective(np.full_like(image, 255), matrix, (canvas_size, canvas_size))
    return np.where(mask > 0, warped, canvas).astype(np.uint8)


def make(kind, rng, text):
    image = symbol(rng, text)
    if kind == "clean":
        return on_canvas(rng, image)
    if kind == "rotated":
        return on_canvas(rng, image, angle=rng.uniform(0, 360))
    if kind == "perspective":
        return on_canvas(rng, image, angle=rng.uniform(0, 360), tilt=rng.uniform(0.1, 0.3))
    if kind == "blurred":
        out = on_canvas(rng, image, angle=rng.uniform(0, 360))
        return cv2.GaussianBlur(out, (0, 0), rng.uniform(1.0, 2.0))
    if kind == "noisy":
        out = on_canvas(rng, image, angle=rng.uniform(0, 360)).astype(np.float64)
        out += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 25, out.shape)
        return np.clip(out, 0, 255).astype(np.uint8)
    if kind == "inverted":
        return 255 - on_canvas(rng, image, angle=rng.uniform(0, 360))
    if kind == "mirrored":
        return cv2.flip(on_canvas(rng, image, angle=rng.uniform(0, 360)), 1)
    if kind == "beside_qr":
        micro = on_canvas(rng, image, angle=rng.uniform(-20, 20))
        qr = np.array(segno.make("QR beside a Micro QR", micro=False).matrix, dtype=np.uint8)
        qr = cv2.resize(np.where(np.pad(qr, 4) == 1, 0, 255).astype(np.uint8), None, fx=6, fy=6,
                        interpolation=cv2.INTER_NEAREST)
        height = max(micro.shape[0], qr.shape[0])
        pad = lambda im: np.pad(im, ((0, height - im.shape[0]), (0, 0)), constant_values=255)
        return np.hstack([pad(qr), pad(micro)])
    raise ValueError(kind)


KINDS = ["clean", "rotated", "perspective", "blurred", "noisy", "inverted", "mirrored", "beside_qr"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qr")
    parser.add_argument("--count", type=int, default=10, help="images per kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="write the images to DIR and keep them")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    totals = {"ours": 0, "zxing": 0, "all": 0}
    misreads = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or scratch
        os.makedirs(folder, exist_ok=True)
        for kind in KINDS:
            files, texts = [], []
            for i in range(args.count):
                text = rng.choice(TEXTS)
                path = os.path.join(folder, f"{kind}-{i:02d}.png")
                cv2.imwrite(path, make(kind, rng, text))
                files.append(path)
                texts.append(text)
            out = subprocess.run([args.qr, "decode", "--json", *files], capture_output=True, text=True).stdout
            ours = {o["file"]: [c["text"] for c in o["codes"] if c["symbol"] == "micro"]
                    for o in map(json.loads, out.splitlines())}
            got = {"ours": 0, "zxing": 0}
            for path, text in zip(files, texts):
                read = ours.get(path, [])
                got["ours"] += text in read
                misreads += [f"{os.path.basename(path)}: {t!r} for {text!r}" for t in read if t != text]
                image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
                z = [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.MicroQRCode)]
                got["zxing"] += text in z
                if text not in read and args.keep:
                    print(f"  missed {os.path.basename(path)} ({text!r})")
            print(f"{kind:12} QRCore {got['ours']:3}/{args.count}   zxing-cpp {got['zxing']:3}/{args.count}")
            totals["ours"] += got["ours"]
            totals["zxing"] += got["zxing"]
            totals["all"] += args.count
    print(f"{'all':12} QRCore {totals['ours']:3}/{totals['all']}   zxing-cpp {totals['zxing']:3}/{totals['all']}"
          f"   QRCore misreads {len(misreads)}")
    for line in misreads:
        print("  MISREAD", line)
    return 0 if not misreads and totals["ours"] >= totals["zxing"] else 1


if __name__ == "__main__":
    sys.exit(main())
