#!/usr/bin/env python3
"""Writes Fixtures/images: PNGs of every colour type, bit depth and
interlacing that PNG allows (ISO/IEC 15948), plus PGM/PPM files, and
expected.json with the luminance and RGBA that QRCore must decode each to.

The PNG writer is here rather than Pillow's because Pillow cannot write
2-bit grey, 16-bit RGB or Adam7. Every filter type is exercised: row r uses
filter r mod 5. Expected values follow libpng's conversions exactly:
low-bit grey scaled by 255 / (2^depth - 1), 16-bit samples by libpng's
scale_16 rounding, tRNS turned into alpha, then Rec. 601 luma
(77R + 150G + 29B + 128) >> 8 composited on white.

Run: /root/.cache/qr-peers/bin/python Scripts/make-image-fixtures.py
"""
import json
import os
import random
import struct
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "images")
WIDTH, HEIGHT = 13, 9  # odd, so rows end mid-byte and Adam7 passes are ragged
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(pixels, depth):
    """Packs a row of pixels (tuples of samples) at the given bit depth."""
    samples = [s for pixel in pixels for s in pixel]
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if depth == 8:
        return bytes(samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc, bits = acc << depth | s, bits + depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def filter_row(kind, row, prior, bpp):
    out = bytearray([kind])
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prior[i] if prior else 0
        c = prior[i - bpp] if prior and i >= bpp else 0
        predictor = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out.append((x - predictor) & 0xFF)
    return bytes(out)


def scanlines(image, depth, channels):
    bpp = max(1, channels * depth // 8)
    raw, prior = bytearray(), None
    for r, pixels in enumerate(image):
        row = pack_row(pixels, depth)
        raw += filter_row(r % 5, row, prior, bpp)
        prior = row
    return bytes(raw)


def png_bytes(image, color_type, depth, interlaced, palette=None, trns=None):
    height, width = len(image), len(image[0])
    channels = CHANNELS[color_type]
    if interlaced:
        raw = b""
        for x0, y0, dx, dy in ADAM7:
            sub = [[image[y][x] for x in range(x0, width, dx)] for y in range(y0, height, dy)]
            if sub and sub[0]:
                raw += scanlines(sub, depth, channels)
    else:
        raw = scanlines(image, depth, channels)
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, int(interlaced)))
    if palette:
        data += chunk(b"PLTE", bytes(c for entry in palette for c in entry))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    return data + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def scale16(v):
    """libpng's png_do_scale_16_to_8: v * 255 / 65535, rounded."""
    hi, lo = v >> 8, v & 0xFF
    return hi + (((lo - hi + 128) * 65535) >> 24)


def to8(v, depth):
    return scale16(v) if depth == 16 else v * 255 // ((1 << depth) - 1)


def luma(r, g, b, a):
    y = (77 * r + 150 * g + 29 * b + 128) >> 8
    return (y * a + 255 * (255 - a) + 127) // 255


def expected_rgba(pixel, color_type, depth, palette, alphas, transparent):
    if color_type == 3:
        r, g, b = palette[pixel[0]]
        return (r, g, b, alphas[pixel[0]] if pixel[0] < len(alphas) else 255)
    alpha = 255
    if transparent is not None and tuple(pixel) == transparent:
        alpha = 0
    s = [to8(v, depth) for v in pixel]
    if color_type == 0:
        return (s[0], s[0], s[0], alpha)
    if color_type == 2:
        return (s[0], s[1], s[2], alpha)
    if color_type == 4:
        return (s[0], s[0], s[0], s[1])
    return tuple(s)


def make_png(rng, name, color_type, depth, interlaced=False, with_trns=False):
    top = (1 << depth) - 1
    channels = CHANNELS[color_type]
    palette, alphas, trns, transparent = None, [], None, None
    if color_type == 3:
        palette = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(min(1 << depth, 200))]
        top = len(palette) - 1
    image = [[tuple(rng.randint(0, top) for _ in range(channels)) for _ in range(WIDTH)] for _ in range(HEIGHT)]
    image[0][0] = tuple([0] * channels)
    image[0][1] = tuple([top] * channels)
    if with_trns and color_type == 3:
        alphas = [rng.randrange(256) for _ in range(len(palette) // 2 + 1)]
        trns = bytes(alphas)
    elif with_trns:
        transparent = image[1][1]
        image[2][3] = transparent
        trns = b"".join(struct.pack(">H", v) for v in transparent)
    data = png_bytes(image, color_type, depth, interlaced, palette, trns)
    rgba = [expected_rgba(p, color_type, depth, palette, alphas, transparent) for row in image for p in row]
    return name, data, {"format": "png", "width": WIDTH, "height": HEIGHT, "colorType": color_type,
                        "bitDepth": depth, "interlaced": interlaced,
                        "luma": [luma(*p) for p in rgba], "rgba": [c for p in rgba for c in p]}


def make_pnm(rng, name, magic, maxval):
    channels = 3 if magic in "36" else 1
    samples = [rng.randint(0, maxval) for _ in range(WIDTH * HEIGHT * channels)]
    samples[0], samples[1] = 0, maxval
    header = f"P{magic}\n# made by make-image-fixtures.py\n{WIDTH} {HEIGHT}\n# maxval next\n{maxval}\n"
    if magic in "23":
        body = "\n".join(" ".join(str(s) for s in samples[i:i + 12]) for i in range(0, len(samples), 12)) + "\n"
        data = header.encode() + body.encode()
    else:
        data = header.encode() + b"".join(struct.pack(">H" if maxval > 255 else "B", s) for s in samples)
    scaled = [(s * 255 + maxval // 2) // maxval for s in samples]
    if channels == 1:
        lumas = scaled
    else:
        lumas = [luma(*scaled[i:i + 3], 255) for i in range(0, len(scaled), 3)]
    return name, data, {"format": "pnm", "width": WIDTH, "height": HEIGHT, "luma": lumas}


def main():
    assert all(scale16(v) == (v * 255 + 32767) // 65535 for v in range(65536))
    rng = random.Random(1)
    specs = [("gray1", 0, 1), ("gray2", 0, 2), ("gray4", 0, 4), ("gray8", 0, 8), ("gray16", 0, 16),
             ("rgb8", 2, 8), ("rgb16", 2, 16),
             ("palette1", 3, 1), ("palette2", 3, 2), ("palette4", 3, 4), ("palette8", 3, 8),
             ("gray-alpha8", 4, 8), ("gray-alpha16", 4, 16), ("rgba8", 6, 8), ("rgba16", 6, 16)]
    fixtures = [make_png(rng, name, t, d) for name, t, d in specs]
    fixtures += [make_png(rng, name, t, d, with_trns=True) for name, t, d in
                 [("gray2-trns", 0, 2), ("gray8-trns", 0, 8), ("gray16-trns", 0, 16), ("rgb8-trns", 2, 8),
                  ("rgb16-trns", 2, 16), ("palette2-trns", 3, 2), ("palette8-trns", 3, 8)]]
    fixtures += [make_png(rng, name, t, d, interlaced=True) for name, t, d in
                 [("gray1-adam7", 0, 1), ("palette4-adam7", 3, 4), ("rgb16-adam7", 2, 16), ("rgba8-adam7", 6, 8)]]
    fixtures += [make_pnm(rng, "gray8-binary.pgm", "5", 255), make_pnm(rng, "gray16-binary.pgm", "5", 65535),
                 make_pnm(rng, "colour8-binary.ppm", "6", 255), make_pnm(rng, "colour16-binary.ppm", "6", 1000),
                 make_pnm(rng, "gray-ascii.pgm", "2", 15), make_pnm(rng, "colour-ascii.ppm", "3", 4000)]
    # Opaque grey is read without the RGBA round trip, Adam7 included: its
    # own interlaced cases (added last, so that the files above stay as they were).
    fixtures += [make_png(rng, name, 0, d, interlaced=True) for name, d in [("gray8-adam7", 8), ("gray16-adam7", 16)]]
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, data, facts in fixtures:
        file_name = name if "." in name else name + ".png"
        with open(os.path.join(OUT, file_name), "wb") as f:
            f.write(data)
        expected[file_name] = facts
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        lines = [json.dumps(name) + ": " + json.dumps(expected[name], sort_keys=True, separators=(",", ":"))
                 for name in sorted(expected)]
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


if __name__ == "__main__":
    main()
