#!/usr/bin/env python3
"""Make Fixtures/bench/photo-640x480.png: a photo-like test image for qr-bench.

A QR Code (the url-H payload, level H) drawn with perspective on a textured,
unevenly lit background, slightly blurred, with sensor noise. Deterministic.
Needs numpy, opencv and qrcodegen (the peers venv of Benchmarks/peers/peers.sh):
    Benchmarks/peers/peers.sh python Scripts/make-bench-photo.py Fixtures/bench/photo-640x480.png
"""
import sys
import cv2
import numpy as np
from qrcodegen import QrCode

rng = np.random.default_rng(7)
width, height = 640, 480
text = "https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42"
code = QrCode.encode_text(text, QrCode.Ecc.HIGH)
n, border, scale = code.get_size(), 4, 12
symbol = np.full(((n + 2 * border) * scale,) * 2, 235, np.uint8)
for y in range(n):
    for x in range(n):
        if code.get_module(x, y):
            symbol[(y + border) * scale:(y + border + 1) * scale, (x + border) * scale:(x + border + 1) * scale] = 30

# Background: lighting gradient, paper texture and a few darker shapes.
yy, xx = np.mgrid[0:height, 0:width]
background = 120 + 80 * (xx / width) - 30 * (yy / height)
background += cv2.GaussianBlur(rng.normal(0, 25, (height, width)), (0, 0), 6)
image = np.clip(background, 0, 255).astype(np.uint8)
for _ in range(12):
    cx, cy = int(rng.integers(0, width)), int(rng.integers(0, height))
    cv2.circle(image, (cx, cy), int(rng.integers(10, 60)), int(rng.integers(40, 200)), -1)

side = symbol.shape[0]
source = np.float32([[0, 0], [side, 0], [side, side], [0, side]])
target = np.float32([[215, 105], [455, 125], [440, 370], [205, 345]])
warp = cv2.getPerspectiveTransform(source, target)
warped = cv2.warpPerspective(symbol, warp, (width, height), flags=cv2.INTER_AREA, borderValue=0)
mask = cv2.warpPerspective(np.full_like(symbol, 255), warp, (width, height), borderValue=0)
image = np.where(mask > 128, warped, image).astype(np.float64)
image *= 0.75 + 0.25 * (xx / width)  # uneven light across the code too
image = cv2.GaussianBlur(image, (0, 0), 0.8) + rng.normal(0, 5, (height, width))
cv2.imwrite(sys.argv[1], np.clip(image, 0, 255).astype(np.uint8))
print("wrote", sys.argv[1])
