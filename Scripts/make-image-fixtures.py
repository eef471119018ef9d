#!/usr/bin/env python3
"""Writes Fixtures/images: PNGs of every colour type, bit depth and
interlacing that PNG allows (ISO/IEC 15948), PGM/PPM files, JPEGs of every
kind QRCore reads, and expected.json with the luminance (and for PNG the
RGBA) that QRCore must decode each to. Also writes qr-photo.jpg, a colour
photo of a code whose text is in qr-photo.txt, and the JPEG fuzzing seeds
in Fixtures/fuzz/jpeg.

The PNG writer is here rather than Pillow's because Pillow cannot write
2-bit grey, 16-bit RGB or Adam7. Every filter type is exercised: row r uses
filter r mod 5. Expected values follow libpng's conversions exactly:
low-bit grey scaled by 255 / (2^depth - 1), 16-bit samples by libpng's
scale_16 rounding, tRNS turned into alpha, then Rec. 601 luma
(77R + 150G + 29B + 128) >> 8 composited on white.

JPEG expectations come from other decoders of the same bytes, never from
QRCore: grey and YCbCr files from OpenCV's IMREAD_GRAYSCALE (libjpeg's Y
channel); RGB, CMYK and YCCK from Pillow's RGB or CMYK samples through the
same Rec. 601 luma (CMYK read as inverted when an Adobe marker is present).
Colour fixtures other than YCbCr are 4:4:4, so no upsampling filter stands
between the two decoders. Pillow writes most JPEGs; the kinds it cannot
write (YCCK, CMYK without an Adobe marker, arithmetic coding) come from a
small libjpeg program compiled on the fly (needs cc, pkg-config and
libjpeg62-turbo-dev).

Run: Benchmarks/peers/peers.sh python Scripts/make-image-fixtures.py
"""
import io
import json
import os
import random
import struct
import subprocess
import tempfile
import zlib

import cv2
import numpy as np
import segno
import zxingcpp
from PIL import Image

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Fixtures")
OUT = os.path.join(FIXTURES, "images")
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


# ----------------------------------------------------------------------------
# JPEG
# ----------------------------------------------------------------------------

JPEG_WIDTH, JPEG_HEIGHT = 37, 29  # odd: partial MCUs on the right and at the bottom

# Writes what Pillow cannot: arguments WIDTH HEIGHT QUALITY SPACE ADOBE ARITHMETIC,
# SPACE one of ycbcr (RGB samples in), cmyk or ycck (CMYK samples in, 4:4:4);
# raw samples on standard input, the JPEG on standard output.
LIBJPEG_WRITER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
int main(int argc, char **argv) {
    if (argc != 7) return 2;
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, stdout);
    c.image_width = atoi(argv[1]);
    c.image_height = atoi(argv[2]);
    int ycbcr = strcmp(argv[4], "ycbcr") == 0;
    c.input_components = ycbcr ? 3 : 4;
    c.in_color_space = ycbcr ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, atoi(argv[3]), TRUE);
    if (!ycbcr) {
        jpeg_set_colorspace(&c, strcmp(argv[4], "ycck") == 0 ? JCS_YCCK : JCS_CMYK);
        for (int i = 0; i < 4; i++) c.comp_info[i].h_samp_factor = c.comp_info[i].v_samp_factor = 1;
    }
    c.write_Adobe_marker = atoi(argv[5]);
    c.arith_code = atoi(argv[6]);
    size_t stride = (size_t)c.image_width * c.input_components;
    unsigned char *row = malloc(stride);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        if (fread(row, 1, stride, stdin) != stride) return 3;
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    return 0;
}
"""


class LibjpegWriter:
    """The program above, compiled once into a temporary folder."""

    def __init__(self):
        self.folder = tempfile.TemporaryDirectory()
        source = os.path.join(self.folder.name, "writer.c")
        self.binary = os.path.join(self.folder.name, "writer")
        with open(source, "w") as f:
            f.write(LIBJPEG_WRITER)
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libjpeg"], check=True, capture_output=True,
                               text=True).stdout.split()
        subprocess.run(["cc", "-O1", "-o", self.binary, source] + flags, check=True)

    def write(self, samples, quality, space, adobe=True, arithmetic=False):
        height, width = samples.shape[:2]
        arguments = [self.binary, str(width), str(height), str(quality), space, str(int(adobe)), str(int(arithmetic))]
        return subprocess.run(arguments, input=samples.tobytes(), check=True, capture_output=True).stdout


def jpeg_scene(rng, width=JPEG_WIDTH, height=JPEG_HEIGHT):
    """Colour RGB with what JPEG must carry: smooth gradients, hard edges and fine noise."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    image = np.stack([255 * xx / width, 255 * yy / height, 128 + 100 * np.sin(xx / 3 + yy / 5)], -1)
    for _ in range(6):
        x, y = rng.randrange(width), rng.randrange(height)
        image[y:y + rng.randrange(3, 12), x:x + rng.randrange(3, 12)] = [rng.randrange(256) for _ in range(3)]
    noise = np.array([[[rng.gauss(0, 6) for _ in range(3)] for _ in range(width)] for _ in range(height)])
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def cmyk_ink(rgb):
    """Naive RGB → CMYK ink amounts (0 = no ink): black takes the common part."""
    rgb = rgb.astype(np.int32)
    black = 255 - rgb.max(-1)
    white = np.maximum(255 - black, 1)
    ink = [(255 - rgb[..., i] - black) * 255 // white for i in range(3)]
    return np.stack(ink + [black], -1).astype(np.uint8)


def luma_rgb(rgb):
    rgb = rgb.astype(np.int32)
    return ((77 * rgb[..., 0] + 150 * rgb[..., 1] + 29 * rgb[..., 2] + 128) >> 8).astype(np.uint8)


def luma_cmyk(stored, inverted):
    """The shim's CMYK conversion, from the samples as stored in the file."""
    s = stored.astype(np.int32)
    if not inverted:
        s = 255 - s
    c, m, y, k = (s[..., i] for i in range(4))
    return luma_rgb(np.stack([(c * k + 127) // 255, (m * k + 127) // 255, (y * k + 127) // 255], -1))


def pillow_jpeg(image, mode, **options):
    out = io.BytesIO()
    Image.fromarray(image, mode).save(out, "JPEG", **options)
    return out.getvalue()


def stored_cmyk(data):
    """The CMYK samples as stored: Pillow always inverts CMYK on reading (Adobe's polarity), so undo it."""
    with Image.open(io.BytesIO(data)) as image:
        assert image.mode == "CMYK"
        return 255 - np.array(image)


def jpeg_facts(data, color_space, luma):
    with Image.open(io.BytesIO(data)) as image:
        progressive = bool(image.info.get("progressive") or image.info.get("progression"))
    restarts = sum(data.count(bytes([0xFF, 0xD0 + n])) for n in range(8))
    return {"format": "jpeg", "width": JPEG_WIDTH, "height": JPEG_HEIGHT, "colorSpace": color_space,
            "progressive": progressive, "adobe": b"Adobe" in data, "restartMarkers": restarts,
            "luma": [int(v) for v in luma.flatten()]}


def grey_of(data):
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)


def rgb_of(data):
    with Image.open(io.BytesIO(data)) as image:
        assert image.mode == "RGB"
        return np.array(image)


def make_jpegs(rng, writer):
    rgb = jpeg_scene(rng)
    grey = luma_rgb(jpeg_scene(rng))
    ink = cmyk_ink(jpeg_scene(rng))
    files = {
        "jpeg-gray.jpg": (pillow_jpeg(grey, "L", quality=90), "gray"),
        "jpeg-ycbcr-420.jpg": (pillow_jpeg(rgb, "RGB", quality=85, subsampling=2), "yCbCr"),
        "jpeg-ycbcr-444.jpg": (pillow_jpeg(rgb, "RGB", quality=85, subsampling=0), "yCbCr"),
        "jpeg-ycbcr-422-progressive.jpg": (pillow_jpeg(rgb, "RGB", quality=80, subsampling=1, progressive=True),
                                           "yCbCr"),
        "jpeg-gray-progressive.jpg": (pillow_jpeg(grey, "L", quality=75, progressive=True), "gray"),
        "jpeg-ycbcr-restart.jpg": (pillow_jpeg(rgb, "RGB", quality=85, subsampling=2, restart_marker_blocks=1),
                                   "yCbCr"),
        "jpeg-ycbcr-arithmetic.jpg": (writer.write(rgb, 85, "ycbcr", adobe=False, arithmetic=True), "yCbCr"),
        "jpeg-rgb.jpg": (pillow_jpeg(rgb, "RGB", quality=90, subsampling=0, keep_rgb=True), "rgb"),
        # Adobe polarity: 255 is no ink. Pillow inverts CMYK itself when saving.
        "jpeg-cmyk-adobe.jpg": (pillow_jpeg(ink, "CMYK", quality=90, subsampling=0), "cmyk"),
        "jpeg-cmyk-progressive.jpg": (pillow_jpeg(ink, "CMYK", quality=80, subsampling=0, progressive=True), "cmyk"),
        "jpeg-ycck-adobe.jpg": (writer.write(255 - ink, 90, "ycck"), "ycck"),
        "jpeg-cmyk-plain.jpg": (writer.write(ink, 90, "cmyk", adobe=False), "cmyk"),
    }
    fixtures = []
    for name, (data, space) in files.items():
        if space in ("gray", "yCbCr"):
            luma = grey_of(data)
        elif space == "rgb":
            luma = luma_rgb(rgb_of(data))
        else:
            luma = luma_cmyk(stored_cmyk(data), inverted=b"Adobe" in data)
        fixtures.append((name, data, jpeg_facts(data, space, luma)))
    return fixtures


def make_photo(path_jpg, path_txt):
    """A colour phone-style photo of a code: tilted label on a coloured, cluttered desk, soft focus,
    noise, saved as a progressive 4:2:0 JPEG at quality 72."""
    rng = np.random.default_rng(11)
    text = "https://example.com/menu?table=12&lang=de"
    matrix = np.array([list(row) for row in segno.make_qr(text, error="m").matrix_iter(scale=1, border=4)], bool)
    scale = 12
    label = np.where(np.kron(matrix, np.ones((scale, scale), bool))[..., None], [40, 30, 90], [235, 228, 210])
    width, height = 800, 600
    yy, xx = np.mgrid[0:height, 0:width]
    scene = np.stack([120 + 60 * xx / width, 90 + 40 * yy / height, 60 + 0 * xx], -1).astype(np.float64)
    for _ in range(15):
        colour = rng.uniform(0, 255, 3).tolist()
        cv2.circle(scene, (int(rng.integers(0, width)), int(rng.integers(0, height))), int(rng.integers(10, 80)),
                   colour, -1)
    side = label.shape[0]
    source = np.float32([[0, 0], [side, 0], [side, side], [0, side]])
    target = np.float32([[260, 140], [560, 170], [545, 470], [245, 445]])
    warp = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(label.astype(np.float64), warp, (width, height), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((side, side)), warp, (width, height), flags=cv2.INTER_AREA)[..., None]
    scene = scene * (1 - mask) + warped * mask
    scene *= (0.8 + 0.35 * xx / width)[..., None]
    scene = cv2.GaussianBlur(scene, (0, 0), 1.1) + rng.normal(0, 5, scene.shape)
    photo = np.clip(scene, 0, 255).astype(np.uint8)
    data = pillow_jpeg(photo, "RGB", quality=72, subsampling=2, progressive=True)
    grey = grey_of(data)
    assert [r.text for r in zxingcpp.read_barcodes(grey)] == [text], "zxing-cpp must read the photo"
    with open(path_jpg, "wb") as f:
        f.write(data)
    with open(path_txt, "w") as f:
        f.write(text)


def make_fuzz_seeds(folder, fixtures):
    """Small JPEGs of codes in each kind the decoder has a path for, and a truncated one."""
    os.makedirs(folder, exist_ok=True)
    matrix = np.array([list(r) for r in segno.make_qr("QRCore JPEG", error="q").matrix_iter(scale=2, border=2)])
    grey = np.where(matrix, 20, 235).astype(np.uint8)
    colour = np.stack([grey, grey // 2 + 100, grey], -1).astype(np.uint8)
    seeds = {
        "qr-gray-baseline.jpg": pillow_jpeg(grey, "L", quality=80),
        "qr-ycbcr-420-progressive.jpg": pillow_jpeg(colour, "RGB", quality=70, subsampling=2, progressive=True),
        "qr-ycbcr-restart.jpg": pillow_jpeg(colour, "RGB", quality=75, restart_marker_blocks=2),
        "qr-cmyk-adobe.jpg": pillow_jpeg(cmyk_ink(colour), "CMYK", quality=75),
        "rgb-adobe.jpg": dict(fixtures)["jpeg-rgb.jpg"],
        "ycck-adobe.jpg": dict(fixtures)["jpeg-ycck-adobe.jpg"],
        "arithmetic.jpg": dict(fixtures)["jpeg-ycbcr-arithmetic.jpg"],
    }
    seeds["corrupt-truncated.jpg"] = seeds["qr-ycbcr-420-progressive.jpg"][:400]
    for name, data in seeds.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


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
    jpegs = make_jpegs(random.Random(2), LibjpegWriter())
    fixtures += jpegs
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
    make_photo(os.path.join(OUT, "qr-photo.jpg"), os.path.join(OUT, "qr-photo.txt"))
    make_fuzz_seeds(os.path.join(FIXTURES, "fuzz", "jpeg"), [(name, data) for name, data, _ in jpegs])


if __name__ == "__main__":
    main()
