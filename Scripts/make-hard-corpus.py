#!/usr/bin/env python3
"""Make a hard, photo-like QR Code evaluation corpus for `peers.sh decode-eval`.

usage: make-hard-corpus.py OUTDIR [--seed N] [--per-category N]
                           [--categories a,b,...] [--jobs N] [--jpeg] [--qr PATH]

Writes OUTDIR/<category>/<category>-NNN.png (.jpg with --jpeg) and OUTDIR/manifest.json, a JSON
list of {"file", "category", "texts", "info"}; "texts" are the exact texts of
every code in the image ([] for images without a code), "info" records how
the image was made (encoder, version, level, module size, degradations).
Every image is a pure function of (seed, category, index): the same seed gives
the same corpus whatever --per-category, --categories or --jobs say.

Scenes are simulated photos: each code is printed on a label (paper colour,
ink colour, quiet zone, dot gain, sometimes a caption) and placed in 3-D
(rotation, tilt, a pinhole camera; cylinders for "curved"), rendered by
supersampled ray casting onto a cluttered background (gradients, texture,
shapes, text, cards, other barcode symbologies), then lit (uneven light,
vignetting, shadows, glare) and photographed (defocus or motion blur, exposure
and gamma, signal-dependent sensor noise, sometimes JPEG).

--jpeg saves every image as a phone saves a photo: colour (never converted
to grey), resampled (most down by 0.7-0.95, some up by 1.1-1.4 as digital
zoom), sharpened by an unsharp mask, then written as a real .jpg file by
libjpeg (Pillow) at quality 55-92, 4:2:0 (most), 4:2:2 or 4:4:4, a third
of them progressive. The scenes are the same as without --jpeg (the phone
stage draws from its own random stream), but the in-camera JPEG round trip
(and the jpeg category's quality 20-50) is replaced by the phone's own.

Payloads are realistic (URLs, tickets, boarding passes, vCard/MECARD, Wi-Fi,
GS1-like strings, EPC payments, text with accents and CJK in byte mode, ...)
and are encoded by segno, qrcodegen or python-qrcode at levels L-H. Every
symbol is checked before use: its clean rendering must read back as exactly
the expected text with zxing-cpp, so the expected texts are well defined.

Categories (about 20 images each by default): nominal, small_modules,
high_version, rotation, perspective, blur, noise, low_contrast, shadow, glare,
inverted, mirrored, multi, damaged_data, damaged_finder, jpeg, large_image,
curved, no_code, and the harder kinds of issue 10: bare (a symbol cropped to
its edges, 1-5 px a module), dotted and rounded (styled modules and round or
rounded finder "eyes"), shear, foreshortened (finder patterns 1.7-3 times
apart in apparent size), curved_dense (versions 30-40 on a curved page),
heavy_noise (Gaussian noise of 40-60 grey levels plus salt and pepper on low
contrast), heavy_blur (defocus 1.2-1.9 modules across) and phone (camera
pipelines: resampling, sharpening, tone curves, photographs of screens).
damaged_data keeps the damage within the Reed-Solomon capacity of every block
(checked module by module); damaged_finder covers part or all of one finder
pattern and nothing else.

Three more categories, the rest of the QR family, are made only when named
with --categories (the default corpus stays the same for each seed): micro
(one Micro QR symbol, M1-M4 at the levels each offers, with serial, lot,
part and date codes or short URLs, on a small parts label or a circuit
board's silkscreen box, sometimes inverted or beside a QR Code, 2-4 modules
of quiet zone, 2.5-10 px a module), rmqr (one rMQR strip written by zxing-cpp,
R7x43-R17x139 at level M or H, 2 modules of quiet zone, any rotation, tilted
up to 35 degrees but never so that the modules at one end look more than 1.4
times the size of those at the other) and structured_append (a whole sequence of 2-6 QR symbols in a row, a
column or a grid on one card, written by `qr encode --split` with --qr PATH
for half the images, else by segno.make_sequence; "texts" are the parts'
texts, info["message"] the message, which Scripts/check-sa-photos.py
checks `qr decode --merge` against). Each gets one of the same cameras as
the other kinds (plain, blur, motion, noise, low light, strong JPEG):
    Benchmarks/peers/peers.sh python Scripts/make-hard-corpus.py /tmp/family1 --seed 1 \\
        --categories micro,rmqr,structured_append --qr QR_BINARY
    Benchmarks/peers/peers.sh decode-eval /tmp/family1 --decoders zxing,ours \\
        --zxing-formats QRCode,MicroQRCode,RMQRCode --ours "QR_BINARY decode --json"

Needs numpy, opencv, segno, qrcodegen, qrcode and zxingcpp (the peers venv):
    Benchmarks/peers/peers.sh python Scripts/make-hard-corpus.py /tmp/hard --seed 1 --jobs 2
    Benchmarks/peers/peers.sh decode-eval /tmp/hard --decoders zxing,zbar,opencv,ours \\
        --ours "$PWD/.build/release/qr decode --json"
The default corpus (28 categories x 20) takes about 20 minutes with --jobs 2 on
two busy cores and about 1 GB (the 3000x2000 images are a sixth of it).
The colour JPEG set of the README:
    Benchmarks/peers/peers.sh python Scripts/make-hard-corpus.py /tmp/hard-jpeg --jpeg --seed 5 \\
        --per-category 10 --jobs 2
"""
import argparse
import functools
import io
import json
import math
import operator
import os
import sys
import zlib

import cv2
import numpy as np
import qrcode
import qrcode.constants
import segno
import zxingcpp
from PIL import Image
from qrcodegen import QrCode, QrSegment

CATEGORIES = [
    "nominal", "small_modules", "high_version", "rotation", "perspective", "blur",
    "noise", "low_contrast", "shadow", "glare", "inverted", "mirrored", "multi",
    "damaged_data", "damaged_finder", "jpeg", "large_image", "curved", "no_code",
    "bare", "dotted", "rounded", "shear", "foreshortened", "curved_dense", "heavy_noise", "heavy_blur", "phone",
]
# Made only when named with --categories, so that the default corpus stays what it was for each seed.
EXTRA_CATEGORIES = ["micro", "rmqr", "structured_append"]

# ----------------------------------------------------------------------------
# Random helpers
# ----------------------------------------------------------------------------


def U(rng, a, b):
    return float(rng.uniform(a, b))


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def chance(rng, p):
    return bool(rng.random() < p)


def digits(rng, n):
    return "".join(str(int(d)) for d in rng.integers(0, 10, n))


def chars(rng, n, alphabet):
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), n))


UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
ALNUM = UPPER + LOWER + "0123456789"
B64 = ALNUM + "-_"
HEX = "0123456789abcdef"

WORDS = """the of and to in is you that it he was for on are as with his they at be
this have from or one had by word but not what all were we when your can said there
use an each which she do how their if will up other about out many then them these so
some her would make like him into time has look two more write go see number no way
could people my than first water been call who oil its now find long down day did get
come made may part over new sound take only little work know place year live me back
give most very after thing our just name good sentence man think say great where help
through much before line right too mean old any same tell boy follow came want show
also around form three small set put end does another well large must big even such
because turn here why ask went men read need land different home us move try kind hand
picture again change off play spell air away animal house point page letter mother
answer found study still learn should america world coffee ticket station market garden
river mountain order invoice delivery parcel museum concert seat gate platform
""".split()

DOMAINS = ["example.com", "shop.example.org", "tickets.example.net", "qr.example.io",
           "www.example.de", "m.example.fr", "go.example.co.uk", "pay.example.com",
           "events.example.jp", "menu.example.it", "app.example.es", "id.example.ch"]
TLD_SHORT = ["bit.ly", "t.co", "goo.gl", "qrco.de", "tinyurl.com", "s.id"]
FIRST = ["Anna", "Jürgen", "Zoë", "Łukasz", "François", "José", "Mia", "Noah", "Søren",
         "Chloé", "Björn", "Inês", "Ali", "Mei", "Hiroshi", "Olga", "Ramón", "Ève", "John", "Emma"]
LAST = ["Müller", "García", "Dubois", "Nowak", "Rossi", "Jensen", "Smith", "Tanaka",
        "Ivanova", "Martínez", "Öztürk", "Keller", "Brown", "Lefèvre", "Kowalski", "Doe"]
CITIES = ["Zürich", "München", "Kraków", "Montréal", "São Paulo", "Genève", "Málaga",
          "Berlin", "Paris", "London", "Tokyo", "Osaka", "New York", "Toronto", "Århus"]
LATIN_SENT = [
    "Café crème à emporter, merci beaucoup !",
    "Grüße aus München – die Brötchen sind frisch.",
    "¿Dónde está la estación de tren? Mañana a las ocho.",
    "Ça coûte 12,50 € avec la réduction étudiante.",
    "Smörgåsbord för två personer, tack så mycket.",
    "Przepraszam, gdzie jest najbliższa apteka?",
    "Le cœur a ses raisons que la raison ne connaît point.",
    "Fußgängerübergang gesperrt – Umleitung über die Brücke.",
    "Não há mal que sempre dure, nem bem que nunca acabe.",
    "Å være eller ikke være, det er spørsmålet.",
    "Čeština má háčky a čárky: příliš žluťoučký kůň.",
    "Ünlü şair İstanbul'da doğdu; şiirleri çok güzel.",
]
CJK_SENT = [
    "欢迎光临！请扫描二维码付款。", "本日のおすすめメニューはこちら", "東京駅 八重洲北口 集合 9:30",
    "서울특별시 중구 세종대로 110", "会议室预订成功，请准时参加。", "領収書をお受け取りください",
    "このQRコードを読み取ってください", "北京市海淀区中关村大街27号", "감사합니다. 좋은 하루 되세요!",
    "お問い合わせ：受付時間 平日10時～18時", "请在24小时内完成支付", "限定セール 50%オフ 本日まで",
]
EMOJI = ["🎉", "☕", "✈️", "🚆", "📦", "✅", "🍣"]


def sentence(rng, n=None):
    n = n or int(rng.integers(3, 12))
    s = " ".join(pick(rng, WORDS) for _ in range(n))
    return s[0].upper() + s[1:] + pick(rng, [".", ".", "!", "?", ""])


def p_url(rng):
    r = rng.random()
    if r < 0.15:
        return f"https://{pick(rng, TLD_SHORT)}/{chars(rng, int(rng.integers(5, 9)), ALNUM)}"
    if r < 0.25:  # all-caps URLs use alphanumeric mode
        return f"HTTPS://{pick(rng, DOMAINS).upper()}/{chars(rng, int(rng.integers(4, 12)), UPPER + '0123456789')}"
    path = "/".join(pick(rng, WORDS) for _ in range(int(rng.integers(0, 4))))
    url = f"{pick(rng, ['https', 'https', 'http'])}://{pick(rng, DOMAINS)}/{path}"
    if chance(rng, 0.6):
        q = "&".join(f"{pick(rng, WORDS)}={chars(rng, int(rng.integers(2, 12)), ALNUM)}"
                     for _ in range(int(rng.integers(1, 5))))
        url += "?" + q
    if chance(rng, 0.2):
        url += "#" + pick(rng, WORDS)
    return url


def p_ticket(rng):
    r = rng.random()
    if r < 0.35:  # IATA boarding pass (BCBP), fixed width with spaces
        name = (pick(rng, LAST).upper().encode("ascii", "ignore").decode() + "/" +
                pick(rng, FIRST).upper().encode("ascii", "ignore").decode())
        return (f"M1{name:<20}E{chars(rng, 6, UPPER + '0123456789')} "
                f"{chars(rng, 3, UPPER)}{chars(rng, 3, UPPER)}{chars(rng, 2, UPPER)} "
                f"{digits(rng, 4)} {digits(rng, 3)}Y{digits(rng, 3)}{pick(rng, 'ABCDEF')}"
                f"{digits(rng, 4)} 1{digits(rng, 2)}>5180  {chars(rng, 10, UPPER + '0123456789')}")
    if r < 0.7:
        return (f"TKT:{chars(rng, 3, UPPER)}{digits(rng, 4)}-{digits(rng, 4)};SEAT:{digits(rng, 2)}"
                f"{pick(rng, 'ABCDEFGH')};GATE:{pick(rng, 'ABCDE')};ID:{chars(rng, 12, HEX.upper())}")
    return "".join(chars(rng, 4, UPPER + "0123456789") + "-" for _ in range(3)) + digits(rng, 8)


def p_vcard(rng, long=False):
    fn, ln = pick(rng, FIRST), pick(rng, LAST)
    nl = pick(rng, ["\r\n", "\n"])
    lines = ["BEGIN:VCARD", "VERSION:" + pick(rng, ["3.0", "4.0", "2.1"]), f"N:{ln};{fn};;;",
             f"FN:{fn} {ln}", f"ORG:{pick(rng, WORDS).title()} {pick(rng, ['GmbH', 'SA', 'Ltd', 'Inc.', 'AG'])}",
             f"TEL;TYPE=CELL:+{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 7)}",
             f"EMAIL:{fn.lower().encode('ascii', 'ignore').decode() or 'x'}.{pick(rng, WORDS)}@{pick(rng, DOMAINS)}"]
    if chance(rng, 0.6) or long:
        lines.append(f"ADR;TYPE=WORK:;;{digits(rng, 2)} {pick(rng, WORDS).title()}straße;{pick(rng, CITIES)};;{digits(rng, 5)};")
    if chance(rng, 0.5) or long:
        lines.append("URL:" + p_url(rng))
    if long:
        lines.append("NOTE:" + " ".join(sentence(rng) for _ in range(int(rng.integers(3, 10)))))
    lines.append("END:VCARD")
    return nl.join(lines)


def p_mecard(rng):
    return (f"MECARD:N:{pick(rng, LAST)},{pick(rng, FIRST)};TEL:+{digits(rng, 11)};"
            f"EMAIL:{pick(rng, WORDS)}@{pick(rng, DOMAINS)};ADR:{pick(rng, CITIES)};;")


def p_wifi(rng):
    ssid = pick(rng, [f"{pick(rng, WORDS).title()}_{digits(rng, 2)}", f"FRITZ!Box {digits(rng, 4)}",
                      f"Café {pick(rng, CITIES)}", f"HOME-{chars(rng, 4, HEX.upper())}", "Guest 5G"])
    pw = chars(rng, int(rng.integers(8, 20)), ALNUM + "!#%+")
    return f"WIFI:T:{pick(rng, ['WPA', 'WPA', 'WEP', 'SAE'])};S:{ssid};P:{pw};H:{pick(rng, ['false', 'true'])};;"


def p_gs1(rng):
    gtin = "0" + digits(rng, 13)
    r = rng.random()
    if r < 0.4:
        return f"https://id.gs1.org/01/{gtin}/10/{chars(rng, 6, UPPER + '0123456789')}?17=2{digits(rng, 5)}"
    if r < 0.7:
        return f"(01){gtin}(17)2{digits(rng, 5)}(10){chars(rng, 6, UPPER + '0123456789')}(21){digits(rng, 8)}"
    return f"01{gtin}17{digits(rng, 6)}10{chars(rng, 5, UPPER + '0123456789')}"


def p_epc(rng):
    return "\n".join(["BCD", "002", "1", "SCT", chars(rng, 8, UPPER), f"{pick(rng, FIRST)} {pick(rng, LAST)}",
                      f"DE{digits(rng, 20)}", f"EUR{int(rng.integers(1, 999))}.{digits(rng, 2)}", "", "",
                      f"Rechnung {digits(rng, 6)}"])


def p_misc(rng):
    r = rng.random()
    if r < 0.2:
        return f"geo:{U(rng, -80, 80):.5f},{U(rng, -170, 170):.5f}"
    if r < 0.4:
        return f"SMSTO:+{digits(rng, 11)}:{sentence(rng)}"
    if r < 0.55:
        return f"mailto:{pick(rng, WORDS)}@{pick(rng, DOMAINS)}?subject={pick(rng, WORDS)}"
    if r < 0.7:
        return f"tel:+{digits(rng, 11)}"
    if r < 0.85:
        return digits(rng, int(rng.integers(6, 40)))
    return chars(rng, int(rng.integers(4, 30)), UPPER + "0123456789 $%*+-./:")


def p_text(rng):
    r = rng.random()
    if r < 0.3:
        return sentence(rng)
    if r < 0.6:
        return pick(rng, LATIN_SENT) + ("" if chance(rng, 0.7) else " " + pick(rng, LATIN_SENT))
    if r < 0.9:
        return pick(rng, CJK_SENT) + ("" if chance(rng, 0.7) else " " + pick(rng, CJK_SENT))
    return pick(rng, LATIN_SENT) + " " + pick(rng, EMOJI)


PAYLOADS = [(p_url, 0.28), (p_ticket, 0.1), (p_vcard, 0.07), (p_mecard, 0.05), (p_wifi, 0.08),
            (p_gs1, 0.08), (p_epc, 0.04), (p_misc, 0.12), (p_text, 0.18)]


def payload(rng):
    w = np.array([p for _, p in PAYLOADS])
    fn = PAYLOADS[int(rng.choice(len(PAYLOADS), p=w / w.sum()))][0]
    return fn(rng)


def long_payload(rng, nbytes):
    """A realistic payload of about nbytes UTF-8 bytes (for versions 20-40)."""
    kind = pick(rng, ["vcard", "jwt", "text", "latin", "cjk", "json", "csv", "numeric", "urls"])
    parts, sep = [], "\n"
    if kind == "vcard":
        base = p_vcard(rng, long=True)
        head, tail = base.rsplit("END:VCARD", 1)
        extra = ""
        while len((head + extra).encode()) < nbytes - 12:
            extra += sentence(rng) + " "
        text = head.rstrip("\r\n") + " " + extra
        text = trim_bytes(text, nbytes - 12) + "\nEND:VCARD"
        return text
    if kind == "jwt":
        text = "eyJhbGciOiJFUzI1NiJ9." + chars(rng, nbytes, B64)
        return trim_bytes("https://verify.example.org/#" + text if chance(rng, 0.5) else text, nbytes)
    if kind == "numeric":
        return digits(rng, int(nbytes * U(rng, 2.0, 2.4)))
    while len(sep.join(parts).encode()) < nbytes:
        if kind == "text":
            parts.append(sentence(rng, int(rng.integers(6, 20))))
        elif kind == "latin":
            parts.append(pick(rng, LATIN_SENT))
        elif kind == "cjk":
            parts.append(pick(rng, CJK_SENT))
        elif kind == "json":
            parts.append(json.dumps({"id": digits(rng, 8), "name": f"{pick(rng, FIRST)} {pick(rng, LAST)}",
                                     "city": pick(rng, CITIES), "qty": int(rng.integers(1, 99))}, ensure_ascii=False))
        elif kind == "csv":
            parts.append(f"{digits(rng, 6)};{pick(rng, WORDS)};{int(rng.integers(1, 500))},{digits(rng, 2)};{pick(rng, CITIES)}")
        else:
            parts.append(p_url(rng))
    return trim_bytes(sep.join(parts), nbytes)


def trim_bytes(text, nbytes):
    while len(text.encode()) > nbytes:
        text = text[:-1]
    return text.rstrip("\r\n ")


# ----------------------------------------------------------------------------
# Symbols
# ----------------------------------------------------------------------------

LEVEL_ORD = {"L": 0, "M": 1, "Q": 2, "H": 3}
QRCODEGEN_ECC = {"L": QrCode.Ecc.LOW, "M": QrCode.Ecc.MEDIUM, "Q": QrCode.Ecc.QUARTILE, "H": QrCode.Ecc.HIGH}
PYQR_ECC = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
            "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}
PYQR_ECC_BACK = {v: k for k, v in PYQR_ECC.items()}


class Symbol:
    def __init__(self, matrix, text, version, level, encoder, note=""):
        self.matrix, self.text, self.version, self.level, self.encoder, self.note = matrix, text, version, level, encoder, note

    @property
    def n(self):
        return self.matrix.shape[0]

    def info(self):
        return {"version": self.version, "level": self.level, "encoder": self.encoder + self.note}


def encode(rng, text, level, encoder, version_range=(1, 40)):
    vmin, vmax = version_range
    non_ascii = any(ord(c) > 127 for c in text)
    if encoder == "segno":
        note = ""
        kw = {}
        if non_ascii:
            latin1 = all(ord(c) < 256 for c in text)
            if latin1 and chance(rng, 0.25):
                note = "/latin1"  # segno's default: ISO-8859-1 byte mode, no ECI
                kw = dict(mode="byte")
            else:
                eci = chance(rng, 0.3)
                kw = dict(mode="byte", encoding="utf-8", eci=eci)
                note = "/utf8-eci" if eci else "/utf8"
        q = None
        for v in range(vmin, vmax + 1):
            try:
                q = segno.make_qr(text, error=level.lower(), version=v, boost_error=chance(rng, 0.3), **kw)
                break
            except segno.DataOverflowError:
                continue
        if q is None:
            return None
        m = np.array([list(r) for r in q.matrix_iter(scale=1, border=0)], dtype=bool)
        return Symbol(m, text, q.version, q.error.upper(), "segno", note)
    if encoder == "qrcodegen":
        segs = QrSegment.make_segments(text)
        try:
            q = QrCode.encode_segments(segs, QRCODEGEN_ECC[level], vmin, vmax, -1, chance(rng, 0.5))
        except Exception:
            return None
        n = q.get_size()
        m = np.array([[q.get_module(x, y) for x in range(n)] for y in range(n)], dtype=bool)
        return Symbol(m, text, q.get_version(), "LMQH"[q.get_error_correction_level().ordinal], "qrcodegen")
    # python-qrcode
    for v in range(vmin, vmax + 1):
        q = qrcode.QRCode(version=v, error_correction=PYQR_ECC[level], box_size=1, border=0)
        q.add_data(text)
        try:
            q.make(fit=False)
        except Exception:
            continue
        m = np.array(q.get_matrix(), dtype=bool)
        if m.shape[0] != 4 * v + 17:
            continue
        return Symbol(m, text, v, PYQR_ECC_BACK[q.error_correction], "python-qrcode")
    return None


def clean_read_ok(sym, fmt=zxingcpp.BarcodeFormat.QRCode):
    img = render_flat(sym.matrix, 4, 4)
    try:
        res = zxingcpp.read_barcodes(img, formats=fmt)
    except Exception:
        return False
    return len(res) == 1 and res[0].text == sym.text


def render_flat(matrix, scale, border):
    m = np.pad(matrix, border)
    return np.where(np.kron(m, np.ones((scale, scale), bool)), 0, 255).astype(np.uint8)


def make_symbol(rng, versions=(1, 10), levels="LMQH", text=None, long_versions=None):
    """A verified symbol with a realistic payload. long_versions=(a, b): a payload sized for versions a..b."""
    for attempt in range(60):
        level = pick(rng, levels)
        encoder = pick(rng, ["segno", "qrcodegen", "python-qrcode"])
        if long_versions:
            target_v = int(rng.integers(long_versions[0], long_versions[1] + 1))
            cap = QrCode._get_num_data_codewords(target_v, QRCODEGEN_ECC[level]) - 4
            prev = QrCode._get_num_data_codewords(target_v - 1, QRCODEGEN_ECC[level]) - 4
            t = long_payload(rng, int(U(rng, prev + 0.2 * (cap - prev), cap)))
            vr = long_versions
        else:
            t = text if text is not None else payload(rng)
            vr = (1, 40)
        sym = encode(rng, t, level, encoder, vr)
        if sym is None or not (versions[0] <= sym.version <= versions[1]):
            continue
        if clean_read_ok(sym):
            return sym
    raise RuntimeError("could not make a readable symbol")


def qr_layout(version, level):
    """Per-module maps: function-pattern flag, RS block index (-1 outside data), codeword index."""
    q = object.__new__(QrCode)
    q._version, q._size, q._errcorlvl = version, 4 * version + 17, QRCODEGEN_ECC[level]
    size = q._size
    q._modules = [[False] * size for _ in range(size)]
    q._isfunction = [[False] * size for _ in range(size)]
    q._draw_function_patterns()
    isf = np.array(q._isfunction, dtype=bool)
    o = LEVEL_ORD[level]
    numblocks = QrCode._NUM_ERROR_CORRECTION_BLOCKS[o][version]
    ecclen = QrCode._ECC_CODEWORDS_PER_BLOCK[o][version]
    raw = QrCode._get_num_raw_data_modules(version) // 8
    numshort = numblocks - raw % numblocks
    shortlen = raw // numblocks
    seq = [j for i in range(shortlen + 1) for j in range(numblocks) if i != shortlen - ecclen or j >= numshort]
    cw = np.full((size, size), -1, int)
    i = 0
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vert in range(size):
            for j in range(2):
                x = right - j
                y = size - 1 - vert if ((right + 1) & 2) == 0 else vert
                if not isf[y, x] and i < raw * 8:
                    cw[y, x] = i >> 3
                    i += 1
    seq = np.array(seq)
    block = np.where(cw >= 0, seq[np.maximum(cw, 0)], -1)
    # Finder patterns + separators, format and version information: never damaged in damaged_data.
    prot = np.zeros((size, size), bool)
    prot[:9, :9] = prot[:9, size - 8:] = prot[size - 8:, :9] = True
    if version >= 7:
        prot[:6, size - 11:size - 8] = prot[size - 11:size - 8, :6] = True
    return isf, block, cw, numblocks, ecclen // 2, prot, seq


# ----------------------------------------------------------------------------
# Labels (textures in module space) and printed matter
# ----------------------------------------------------------------------------

FONTS = [cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_COMPLEX,
         cv2.FONT_HERSHEY_TRIPLEX, cv2.FONT_HERSHEY_PLAIN, cv2.FONT_HERSHEY_COMPLEX_SMALL]
CAPTIONS = ["SCAN ME", "Scan to pay", "www.example.com", "Menu", "Boarding pass", "Ticket 42",
            "Wi-Fi", "Track your parcel", "Download the app", "Info", "Check-in", "Rate us!"]


def put_text(img, text, org, font, scale, color, thickness=1):
    """cv2.putText for float images (OpenCV 5 draws text on 8-bit images only): draws an
    anti-aliased coverage mask, then blends the colour in."""
    (tw, th), base = cv2.getTextSize(text, font, scale, thickness)
    H, W = img.shape[:2]
    x0, y0 = int(org[0]) - thickness - 2, int(org[1]) - th - thickness - 2
    x1, y1 = int(org[0]) + tw + thickness + 2, int(org[1]) + base + thickness + 2
    cx0, cy0, cx1, cy1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    m = np.zeros((y1 - y0, x1 - x0), np.uint8)
    cv2.putText(m, text, (int(org[0]) - x0, int(org[1]) - y0), font, scale, 255, thickness, cv2.LINE_AA)
    a = (m[cy0 - y0:cy1 - y0, cx0 - x0:cx1 - x0].astype(np.float32) / 255)[..., None]
    roi = img[cy0:cy1, cx0:cx1]
    roi[:] = roi * (1 - a) + np.array(color, np.float32) * a


def ink_colors(rng):
    dark = pick(rng, [(0.08, 0.08, 0.08), (0.15, 0.1, 0.05), (0.3, 0.12, 0.05), (0.05, 0.2, 0.05),
                      (0.12, 0.12, 0.12), (0.02, 0.02, 0.02), (0.1, 0.05, 0.3)])
    light = pick(rng, [(0.92, 0.92, 0.92), (0.85, 0.93, 0.96), (0.96, 0.96, 0.96), (0.88, 0.9, 0.9),
                       (0.8, 0.88, 0.9), (0.95, 0.95, 1.0)])
    j = rng.uniform(-0.04, 0.04, 3)
    return np.clip(np.array(dark) + j, 0, 1), np.clip(np.array(light) + j, 0, 1)


class Label:
    """A printed label: premultiplied BGR + alpha texture; the code's module (0,0) at `origin` (tex px).
    The code is n modules wide and `rows` high (n unless given: rMQR symbols and cards of several
    symbols are wider than tall)."""

    def __init__(self, tex, origin, tpm, n, quiet, rows=None):
        self.tex, self.origin, self.tpm, self.n, self.quiet = tex, origin, tpm, n, quiet
        self.rows = n if rows is None else rows

    @property
    def center(self):
        return (self.origin[0] + self.n * self.tpm / 2, self.origin[1] + self.rows * self.tpm / 2)

    def code_corners(self, quiet=None):
        q = self.quiet if quiet is None else quiet
        x0, y0 = self.origin[0] - q * self.tpm, self.origin[1] - q * self.tpm
        sx, sy = (self.n + 2 * q) * self.tpm, (self.rows + 2 * q) * self.tpm
        return np.array([[x0, y0], [x0 + sx, y0], [x0 + sx, y0 + sy], [x0, y0 + sy]], float)

    def outline(self):
        h, w = self.tex.shape[:2]
        return np.array([[0, 0], [w, 0], [w, h], [0, h]], float)


def code_label(rng, sym, dark=None, light=None, quiet=None, margin=None, tpm=None, caption=None, dot_gain=None):
    rows, n = sym.matrix.shape  # rMQR symbols are wider than tall
    if dark is None:
        dark, light = ink_colors(rng)
    quiet = quiet if quiet is not None else int(pick(rng, [4, 4, 4, 4, 3, 2]))
    margin = margin if margin is not None else int(rng.integers(0, 5))
    tpm = tpm or int(max(3, min(10, 1500 // (n + 2 * quiet + 2 * margin))))
    caption = chance(rng, 0.3) if caption is None else caption
    cap_rows = int(max(3, rows * 0.18)) if caption else 0
    wm = n + 2 * (quiet + margin)
    hm = rows + 2 * (quiet + margin) + cap_rows
    h, w = hm * tpm, wm * tpm
    ox = oy = (quiet + margin) * tpm
    tex = np.empty((h, w, 4), np.float32)
    tex[..., :3] = light
    tex[..., 3] = 1
    mod = np.kron(sym.matrix, np.ones((tpm, tpm), bool))
    gain = U(rng, -0.12, 0.15) if dot_gain is None else dot_gain  # ink spread, in modules
    k = int(round(abs(gain) * tpm))
    if k:
        ker = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * k + 1, 2 * k + 1))
        mod = (cv2.dilate if gain > 0 else cv2.erode)(mod.astype(np.uint8), ker).astype(bool)
    region = tex[oy:oy + rows * tpm, ox:ox + n * tpm, :3]
    region[mod] = dark
    if caption:
        txt = pick(rng, CAPTIONS)
        font = pick(rng, FONTS[:4])
        scale = cap_rows * tpm * 0.6 / 22
        (tw, th), _ = cv2.getTextSize(txt, font, scale, max(1, int(scale * 2)))
        if tw < w:
            canvas = np.ascontiguousarray(tex[..., :3])
            put_text(canvas, txt, (int((w - tw) / 2), int(h - cap_rows * tpm * 0.3)), font, scale,
                     tuple(float(c) for c in dark), max(1, int(scale * 2)))
            tex[..., :3] = canvas
    return Label(tex, (ox, oy), tpm, n, quiet, rows)


# Styled symbols, as styling libraries draw them (python-qrcode's StyledPilImage module drawers,
# qr-code-styling's "dots"/"rounded"/"extra-rounded" modules and "dot"/"extra-rounded" corner
# squares, segno plug-ins): data modules as dots or rounded squares, finder patterns ("eyes") as
# rounded squares or concentric circles. Shapes are drawn anti-aliased at 1/16 pixel precision.

DATA_STYLES = {"dotted": ["dot"], "rounded": ["rounded", "rounded", "connected"]}
EYE_STYLES = ["square", "rounded", "circle", "circle_square", "square_dot"]
SHIFT = 4  # cv2 drawing: coordinates in 1/16 pixel


def _fx(v):
    return int(round(v * (1 << SHIFT)))


def draw_disk(mask, cx, cy, r, value=255):
    cv2.circle(mask, (_fx(cx), _fx(cy)), _fx(r), value, -1, cv2.LINE_AA, SHIFT)


def draw_round_rect(mask, x0, y0, x1, y1, r, value=255):
    """A filled rectangle with corners rounded to radius r (pixels)."""
    r = max(0.0, min(r, (x1 - x0) / 2, (y1 - y0) / 2))
    pts = []
    for (cx, cy, a0) in [(x1 - r, y0 + r, -90), (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180)]:
        for a in np.linspace(a0, a0 + 90, 10):
            pts.append((cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))))
    cv2.fillPoly(mask, [np.array([[_fx(x), _fx(y)] for x, y in pts], np.int32)], value, cv2.LINE_AA, SHIFT)


def draw_eye(mask, fx, fy, t, style, rng):
    """One finder pattern (7x7 modules, top-left module at fx, fy) in `style`; mask is 255 where dark."""
    x0, y0 = fx * t, fy * t
    cx, cy = x0 + 3.5 * t, y0 + 3.5 * t
    if style in ("circle", "circle_square"):
        draw_disk(mask, cx, cy, 3.5 * t)
        draw_disk(mask, cx, cy, 2.5 * t, 0)
    else:
        r = U(rng, 1.2, 2.6) * t if style == "rounded" else 0
        draw_round_rect(mask, x0, y0, x0 + 7 * t, y0 + 7 * t, r)
        draw_round_rect(mask, x0 + t, y0 + t, x0 + 6 * t, y0 + 6 * t, max(0, r - t), 0)
    if style in ("circle", "square_dot"):
        draw_disk(mask, cx, cy, 1.5 * t)
    else:
        r = U(rng, 0.4, 1.2) * t if style == "rounded" else 0
        draw_round_rect(mask, x0 + 2 * t, y0 + 2 * t, x0 + 5 * t, y0 + 5 * t, r)


def draw_module(mask, m, x, y, t, style, size, radius):
    """Data module (x, y) of matrix m: a dot `size` modules across, a rounded square `size` wide with
    corners of `radius` modules, or ("connected") a full square rounded only where no neighbour joins it."""
    cx, cy = (x + 0.5) * t, (y + 0.5) * t
    if style == "dot":
        draw_disk(mask, cx, cy, size * t / 2)
        return
    h = size * t / 2
    draw_round_rect(mask, cx - h, cy - h, cx + h, cy + h, radius * t)
    if style != "connected":
        return
    n = m.shape[0]
    for dx, dy in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
        if 0 <= x + dx < n and 0 <= y + dy < n and m[y + dy, x + dx]:
            ax0, ax1 = (cx, cx + h) if dx > 0 else (cx - h, cx) if dx < 0 else (cx - h, cx + h)
            ay0, ay1 = (cy, cy + h) if dy > 0 else (cy - h, cy) if dy < 0 else (cy - h, cy + h)
            draw_round_rect(mask, ax0, ay0, ax1, ay1, 0)


def styled_label(rng, sym, style, eye=None, dark=None, light=None):
    """A label whose code is drawn in a styling library's manner (see DATA_STYLES and EYE_STYLES)."""
    n = sym.n
    if dark is None:
        dark, light = ink_colors(rng)
    quiet, margin = int(pick(rng, [4, 4, 3, 2])), int(rng.integers(0, 4))
    wm = n + 2 * (quiet + margin)
    t = int(max(8, min(16, 1600 // wm)))
    data = pick(rng, DATA_STYLES[style])
    size = U(rng, 0.4, 0.9) if data == "dot" else (1.0 if data == "connected" else U(rng, 0.75, 1.0))
    radius = U(rng, 0.2, 0.5) * size
    eye = eye or pick(rng, EYE_STYLES)
    mask = np.zeros((n * t, n * t), np.uint8)
    finders = [(0, 0), (n - 7, 0), (0, n - 7)]
    for y in range(n):
        for x in range(n):
            in_eye = any(fx <= x < fx + 7 and fy <= y < fy + 7 for fx, fy in finders)
            if sym.matrix[y, x] and not in_eye:
                draw_module(mask, sym.matrix, x, y, t, data, size, radius)
    for fx, fy in finders:
        draw_eye(mask, fx, fy, t, eye, rng)
    ox = oy = (quiet + margin) * t
    tex = np.empty((wm * t, wm * t, 4), np.float32)
    tex[..., :3] = light
    tex[..., 3] = 1
    a = (mask.astype(np.float32) / 255)[..., None]
    region = tex[oy:oy + n * t, ox:ox + n * t, :3]
    region[:] = region * (1 - a) + np.array(dark, np.float32) * a
    label = Label(tex, (ox, oy), t, n, quiet)
    label.style = {"data": data, "size": round(size, 2), "eye": eye}
    return label


def text_card(rng, w=None, h=None):
    """Printed matter without a QR Code: paragraphs, a heading, sometimes another barcode symbology."""
    w = w or int(rng.integers(200, 700))
    h = h or int(w * U(rng, 0.5, 1.5))
    paper = np.array(pick(rng, [(0.95, 0.95, 0.95), (0.8, 0.9, 0.95), (0.9, 0.85, 0.8), (0.6, 0.8, 0.9),
                                (0.3, 0.3, 0.35), (0.7, 0.75, 0.7)])) + rng.uniform(-0.05, 0.05, 3)
    ink = (0.9, 0.9, 0.9) if paper.mean() < 0.5 else tuple(rng.uniform(0, 0.3, 3))
    tex = np.empty((h, w, 4), np.float32)
    tex[..., :3] = np.clip(paper, 0, 1)
    tex[..., 3] = 1
    img = np.ascontiguousarray(tex[..., :3])
    y = int(rng.integers(10, 40))
    font = pick(rng, FONTS)
    while y < h - 10:
        scale = U(rng, 0.3, 1.2) if chance(rng, 0.2) else U(rng, 0.3, 0.6)
        line = " ".join(pick(rng, WORDS) for _ in range(int(rng.integers(2, 12))))
        put_text(img, line, (int(rng.integers(5, 30)), y), font, scale, ink, 1 + int(scale > 0.8))
        y += int(28 * scale + rng.integers(4, 14))
        if chance(rng, 0.1):
            bc = other_barcode(rng)
            bh, bw = bc.shape
            s = U(rng, 1.0, 2.5)
            bc = cv2.resize(bc.astype(np.float32), (int(bw * s), int(bh * s)), interpolation=cv2.INTER_NEAREST)
            bh, bw = bc.shape
            if y + bh < h and bw + 10 < w:
                x = int(rng.integers(5, w - bw - 5))
                img[y:y + bh, x:x + bw] = np.where(bc[..., None] > 0.5, img[y:y + bh, x:x + bw], np.array(ink))
                y += bh + 10
    tex[..., :3] = img
    return tex


def other_barcode(rng):
    """A non-QR symbol (1 = light, 0 = dark), e.g. Code 128, EAN-13, PDF417, Aztec, DataMatrix."""
    fmt = pick(rng, ["Code128", "EAN13", "PDF417", "Aztec", "DataMatrix", "Code128", "DataMatrix"])
    content = "590" + digits(rng, 9) if fmt == "EAN13" else chars(rng, int(rng.integers(6, 30)), ALNUM)
    try:
        b = zxingcpp.create_barcode(content, getattr(zxingcpp.BarcodeFormat, fmt))
        a = np.array(b.to_image(scale=1))
    except Exception:
        a = np.tile(rng.integers(0, 2, (1, 80)) * 255, (40, 1)).astype(np.uint8)
    if a.ndim == 3:
        a = a[..., 0]
    if fmt in ("EAN13", "Code128"):
        a = np.repeat(a, 2, axis=1)
    return (a > 127).astype(np.float32)


# ----------------------------------------------------------------------------
# Geometry: pinhole camera, plane or cylinder, supersampled ray casting
# ----------------------------------------------------------------------------


def rot_xyz(rx, ry, rz):
    a, b, c = np.radians([rx, ry, rz])
    Rx = np.array([[1, 0, 0], [0, math.cos(a), -math.sin(a)], [0, math.sin(a), math.cos(a)]])
    Ry = np.array([[math.cos(b), 0, math.sin(b)], [0, 1, 0], [-math.sin(b), 0, math.cos(b)]])
    Rz = np.array([[math.cos(c), -math.sin(c), 0], [math.sin(c), math.cos(c), 0], [0, 0, 1]])
    return Rx @ Ry @ Rz


class Pose:
    """Maps label texture pixels to image pixels. The label's code centre sits at (cx, cy);
    s object units per texture pixel (1 unit = 1 image pixel at the code centre's depth)."""

    def __init__(self, W, H, f, cx, cy, s, rz, rx, ry, label_center, cyl_r=None, cyl_psi=0.0, shear=0.0):
        self.W, self.H, self.f, self.s = W, H, f, s
        self.shear = shear  # the label itself slanted: x += shear * y (a skewed print or display)
        self.R = rot_xyz(rx, ry, rz)  # in-plane rotation first, then the tilt
        self.T = np.array([(cx - W / 2), (cy - H / 2), f], float)
        self.c = np.array(label_center, float)
        self.cyl_r = cyl_r
        self.psi = math.radians(cyl_psi)

    def _tex_to_uv(self, tx, ty):
        x, y = (tx - self.c[0]) * self.s, (ty - self.c[1]) * self.s
        x = x + self.shear * y
        cp, sp = math.cos(self.psi), math.sin(self.psi)
        return cp * x - sp * y, sp * x + cp * y

    def _uv_to_tex(self, u, v):
        cp, sp = math.cos(self.psi), math.sin(self.psi)
        x, y = cp * u + sp * v, -sp * u + cp * v
        x = x - self.shear * y
        return x / self.s + self.c[0], y / self.s + self.c[1]

    def forward(self, pts):
        u, v = self._tex_to_uv(pts[:, 0], pts[:, 1])
        if self.cyl_r:
            r = self.cyl_r
            P = np.stack([r * np.sin(u / r), v, r * (1 - np.cos(u / r))])
        else:
            P = np.stack([u, v, np.zeros_like(u)])
        C = self.R @ P + self.T[:, None]
        z = np.maximum(C[2], 1e-6)
        return np.stack([self.f * C[0] / z + self.W / 2, self.f * C[1] / z + self.H / 2], 1), C[2]

    def inverse(self, px, py):
        d = np.stack([(px - self.W / 2) / self.f, (py - self.H / 2) / self.f, np.ones_like(px)])
        o = self.R.T @ (-self.T)
        dd = np.tensordot(self.R.T, d, 1)
        if self.cyl_r:
            r = self.cyl_r
            a = dd[0] ** 2 + dd[2] ** 2
            b = 2 * (o[0] * dd[0] + (o[2] - r) * dd[2])
            c = o[0] ** 2 + (o[2] - r) ** 2 - r * r
            disc = b * b - 4 * a * c
            ok = disc >= 0
            t = (-b - np.sqrt(np.maximum(disc, 0))) / (2 * a)
            X, Y, Z = o[0] + t * dd[0], o[1] + t * dd[1], o[2] + t * dd[2]
            phi = np.arctan2(X, r - Z)
            ok &= (np.abs(phi) < math.pi * 0.48) & (t > 0)
            u, v = r * phi, Y
        else:
            t = -o[2] / dd[2]
            ok = t > 0
            u, v = o[0] + t * dd[0], o[1] + t * dd[1]
        tx, ty = self._uv_to_tex(u, v)
        tx = np.where(ok, tx, -1e4)
        ty = np.where(ok, ty, -1e4)
        return tx, ty


def sample_outline(poly, k=24):
    pts = []
    for i in range(len(poly)):
        a, b = poly[i], poly[(i + 1) % len(poly)]
        for t in np.linspace(0, 1, k, endpoint=False):
            pts.append(a + (b - a) * t)
    return np.array(pts)


def render(canvas, tex, pose, max_samples=24e6):
    """Composites a premultiplied RGBA texture onto canvas through pose, area-averaged (supersampled)."""
    H, W = canvas.shape[:2]
    th, tw = tex.shape[:2]
    grid = np.stack(np.meshgrid(np.linspace(0, tw, 17), np.linspace(0, th, 17)), -1).reshape(-1, 2)
    pts, z = pose.forward(np.concatenate([sample_outline(np.array([[0, 0], [tw, 0], [tw, th], [0, th]], float)), grid]))
    pts = pts[z > 0]
    x0, y0 = np.floor(pts.min(0)).astype(int) - 2
    x1, y1 = np.ceil(pts.max(0)).astype(int) + 2
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
    if x1 <= x0 or y1 <= y0:
        return
    w, h = x1 - x0, y1 - y0
    ss = int(max(2, min(5, math.sqrt(max_samples / (w * h)))))
    # Rows in chunks to bound memory.
    out = np.zeros((h, w, 4), np.float32)
    xs = x0 + (np.arange(w * ss) + 0.5) / ss - 0.5
    rows_per = max(1, int(max_samples / 4 / (w * ss * ss)))
    for r0 in range(0, h, rows_per):
        r1 = min(h, r0 + rows_per)
        ys = y0 + r0 + (np.arange((r1 - r0) * ss) + 0.5) / ss - 0.5
        PX, PY = np.meshgrid(xs, ys)
        tx, ty = pose.inverse(PX, PY)
        mx, my = (tx - 0.5).astype(np.float32), (ty - 0.5).astype(np.float32)
        smp = cv2.remap(tex, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
        out[r0:r1] = smp.reshape(r1 - r0, ss, w, ss, 4).mean((1, 3))
    roi = canvas[y0:y1, x0:x1]
    a = out[..., 3:4]
    roi[:] = roi * (1 - a) + out[..., :3]  # out is premultiplied


def premultiply(tex):
    t = tex.copy()
    t[..., :3] *= t[..., 3:4]
    return t


def make_pose(rng, W, H, label, module_px, rz=None, tilt=None, f_rel=(0.8, 1.4), cyl_r=None, cyl_psi=0.0,
              edge=8, occupied=None, tries=60, center=None, min_module=0.0, shear=0.0, accept=None):
    """Finds a pose that puts the whole code (with quiet zone) inside the image (and off `occupied`);
    `accept(pose)` may reject poses for reasons of its own (e.g. too little foreshortening)."""
    for attempt in range(tries):
        mp = module_px * (0.97 ** (attempt // 10))
        f = W * U(rng, *f_rel)
        s = mp / label.tpm
        r = U(rng, 0, 360) if rz is None else rz
        tl = 0.0 if tilt is None else tilt
        tdir = U(rng, 0, 2 * math.pi)
        rx, ry = tl * math.cos(tdir), tl * math.sin(tdir)
        if center is not None and attempt < tries // 2:
            cx, cy = center
        else:
            cx, cy = U(rng, 0.1 * W, 0.9 * W), U(rng, 0.1 * H, 0.9 * H)
        pose = Pose(W, H, f, cx, cy, s, r, rx, ry, label.center, cyl_r=None if cyl_r is None else cyl_r * s,
                    cyl_psi=cyl_psi, shear=shear)
        corners = label.code_corners()
        pts, z = pose.forward(sample_outline(corners, 16))
        if (z <= 0).any() or pts[:, 0].min() < edge or pts[:, 1].min() < edge or \
                pts[:, 0].max() > W - edge or pts[:, 1].max() > H - edge:
            continue
        if min_module and module_size_at_center(pose, label) < min_module:
            continue
        if accept is not None and not accept(pose):
            continue
        if cyl_r is not None:
            # The whole code must be on the visible side of the cylinder.
            u, _ = pose._tex_to_uv(corners[:, 0], corners[:, 1])
            if np.abs(u).max() / (cyl_r * s) > math.pi * 0.42:
                continue
        if occupied is not None:
            lp, _ = pose.forward(sample_outline(label.outline(), 16))
            m = np.zeros_like(occupied)
            cv2.fillPoly(m, [np.round(lp).astype(np.int32)], 1)
            if (m & occupied).any():
                continue
            cv2.fillPoly(occupied, [np.round(lp).astype(np.int32)], 1)
            occupied[:] = cv2.dilate(occupied, np.ones((15, 15), np.uint8))
        return pose, mp
    return None, None


def module_size_at_center(pose, label):
    c = np.array([label.center, [label.center[0] + label.tpm, label.center[1]], [label.center[0], label.center[1] + label.tpm]])
    p, _ = pose.forward(c)
    return float(min(np.linalg.norm(p[1] - p[0]), np.linalg.norm(p[2] - p[0])))


# ----------------------------------------------------------------------------
# Backgrounds
# ----------------------------------------------------------------------------


def smooth_noise(rng, H, W, cell, amp):
    h, w = max(2, int(H / cell) + 2), max(2, int(W / cell) + 2)
    n = rng.normal(0, 1, (h, w)).astype(np.float32)
    return cv2.resize(n, (W, H), interpolation=cv2.INTER_CUBIC) * amp


def background(rng, W, H, clutter=1.0):
    base = rng.uniform(0.15, 0.85, 3).astype(np.float32)
    if chance(rng, 0.5):  # desaturate
        base = np.full(3, base.mean(), np.float32) + rng.uniform(-0.05, 0.05, 3).astype(np.float32)
    img = np.empty((H, W, 3), np.float32)
    img[:] = base
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    g = rng.uniform(-0.25, 0.25, 2)
    img += (g[0] * (xx / W - 0.5) + g[1] * (yy / H - 0.5))[..., None]
    # Texture: wood/fabric/paper-like multi-scale noise.
    for cell, amp in [(W / 4, 0.08), (W / 30, 0.05), (4, 0.03), (1.5, 0.02)]:
        img += smooth_noise(rng, H, W, cell, amp * U(rng, 0.3, 1.5))[..., None]
    if chance(rng, 0.25):  # stripes / wood grain
        ang, per = U(rng, 0, math.pi), U(rng, 4, 40)
        img += (0.04 * np.sin((xx * math.cos(ang) + yy * math.sin(ang)) / per * 2 * math.pi))[..., None]
    if chance(rng, 0.15):  # tiles / grid paper
        step = int(rng.integers(12, 80))
        col = tuple(float(c) for c in rng.uniform(0, 1, 3))
        for x in range(0, W, step):
            cv2.line(img, (x, 0), (x, H), col, 1 + int(step > 40))
        for y in range(0, H, step):
            cv2.line(img, (0, y), (W, y), col, 1 + int(step > 40))
    area = W * H / (640 * 480)
    nshape = int(rng.integers(3, 25) * clutter * min(4, math.sqrt(area)))
    for _ in range(nshape):
        col = tuple(float(c) for c in rng.uniform(0, 1, 3))
        kind = rng.random()
        x, y = int(rng.integers(0, W)), int(rng.integers(0, H))
        sz = int(rng.integers(5, max(6, min(W, H) // 4)))
        if kind < 0.3:
            cv2.rectangle(img, (x, y), (x + sz, y + int(sz * U(rng, 0.3, 2))), col, -1 if chance(rng, 0.6) else int(rng.integers(1, 5)))
        elif kind < 0.55:
            cv2.ellipse(img, (x, y), (sz, int(sz * U(rng, 0.3, 1))), U(rng, 0, 180), 0, 360, col, -1 if chance(rng, 0.6) else 2, cv2.LINE_AA)
        elif kind < 0.75:
            pts = np.array([[x + rng.integers(-sz, sz), y + rng.integers(-sz, sz)] for _ in range(int(rng.integers(2, 6)))], np.int32)
            cv2.polylines(img, [pts], False, col, int(rng.integers(1, 6)), cv2.LINE_AA)
        else:
            for k in range(int(rng.integers(1, 6))):
                put_text(img, " ".join(pick(rng, WORDS) for _ in range(int(rng.integers(1, 6)))),
                         (x, y + k * int(sz * 0.2 + 12)), pick(rng, FONTS), U(rng, 0.3, 1.5), col, 1)
    if chance(rng, 0.5):
        img = cv2.GaussianBlur(img, (0, 0), U(rng, 0.5, 2.5))  # out-of-focus background
    return np.clip(img, 0, 1)


def add_printed_matter(rng, canvas, count, occupied=None):
    H, W = canvas.shape[:2]
    for _ in range(count):
        tex = premultiply(text_card(rng))
        th, tw = tex.shape[:2]
        scale = U(rng, 0.2, 0.8) * min(W, H) / max(th, tw)
        pose = Pose(W, H, W * U(rng, 0.8, 1.4), U(rng, 0, W), U(rng, 0, H), scale, U(rng, 0, 360),
                    U(rng, -30, 30), U(rng, -30, 30), (tw / 2, th / 2))
        if occupied is not None:
            lp, z = pose.forward(sample_outline(np.array([[0, 0], [tw, 0], [tw, th], [0, th]], float), 8))
            m = np.zeros_like(occupied)
            cv2.fillPoly(m, [np.round(lp).astype(np.int32)], 1)
            if (m & occupied).any():
                continue
        render(canvas, tex, pose)


# ----------------------------------------------------------------------------
# Light and camera
# ----------------------------------------------------------------------------


def illumination(rng, H, W, strength=0.3, vignette=0.3):
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    ang = U(rng, 0, 2 * math.pi)
    ramp = ((xx / W - 0.5) * math.cos(ang) + (yy / H - 0.5) * math.sin(ang))
    L = 1 + strength * U(rng, 0.3, 1) * 2 * ramp
    L += smooth_noise(rng, H, W, max(W, H) / 3, strength * 0.3)
    r2 = ((xx - W / 2) / (W / 2)) ** 2 + ((yy - H / 2) / (H / 2)) ** 2
    L *= 1 - vignette * U(rng, 0, 1) * r2 / 2
    return np.maximum(L, 0.05)[..., None]


def disk_kernel(r):
    k = int(math.ceil(r))
    yy, xx = np.mgrid[-k:k + 1, -k:k + 1]
    # antialiased disk
    ker = np.clip(r + 0.5 - np.sqrt(xx ** 2 + yy ** 2), 0, 1).astype(np.float32)
    return ker / ker.sum()


def motion_kernel(length, angle):
    k = int(math.ceil(length / 2)) + 1
    ker = np.zeros((2 * k + 1, 2 * k + 1), np.float32)
    c = k
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    for t in np.linspace(-length / 2, length / 2, int(length * 4) + 2):
        x, y = c + t * dx, c + t * dy
        x0, y0 = int(math.floor(x)), int(math.floor(y))
        fx, fy = x - x0, y - y0
        for (xi, yi, wgt) in [(x0, y0, (1 - fx) * (1 - fy)), (x0 + 1, y0, fx * (1 - fy)), (x0, y0 + 1, (1 - fx) * fy), (x0 + 1, y0 + 1, fx * fy)]:
            if 0 <= xi < ker.shape[1] and 0 <= yi < ker.shape[0]:
                ker[yi, xi] += wgt
    return ker / ker.sum()


def camera(rng, img, info, blur=None, motion=None, disk=None, noise=None, shot=None, gamma=None,
           exposure=None, jpeg=None, gray=None, salt=0.0):
    """img: linear-ish scene radiance in [0, inf). Returns uint8 (BGR or grey)."""
    out = img
    if disk:
        out = cv2.filter2D(out, -1, disk_kernel(disk))
    if motion:
        out = cv2.filter2D(out, -1, motion_kernel(*motion))
    b = U(rng, 0.3, 0.8) if blur is None else blur
    if b > 0.05:
        out = cv2.GaussianBlur(out, (0, 0), b)
    e = U(rng, 0.9, 1.15) if exposure is None else exposure
    gm = U(rng, 0.85, 1.2) if gamma is None else gamma
    out = np.clip(out * e, 0, 1) ** (1 / gm)
    ns = U(rng, 0.004, 0.012) if noise is None else noise
    sh = U(rng, 0.0003, 0.0015) if shot is None else shot
    sd = np.sqrt(ns ** 2 + sh * out)
    H, W = out.shape[:2]
    common = rng.normal(0, 1, (H, W, 1)).astype(np.float32)
    chan = rng.normal(0, 1, out.shape).astype(np.float32)
    out = out + sd * (0.7 * common + 0.5 * chan)
    if salt:
        m = rng.random((H, W)) < salt
        out[m] = rng.integers(0, 2, (int(m.sum()), 1)).astype(np.float32)
    g = chance(rng, 0.2) if gray is None else gray
    out8 = np.clip(out * 255 + 0.5, 0, 255).astype(np.uint8)
    q = (int(rng.integers(75, 96)) if chance(rng, 0.3) else None) if jpeg is None else jpeg
    if PHONE_JPEG:  # colour, and the phone's JPEG instead of this one (decided after drawing both)
        g, q = False, None
    if g:
        out8 = cv2.cvtColor(out8, cv2.COLOR_BGR2GRAY)
    if q:
        ok, buf = cv2.imencode(".jpg", out8, [cv2.IMWRITE_JPEG_QUALITY, q])
        out8 = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)
    info.update({"blur": round(b, 2), "noise": round(ns, 4), "gamma": round(gm, 2), "exposure": round(e, 2),
                 "jpeg": q, "gray": g})
    if disk:
        info["disk"] = round(disk, 2)
    if motion:
        info["motion"] = [round(motion[0], 2), round(motion[1], 1)]
    if salt:
        info["salt"] = salt
    return out8


# Whether images are saved as phone JPEGs (--jpeg); set in each worker by make_one.
PHONE_JPEG = False


def phone_jpeg(rng, img, info):
    """What a phone does between the sensor and the .jpg file: resample, sharpen, compress.
    img: BGR uint8. Returns the JPEG bytes."""
    out = img.astype(np.float32)
    H, W = img.shape[:2]
    r = rng.random()
    factor = U(rng, 0.7, 0.95) if r < 0.55 else U(rng, 1.1, 1.4) if r < 0.75 else 1.0
    if factor != 1.0:
        size = (max(1, int(round(W * factor))), max(1, int(round(H * factor))))
        out = cv2.resize(out, size, interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC)
    amount, sigma = U(rng, 0.3, 1.2), U(rng, 0.6, 1.5)
    out = out + amount * (out - cv2.GaussianBlur(out, (0, 0), sigma))
    rgb = cv2.cvtColor(np.clip(out + 0.5, 0, 255).astype(np.uint8), cv2.COLOR_BGR2RGB)
    quality = int(rng.integers(55, 93))
    subsampling = pick(rng, ["4:2:0"] * 3 + ["4:2:2", "4:4:4"])
    progressive = chance(rng, 0.33)
    buffer = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buffer, "JPEG", quality=quality, subsampling=subsampling,
                                     progressive=progressive)
    info["phone"] = {"resample": round(factor, 3), "sharpen": [round(amount, 2), round(sigma, 2)],
                     "quality": quality, "subsampling": subsampling, "progressive": progressive}
    return buffer.getvalue()


PHOTO_SIZES = [(640, 480), (800, 600), (1024, 768), (1280, 960), (1280, 720), (1600, 1200),
               (480, 640), (720, 1280), (960, 1280)]


def photo_size(rng, min_side=0):
    for _ in range(50):
        W, H = pick(rng, PHOTO_SIZES)
        if min(W, H) >= min_side:
            return W, H
    return 1920, 1440


# ----------------------------------------------------------------------------
# Damage
# ----------------------------------------------------------------------------


def blob_polygon(rng, cx, cy, r, k=14):
    ang = np.sort(rng.uniform(0, 2 * math.pi, k))
    rad = r * rng.uniform(0.55, 1.2, k)
    return np.stack([cx + rad * np.cos(ang), cy + rad * np.sin(ang)], 1).astype(np.int32)


def draw_damage_shape(rng, img, label, region, dark, light, kind=None):
    """Draws one stain/scribble/sticker/scratch within region (module coords x0,y0,x1,y1) on img (tex)."""
    t = label.tpm
    ox, oy = label.origin
    x0, y0, x1, y1 = region
    kind = kind or pick(rng, ["scribble", "scribble", "stain", "sticker", "scratch", "blob"])
    cx, cy = U(rng, x0, x1), U(rng, y0, y1)
    k = max(1.0, (x1 - x0) / 25)  # bigger symbols, bigger damage (in modules)
    P = lambda mx, my: (int(ox + mx * t), int(oy + my * t))
    if kind == "scribble":
        col = pick(rng, [(0.5, 0.1, 0.05), (0.1, 0.1, 0.1), (0.1, 0.1, 0.6), (0.1, 0.45, 0.1)])
        pts = [(cx, cy)]
        for _ in range(int(rng.integers(2, 7))):
            pts.append((pts[-1][0] + k * U(rng, -6, 6), pts[-1][1] + k * U(rng, -6, 6)))
        pts = np.array([P(*p) for p in pts], np.int32)
        cv2.polylines(img, [pts], False, col, max(1, int(t * U(rng, 0.25, 1.0))), cv2.LINE_AA)
    elif kind == "stain":
        col = np.array(pick(rng, [(0.2, 0.3, 0.45), (0.15, 0.2, 0.3), (0.35, 0.35, 0.35)]))
        poly = blob_polygon(rng, *P(cx, cy), k * t * U(rng, 1.0, 4.0))
        m = np.zeros(img.shape[:2], np.float32)
        cv2.fillPoly(m, [poly], 1.0, cv2.LINE_AA)
        a = U(rng, 0.5, 0.95)
        img[:] = img * (1 - a * m[..., None]) + col * a * m[..., None]
    elif kind == "sticker":
        col = tuple(float(c) for c in np.clip(np.array(light) + U(rng, -0.05, 0.05), 0, 1))
        w, h = k * U(rng, 1.5, 6), k * U(rng, 1.0, 4)
        box = cv2.boxPoints(((ox + cx * t, oy + cy * t), (w * t, h * t), U(rng, 0, 180))).astype(np.int32)
        cv2.fillPoly(img, [box], col, cv2.LINE_AA)
    elif kind == "scratch":
        col = tuple(float(c) for c in light)
        a = U(rng, 0, math.pi)
        L = k * U(rng, 3, 12)
        cv2.line(img, P(cx - L * math.cos(a), cy - L * math.sin(a)), P(cx + L * math.cos(a), cy + L * math.sin(a)),
                 col, max(1, int(t * U(rng, 0.2, 0.6))), cv2.LINE_AA)
    else:  # ink blob
        poly = blob_polygon(rng, *P(cx, cy), k * t * U(rng, 0.8, 2.5))
        cv2.fillPoly(img, [poly], tuple(float(c) for c in dark), cv2.LINE_AA)


def module_errors(label, tex_rgb, base_rgb, sym, dark, light):
    """Modules the damage (tex_rgb vs the undamaged base_rgb) may turn wrong. Conservative: the centre
    of the module reads wrong, or more than 15% of its pixels flipped to the wrong side."""
    n, t = sym.n, label.tpm
    ox, oy = label.origin
    w = np.array([0.114, 0.587, 0.299], np.float32)
    thr = (np.dot(dark, w) + np.dot(light, w)) / 2

    def wrong(rgb):
        lum = (rgb[oy:oy + n * t, ox:ox + n * t] @ w).reshape(n, t, n, t)
        return np.where(sym.matrix[:, None, :, None], lum >= thr, lum < thr), lum
    wt, lum = wrong(tex_rgb)
    wb, _ = wrong(base_rgb)
    lo, hi = int(t * 0.2), max(int(t * 0.2) + 1, int(math.ceil(t * 0.8)))
    center = lum[:, lo:hi, :, lo:hi].mean((1, 3))
    flipped = (wt & ~wb).mean((1, 3))
    return ((center < thr) != sym.matrix) | (flipped > 0.15)


def block_error_ratio(err, layout):
    """(worst block's erroneous codewords / its correction capacity, total erroneous codewords)."""
    isf, block, cw, nblocks, cap, prot, seq = layout
    bad_cw = np.unique(cw[err & (cw >= 0)])
    if len(bad_cw) == 0:
        return 0.0, 0
    per_block = np.bincount(seq[bad_cw], minlength=nblocks)
    return float(per_block.max() / max(cap, 1)), int(per_block.sum())


# ----------------------------------------------------------------------------
# One generic scene with one code
# ----------------------------------------------------------------------------


def single_code_scene(rng, info, W, H, sym, module_px, rz=None, tilt=None, label_kw=None, clutter=1.0,
                      f_rel=(0.8, 1.4), cyl_r=None, cyl_psi=0.0, printed=None, label=None, min_module=0.0,
                      shear=0.0, accept=None, tries=60):
    canvas = background(rng, W, H, clutter)
    label = label or code_label(rng, sym, **(label_kw or {}))
    occupied = np.zeros((H, W), np.uint8)
    pose, mp = make_pose(rng, W, H, label, module_px, rz=rz, tilt=tilt, f_rel=f_rel, cyl_r=cyl_r,
                         cyl_psi=cyl_psi, occupied=occupied, min_module=min_module, shear=shear, accept=accept,
                         tries=tries)
    if pose is None:
        raise RuntimeError("no pose")
    n_print = int(rng.integers(0, 3)) if printed is None else printed
    add_printed_matter(rng, canvas, n_print, occupied)
    render(canvas, premultiply(label.tex), pose)
    info.update(sym.info())
    info.update({"module_px": round(module_size_at_center(pose, label), 2), "size": [W, H]})
    return canvas, pose, label


def default_rz(rng):
    return U(rng, -15, 15) + (pick(rng, [0, 90, 180, 270]) if chance(rng, 0.15) else 0)


# ----------------------------------------------------------------------------
# Categories
# ----------------------------------------------------------------------------


def gen_nominal(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 2.5, 8), rz=default_rz(rng), tilt=U(rng, 0, 25))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    return camera(rng, canvas, info), [sym.text]


def gen_small_modules(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    mp = U(rng, 1.25, 2.1)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, mp, rz=U(rng, 0, 360) if chance(rng, 0.5) else default_rz(rng),
                                     tilt=U(rng, 0, 12), min_module=1.2)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    return camera(rng, canvas, info, blur=U(rng, 0.15, 0.35), jpeg=0), [sym.text]


def gen_high_version(rng, info):
    sym = make_symbol(rng, (20, 40), long_versions=(20, 40))
    side = sym.n + 8
    mp = U(rng, 2.0, 4.0)
    W, H = photo_size(rng, min_side=int(side * mp * 1.25))
    if min(W, H) < side * mp * 1.25:
        W, H = 1920, 1440
        mp = min(mp, 1400 / side / 1.2)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, mp, rz=default_rz(rng), tilt=U(rng, 0, 30))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    return camera(rng, canvas, info, blur=U(rng, 0.4, 0.9)), [sym.text]


def gen_rotation(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 15))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 1.6, 4.5), rz=U(rng, 0, 360), tilt=U(rng, 0, 35))
    canvas *= illumination(rng, H, W, 0.25, 0.3)
    info["rz"] = "any"
    return camera(rng, canvas, info, blur=U(rng, 0.4, 0.9)), [sym.text]


def gen_perspective(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 12))
    tilt = U(rng, 35, 62)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 4, 9), rz=U(rng, 0, 360), tilt=tilt, f_rel=(0.5, 0.9),
                                     min_module=2.0)
    canvas *= illumination(rng, H, W, 0.25, 0.3)
    info["tilt"] = round(tilt, 1)
    return camera(rng, canvas, info), [sym.text]


def gen_blur(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    mp = U(rng, 3, 7)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, mp, rz=default_rz(rng), tilt=U(rng, 0, 25))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    m = info["module_px"]
    kind = pick(rng, ["gauss", "disk", "motion"])
    if kind == "gauss":
        return camera(rng, canvas, info, blur=m * U(rng, 0.25, 0.5)), [sym.text]
    if kind == "disk":
        return camera(rng, canvas, info, blur=0.3, disk=m * U(rng, 0.4, 0.9)), [sym.text]
    return camera(rng, canvas, info, blur=0.3, motion=(m * U(rng, 0.6, 1.6), U(rng, 0, 180))), [sym.text]


def gen_noise(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 6.5), rz=default_rz(rng), tilt=U(rng, 0, 25))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    if chance(rng, 0.3):  # low light: dark exposure, strong noise
        return camera(rng, canvas, info, exposure=U(rng, 0.3, 0.5), noise=U(rng, 0.03, 0.06), shot=0.004), [sym.text]
    salt = round(U(rng, 0.01, 0.04), 3) if chance(rng, 0.3) else 0.0
    return camera(rng, canvas, info, noise=U(rng, 0.07, 0.18), shot=0.003, salt=salt), [sym.text]


def gen_low_contrast(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    c = U(rng, 0.10, 0.25)
    mid = U(rng, 0.3, 0.7)
    tint = rng.uniform(-0.03, 0.03, 3)
    dark, light = np.clip(mid - c / 2 + tint, 0, 1), np.clip(mid + c / 2 + tint, 0, 1)
    if chance(rng, 0.3):  # coloured print on coloured paper, similar luminance
        dark = np.clip(dark + rng.uniform(-0.1, 0.1, 3), 0, 1)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=default_rz(rng), tilt=U(rng, 0, 25),
                                     label_kw=dict(dark=dark, light=light))
    canvas *= illumination(rng, H, W, U(rng, 0.4, 0.8), 0.6)
    info["contrast"] = round(c, 3)
    return camera(rng, canvas, info, blur=U(rng, 0.5, 1.0), exposure=1.0, gamma=1.0, noise=U(rng, 0.005, 0.015)), [sym.text]


def gen_shadow(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    canvas, pose, label = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=default_rz(rng), tilt=U(rng, 0, 25))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    corners, _ = pose.forward(label.code_corners())
    c = corners.mean(0)
    size = np.linalg.norm(corners[0] - corners[2])
    mask = np.zeros((H, W), np.float32)
    kind = pick(rng, ["edge", "edge", "edge", "blob", "blob", "bars"])
    if kind == "edge":  # a straight-edged shadow (an object, a phone) over part of the code
        ang = U(rng, 0, 2 * math.pi)
        off = U(rng, -0.3, 0.3) * size
        nx, ny = math.cos(ang), math.sin(ang)
        p0 = c + off * np.array([nx, ny])
        far = 4 * max(W, H)
        poly = np.array([p0 + far * np.array([-ny, nx]), p0 - far * np.array([-ny, nx]),
                         p0 - far * np.array([-ny, nx]) + far * np.array([nx, ny]),
                         p0 + far * np.array([-ny, nx]) + far * np.array([nx, ny])], np.int32)
        cv2.fillPoly(mask, [poly], 1.0)
    elif kind == "blob":
        cv2.fillPoly(mask, [blob_polygon(rng, *(c + rng.uniform(-0.3, 0.3, 2) * size), size * U(rng, 0.3, 0.6))], 1.0)
    else:  # window-blind / railing stripes
        ang = U(rng, 0, math.pi)
        per = size * U(rng, 0.25, 0.6)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        mask = ((((xx * math.cos(ang) + yy * math.sin(ang)) / per) % 1.0) < 0.5).astype(np.float32)
    soft = U(rng, 0.5, 0.05 * size + 1)
    mask = cv2.GaussianBlur(mask, (0, 0), soft)
    strength = U(rng, 0.45, 0.75)
    canvas *= (1 - strength * mask)[..., None]
    info.update({"shadow": kind, "shadow_strength": round(strength, 2)})
    return camera(rng, canvas, info), [sym.text]


def gen_glare(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10), levels="LMQHHQM")
    canvas, pose, label = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=default_rz(rng), tilt=U(rng, 0, 30))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    corners, _ = pose.forward(label.code_corners(quiet=0))
    c = corners.mean(0)
    size = np.linalg.norm(corners[0] - corners[1])
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    g = c + rng.uniform(-0.35, 0.35, 2) * size
    sx, sy = size * U(rng, 0.06, 0.18), size * U(rng, 0.06, 0.18)
    a = U(rng, 0, math.pi)
    dx, dy = xx - g[0], yy - g[1]
    u, v = dx * math.cos(a) + dy * math.sin(a), -dx * math.sin(a) + dy * math.cos(a)
    blob = np.exp(-0.5 * ((u / sx) ** 2 + (v / sy) ** 2))
    amp = U(rng, 1.0, 2.5)
    glare = amp * blob + 0.15 * amp * np.exp(-0.5 * ((u / (3 * sx)) ** 2 + (v / (3 * sy)) ** 2))  # halo
    canvas += glare[..., None].astype(np.float32) * np.array([1.0, 1.0, 0.97], np.float32)
    info.update({"glare_amp": round(amp, 2), "glare_sigma_rel": round(math.sqrt(sx * sy) / size, 3)})
    return camera(rng, canvas, info), [sym.text]


def gen_inverted(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    dark, light = ink_colors(rng)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 2, 5), rz=U(rng, 0, 360), tilt=U(rng, 0, 35),
                                     label_kw=dict(dark=light, light=dark * U(rng, 0.5, 2.0)))
    canvas *= illumination(rng, H, W, 0.25, 0.3)
    return camera(rng, canvas, info, blur=U(rng, 0.4, 0.9)), [sym.text]


def gen_mirrored(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 2, 5), rz=U(rng, 0, 360), tilt=U(rng, 0, 35))
    canvas *= illumination(rng, H, W, 0.25, 0.3)
    flip = pick(rng, [1, 1, 0])  # 1: left-right, 0: top-bottom
    info["flip"] = "horizontal" if flip == 1 else "vertical"
    return camera(rng, np.ascontiguousarray(cv2.flip(canvas, flip)), info, blur=U(rng, 0.4, 0.9)), [sym.text]


def gen_multi(rng, info):
    W, H = pick(rng, [(1280, 960), (1600, 1200), (1920, 1080), (1024, 768), (1920, 1440)])
    k = int(rng.integers(2, 7))
    canvas = background(rng, W, H)
    occupied = np.zeros((H, W), np.uint8)
    texts, syms, mps = [], [], []
    for _ in range(k):
        for _attempt in range(5):
            sym = make_symbol(rng, (1, 10))
            if sym.text not in texts:
                break
        label = code_label(rng, sym)
        pose, mp = make_pose(rng, W, H, label, U(rng, 2, 5), rz=U(rng, 0, 360), tilt=U(rng, 0, 35), occupied=occupied)
        if pose is None:
            continue
        render(canvas, premultiply(label.tex), pose)
        texts.append(sym.text)
        syms.append(sym.info())
        mps.append(round(module_size_at_center(pose, label), 2))
    add_printed_matter(rng, canvas, int(rng.integers(0, 3)), occupied)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"codes": syms, "module_px": mps, "size": [W, H]})
    return camera(rng, canvas, info, blur=U(rng, 0.4, 0.9)), texts


def gen_damaged_data(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10), levels="LMMQQHH")
    dark, light = ink_colors(rng)
    label = code_label(rng, sym, dark=dark, light=light)
    lay = qr_layout(sym.version, sym.level)
    prot = lay[5]
    n, t = sym.n, label.tpm
    target = U(rng, 0.6, 1.0)
    img = np.ascontiguousarray(label.tex[..., :3])
    base = img.copy()
    shapes = 0
    ratio, ncw = 0.0, 0
    for _ in range(120):
        trial = img.copy()
        draw_damage_shape(rng, trial, label, (0, 0, n, n), dark, light)
        err = module_errors(label, trial, base, sym, dark, light)
        changed = np.abs(trial - img).sum(-1) > 0.05
        ch = changed[label.origin[1]:label.origin[1] + n * t, label.origin[0]:label.origin[0] + n * t]
        ch_mod = ch.reshape(n, t, n, t).any((1, 3))
        if (ch_mod & prot).any() or changed.sum() > ch.sum():  # keep off finders/format/version and the quiet zone
            continue
        r, c = block_error_ratio(err, lay)
        if r <= target:
            img, ratio, ncw = trial, r, c
            shapes += 1
            if r > target * 0.9:
                break
    label.tex[..., :3] = img
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=default_rz(rng), tilt=U(rng, 0, 25),
                                     label=label)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"damage_shapes": shapes, "worst_block_error_ratio": round(ratio, 2), "bad_codewords": ncw})
    return camera(rng, canvas, info), [sym.text]


# Mostly light damage (zxing-cpp already fails on many of these), some heavy.
FINDER_DAMAGE = ["chip"] * 3 + ["scribble"] * 2 + ["stain"] * 4 + ["ink_blob"] * 2 + ["partial_sticker", "full_sticker", "torn"]


def gen_damaged_finder(rng, info, kind=None):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10), levels="LMQHH")
    dark, light = ink_colors(rng)
    label = code_label(rng, sym, dark=dark, light=light)
    n, t = sym.n, label.tpm
    ox, oy = label.origin
    corner = pick(rng, ["tl", "tr", "bl"])
    # Only the finder + separator (8x8 modules) and the quiet zone beyond it may change: never the
    # format information (row/column 8), the timing patterns or the data.
    tex = label.tex
    base = np.ascontiguousarray(tex[..., :3]).copy()
    clip = np.zeros(tex.shape[:2], np.float32)
    qz = label.quiet
    if corner == "tl":
        cx0, cx1, cy0, cy1 = -qz, 8, -qz, 8
    elif corner == "tr":
        cx0, cx1, cy0, cy1 = n - 8, n + qz, -qz, 8
    else:
        cx0, cx1, cy0, cy1 = -qz, 8, n - 8, n + qz
    clip[max(0, int(oy + cy0 * t)):int(oy + cy1 * t), max(0, int(ox + cx0 * t)):int(ox + cx1 * t)] = 1
    kind = kind or pick(rng, FINDER_DAMAGE)
    cover = base.copy()
    alpha = tex[..., 3].copy()
    # finder centre and its outer corner (module coords)
    fcx = 3.5 if corner in ("tl", "bl") else n - 3.5
    fcy = 3.5 if corner in ("tl", "tr") else n - 3.5
    sx = -1 if corner in ("tl", "bl") else 1
    sy = -1 if corner in ("tl", "tr") else 1
    P = lambda mx, my: (ox + mx * t, oy + my * t)
    ipt = lambda mx, my: tuple(int(round(v)) for v in P(mx, my))
    if kind == "chip":  # a small light sticker / abrasion at the finder's outer corner or edge
        c = (fcx + sx * U(rng, 3, 4.5), fcy + sy * U(rng, 3, 4.5)) if chance(rng, 0.7) else \
            (fcx + U(rng, -3.5, 3.5), fcy + U(rng, -3.5, 3.5))
        box = cv2.boxPoints((P(*c), (U(rng, 1, 2.2) * t, U(rng, 1, 2.2) * t), U(rng, 0, 90))).astype(np.int32)
        cv2.fillPoly(cover, [box], tuple(float(v) for v in light), cv2.LINE_AA)
    elif kind == "scribble":
        col = pick(rng, [(0.1, 0.1, 0.1), (0.6, 0.1, 0.05), (0.7, 0.2, 0.1), tuple(float(v) for v in light)])
        for _ in range(int(rng.integers(1, 3))):
            a = ipt(fcx + U(rng, -5, 5), fcy + U(rng, -5, 5))
            b = ipt(fcx + U(rng, -5, 5), fcy + U(rng, -5, 5))
            cv2.line(cover, a, b, col, max(1, int(t * U(rng, 0.1, 0.35))), cv2.LINE_AA)
    elif kind == "stain":
        m = np.zeros(tex.shape[:2], np.float32)
        cv2.fillPoly(m, [blob_polygon(rng, *P(fcx + U(rng, -2, 2), fcy + U(rng, -2, 2)), t * U(rng, 1.5, 4))], 1.0, cv2.LINE_AA)
        col = np.array(pick(rng, [(0.2, 0.3, 0.45), (0.3, 0.3, 0.3), (0.35, 0.45, 0.6)]))
        a = U(rng, 0.25, 0.7)
        cover = cover * (1 - a * m[..., None]) + col * a * m[..., None]
    elif kind == "ink_blob":
        cv2.fillPoly(cover, [blob_polygon(rng, *P(fcx + U(rng, -3, 3), fcy + U(rng, -3, 3)), t * U(rng, 0.5, 1.5))],
                     tuple(float(v) for v in dark), cv2.LINE_AA)
    elif kind == "partial_sticker":
        c = (fcx + U(rng, -3, 3), fcy + U(rng, -3, 3))
        box = cv2.boxPoints((P(*c), (U(rng, 2.5, 5) * t, U(rng, 2.5, 7) * t), U(rng, 0, 90))).astype(np.int32)
        cv2.fillPoly(cover, [box], tuple(float(v) for v in np.clip(np.array(light) + U(rng, -0.05, 0.05), 0, 1)), cv2.LINE_AA)
    elif kind == "full_sticker":
        c = (fcx + U(rng, -0.7, 0.7), fcy + U(rng, -0.7, 0.7))
        w = U(rng, 7.5, 10)
        box = cv2.boxPoints((P(*c), (w * t, w * t), U(rng, -8, 8))).astype(np.int32)
        col = tuple(float(v) for v in pick(rng, [light, light, np.array(rng.uniform(0.2, 0.9, 3))]))
        cv2.fillPoly(cover, [box], col, cv2.LINE_AA)
    else:  # torn: the label's corner is missing, the background shows through
        d = U(rng, 2, 8)  # the tear removes the finder modules with |x| + |y| < d from its outer corner
        ex, ey = (fcx + sx * 3.5 + sx * qz, fcy + sy * 3.5 + sy * qz)  # the quiet zone's corner
        a = d + 2 * qz
        tri = np.array([P(ex - sx * a, ey), P(ex, ey - sy * a), P(ex + sx * 50, ey + sy * 50)])
        cut = np.zeros(tex.shape[:2], np.float32)
        jag = [tri[0]] + [tri[0] + (tri[1] - tri[0]) * k / 8 + rng.uniform(-0.4, 0.4, 2) * t for k in range(1, 8)] + [tri[1], tri[2]]
        cv2.fillPoly(cut, [np.round(np.array(jag)).astype(np.int32)], 1.0, cv2.LINE_AA)
        alpha = alpha * (1 - cut * clip)
    cover = cover.astype(np.float32)
    img = base * (1 - clip[..., None]) + cover * clip[..., None]
    # How much of the 7x7 finder now reads wrong (for the record).
    fx0 = 0 if corner in ("tl", "bl") else n - 7
    fy0 = 0 if corner in ("tl", "tr") else n - 7
    w = np.array([0.114, 0.587, 0.299], np.float32)
    thr = (np.dot(dark, w) + np.dot(light, w)) / 2
    lum = ((img * alpha[..., None]) @ w)[oy + fy0 * t:oy + (fy0 + 7) * t, ox + fx0 * t:ox + (fx0 + 7) * t]
    cen = lum.reshape(7, t, 7, t)[:, t // 4:t - t // 4, :, t // 4:t - t // 4].mean((1, 3))
    wrong = float(((cen < thr) != sym.matrix[fy0:fy0 + 7, fx0:fx0 + 7]).mean())
    if kind == "torn":
        wrong = float((alpha[oy + fy0 * t:oy + (fy0 + 7) * t, ox + fx0 * t:ox + (fx0 + 7) * t] < 0.5).mean())
    label.tex = np.concatenate([img, alpha[..., None]], -1).astype(np.float32)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=default_rz(rng), tilt=U(rng, 0, 25),
                                     label=label)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"finder": corner, "damage": kind, "finder_wrong": round(wrong, 2)})
    return camera(rng, canvas, info), [sym.text]


def gen_jpeg(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 12))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 1.8, 4), rz=default_rz(rng), tilt=U(rng, 0, 30))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    return camera(rng, canvas, info, jpeg=int(rng.integers(20, 51))), [sym.text]


def gen_large_image(rng, info):
    W, H = (3000, 2000) if chance(rng, 0.75) else (2000, 3000)
    sym = make_symbol(rng, (1, 10))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 2, 3.5), rz=default_rz(rng), tilt=U(rng, 0, 25),
                                     clutter=1.5, printed=int(rng.integers(1, 5)))
    canvas *= illumination(rng, H, W, 0.25, 0.4)
    return camera(rng, canvas, info, blur=U(rng, 0.4, 0.9)), [sym.text]


def gen_curved(rng, info):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    # cylinder radius in texture px (label.tpm set later); in modules: half-width / radius sets the wrap angle
    wrap = U(rng, 0.15, 0.55)  # radians from the centre of the code to its edge (with quiet zone)
    psi = pick(rng, [0, 0, 90]) + U(rng, -10, 10)
    label = code_label(rng, sym, margin=0, caption=False)
    r_modules = (sym.n / 2 + label.quiet) / wrap
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=U(rng, -20, 20) + pick(rng, [0, 90]),
                                     tilt=U(rng, 0, 12), label=label, cyl_r=r_modules * label.tpm, cyl_psi=psi)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"wrap_rad": round(wrap, 2), "psi": round(psi, 1)})
    return camera(rng, canvas, info), [sym.text]


def gen_bare(rng, info):
    """A symbol cropped to its own edges, as a scanner or an app's crop hands it over: no quiet zone
    (0-1 module of margin), often tiny (1-2 px a module, a version 1 code in 21-41 px), sometimes
    blurred, resampled off the pixel grid or slightly turned."""
    sym = make_symbol(rng, (1, 6) if chance(rng, 0.8) else (1, 12))
    mp = U(rng, 1.0, 2.0) if chance(rng, 0.7) else U(rng, 2.0, 5.0)
    margins = [pick(rng, [0, 0, 0, 0.5, 1]) for _ in range(4)]  # left, top, right, bottom, in modules
    dark, light = ink_colors(rng)
    t = 16
    m = np.pad(sym.matrix, 2)
    tex = np.where(np.kron(m, np.ones((t, t), bool))[..., None], dark, light).astype(np.float32)
    angle = U(rng, -1.5, 1.5) if chance(rng, 0.3) else 0.0
    n = sym.n
    # The crop in texture pixels: the symbol's own square plus the margins (the pad is 2 modules).
    x0, y0 = (2 - margins[0]) * t, (2 - margins[1]) * t
    x1, y1 = (2 + n + margins[2]) * t, (2 + n + margins[3]) * t
    W, H = max(21, int(round((x1 - x0) / t * mp))), max(21, int(round((y1 - y0) / t * mp)))
    k = (x1 - x0) / W  # texture pixels per output pixel
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    ss = 4
    yy, xx = np.mgrid[0:H * ss, 0:W * ss].astype(np.float32)
    u, v = (xx + 0.5) / ss * k - (x1 - x0) / 2, (yy + 0.5) / ss * ((y1 - y0) / H) - (y1 - y0) / 2
    mapx, mapy = (mx + c * u - s * v - 0.5).astype(np.float32), (my + s * u + c * v - 0.5).astype(np.float32)
    img = cv2.remap(tex, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    img = img.reshape(H, ss, W, ss, 3).mean((1, 3))
    info.update(sym.info())
    info.update({"module_px": round(mp, 2), "margins": margins, "angle": round(angle, 2), "size": [W, H]})
    blur = U(rng, 0.3, 0.6) * mp if chance(rng, 0.35) else U(rng, 0.0, 0.3)
    return camera(rng, img, info, blur=blur, noise=U(rng, 0.002, 0.01), shot=0.0005, gamma=U(rng, 0.9, 1.1),
                  exposure=1.0, jpeg=int(rng.integers(80, 96)) if chance(rng, 0.2) else 0), [sym.text]


def styled_scene(rng, info, style):
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10), levels="MQHH")  # styled codes are usually made at a high level
    label = styled_label(rng, sym, style)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 8), rz=default_rz(rng), tilt=U(rng, 0, 30),
                                     label=label)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info["style"] = label.style
    return camera(rng, canvas, info), [sym.text]


def gen_dotted(rng, info):
    return styled_scene(rng, info, "dotted")


def gen_rounded(rng, info):
    return styled_scene(rng, info, "rounded")


def gen_shear(rng, info):
    """A small code strongly sheared: a slanted print or display (the label's own axes 50-65 degrees
    apart) seen at an angle, or a steep tilt about an axis diagonal to the symbol."""
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 6))
    if chance(rng, 0.6):
        shear = pick(rng, [-1, 1]) * U(rng, 0.5, 0.85)
        tilt, rz = U(rng, 0, 30), U(rng, 0, 360)
    else:
        shear = 0.0
        tilt, rz = U(rng, 55, 68), pick(rng, [45, 135, 225, 315]) + U(rng, -10, 10)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 2.5, 5), rz=rz, tilt=tilt, shear=shear,
                                     min_module=1.5, f_rel=(0.7, 1.2))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"shear": round(shear, 2), "tilt": round(tilt, 1)})
    return camera(rng, canvas, info), [sym.text]


def finder_sizes(pose, label):
    """Apparent module size (square root of the projected area / 7) of the three finder patterns."""
    n, t = label.n, label.tpm
    ox, oy = label.origin
    sizes = []
    for fx, fy in [(0, 0), (n - 7, 0), (0, n - 7)]:
        q = np.array([[fx, fy], [fx + 7, fy], [fx + 7, fy + 7], [fx, fy + 7]], float) * t + (ox, oy)
        p, _ = pose.forward(q)
        area = 0.5 * abs(np.dot(p[:, 0], np.roll(p[:, 1], 1)) - np.dot(p[:, 1], np.roll(p[:, 0], 1)))
        sizes.append(math.sqrt(area) / 7)
    return sizes


def gen_foreshortened(rng, info):
    """A code photographed close up and steeply, so that its nearest finder pattern looks 1.7-3 times
    as large as its farthest (square root of the projected areas): the module size changes by that
    much across the symbol."""
    W, H = photo_size(rng, min_side=600)
    sym = make_symbol(rng, (1, 10))
    label = code_label(rng, sym, margin=0, caption=False)
    lo, hi = 1.7, 3.0

    def accept(pose):
        s = finder_sizes(pose, label)
        return min(s) >= 1.6 and lo <= max(s) / min(s) <= hi

    # Close up with a phone's wide lens: the code fills much of the frame, so a moderate tilt puts its
    # near corner at half the distance of its far one.
    mp = min(W, H) * U(rng, 0.45, 0.8) / (sym.n + 2 * label.quiet)
    canvas, pose, _ = single_code_scene(rng, info, W, H, sym, mp, rz=U(rng, 0, 360), tilt=U(rng, 30, 62),
                                        f_rel=(0.45, 0.9), label=label, accept=accept, tries=400)
    canvas *= illumination(rng, H, W, 0.25, 0.3)
    info["finder_px"] = [round(v, 2) for v in finder_sizes(pose, label)]
    return camera(rng, canvas, info), [sym.text]


def gen_curved_dense(rng, info):
    """A dense code (versions 30-40) on a gently curved page or can: one homography cannot map it."""
    sym = make_symbol(rng, (30, 40), long_versions=(30, 40))
    mp = U(rng, 2.6, 4.0)
    W, H = pick(rng, [(1600, 1200), (1920, 1440), (1200, 1600)])
    wrap = U(rng, 0.15, 0.45)
    psi = pick(rng, [0, 0, 90]) + U(rng, -10, 10)
    label = code_label(rng, sym, margin=0, caption=False)
    r_modules = (sym.n / 2 + label.quiet) / wrap
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, mp, rz=U(rng, -15, 15) + pick(rng, [0, 0, 90, 180]),
                                     tilt=U(rng, 0, 15), label=label, cyl_r=r_modules * label.tpm, cyl_psi=psi)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"wrap_rad": round(wrap, 2), "psi": round(psi, 1)})
    return camera(rng, canvas, info, blur=U(rng, 0.3, 0.6)), [sym.text]


def gen_heavy_noise(rng, info):
    """Low contrast drowned in noise: Gaussian noise of 40-60 grey levels plus salt and pepper."""
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 8))
    c = U(rng, 0.4, 0.65)
    mid = U(rng, 0.4, 0.6)
    dark, light = np.full(3, mid - c / 2), np.full(3, mid + c / 2)
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 4.5, 9), rz=default_rz(rng), tilt=U(rng, 0, 25),
                                     label_kw=dict(dark=dark, light=light))
    canvas *= illumination(rng, H, W, 0.15, 0.2)
    sigma = U(rng, 40, 60)
    salt = round(U(rng, 0.01, 0.05), 3)
    info.update({"contrast": round(c, 2), "sigma": round(sigma, 1)})
    return camera(rng, canvas, info, noise=sigma / 255, shot=0.0, salt=salt, exposure=1.0, gamma=1.0,
                  jpeg=0), [sym.text]


def gen_heavy_blur(rng, info):
    """Far out of focus: a lens disk 1.2-1.9 modules across, or a Gaussian of sigma 0.4-0.5 modules
    (the blur category stops at 1.8 modules and 0.5)."""
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 8))
    canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 7), rz=default_rz(rng), tilt=U(rng, 0, 20))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    m = info["module_px"]
    if chance(rng, 0.6):
        return camera(rng, canvas, info, blur=0.3, disk=m * U(rng, 0.6, 0.95)), [sym.text]
    return camera(rng, canvas, info, blur=m * U(rng, 0.4, 0.5)), [sym.text]


def screen_label(rng, sym):
    """A code shown on an LCD: each screen pixel three texture pixels of red, green and blue stripes with
    a dark gap below; 2-6 screen pixels a module. Emissive: light modules bright, dark ones glow faintly."""
    k = int(rng.integers(2, 7))
    quiet = int(pick(rng, [4, 3, 2]))
    m = np.pad(sym.matrix, quiet + 1)
    px = np.kron(m, np.ones((k, k), bool))  # screen pixels
    lum = np.where(px, U(rng, 0.02, 0.08), U(rng, 0.85, 1.0)).astype(np.float32)
    sub = np.kron(lum, np.ones((3, 3), np.float32))
    tex = np.zeros(sub.shape + (4,), np.float32)
    stripe = np.arange(sub.shape[1]) % 3  # RGB columns; cv2 channels are BGR
    for ch, col in [(2, 0), (1, 1), (0, 2)]:
        tex[..., ch] = np.where(stripe[None, :] == col, sub, sub * 0.15)
    tex[2::3, :, :3] *= U(rng, 0.2, 0.5)  # the gap between pixel rows
    tex[..., :3] *= 2.2  # three stripes share the light: keep the mean brightness
    tex[..., 3] = 1
    t = 3 * k
    return Label(tex, ((quiet + 1) * t, (quiet + 1) * t), t, sym.n, quiet)


def gen_phone(rng, info):
    """What a phone's camera pipeline does to a photo: downscaling and upscaling, sharpening halos,
    strong tone curves, denoising; or a code photographed off a screen (subpixel grid, moire, gamma)."""
    W, H = photo_size(rng)
    sym = make_symbol(rng, (1, 10))
    kind = pick(rng, ["resample", "sharpen", "tone", "screen", "screen"])
    if kind == "screen":
        label = screen_label(rng, sym)
        canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 3, 8), rz=default_rz(rng),
                                         tilt=U(rng, 0, 30), label=label)
        canvas *= illumination(rng, H, W, 0.1, 0.2)
        out = camera(rng, canvas, info, blur=U(rng, 0.3, 0.7), gamma=U(rng, 0.6, 1.6), exposure=U(rng, 0.7, 1.2))
    else:
        canvas, _, _ = single_code_scene(rng, info, W, H, sym, U(rng, 2.5, 6), rz=default_rz(rng), tilt=U(rng, 0, 25))
        canvas *= illumination(rng, H, W, 0.2, 0.3)
        out = camera(rng, canvas, info, gamma=U(rng, 0.5, 0.7) if kind == "tone" else None, jpeg=0)
    if kind in ("resample", "tone"):
        d = U(rng, 1.5, 2.5)
        small = cv2.resize(out, (int(W / d), int(H / d)), interpolation=pick(rng, [cv2.INTER_AREA, cv2.INTER_LINEAR]))
        out = cv2.resize(small, (W, H), interpolation=pick(rng, [cv2.INTER_LINEAR, cv2.INTER_CUBIC]))
        info["resample"] = round(d, 2)
    if kind in ("sharpen", "resample", "tone") and chance(rng, 0.8):
        if kind == "tone":
            out = cv2.bilateralFilter(out, 5, 30, 3)
        amount, sigma = U(rng, 0.6, 2.0), U(rng, 0.8, 2.0)
        soft = cv2.GaussianBlur(out.astype(np.float32), (0, 0), sigma)
        out = np.clip(out + amount * (out - soft), 0, 255).astype(np.uint8)
        info["sharpen"] = [round(amount, 2), round(sigma, 2)]
    q = int(rng.integers(70, 93))
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, q])
    info.update({"pipeline": kind, "jpeg": q})
    return cv2.imdecode(buf, cv2.IMREAD_UNCHANGED), [sym.text]


def fake_qr(rng):
    """A QR-like grid with finder patterns and random modules: should not decode."""
    n = int(pick(rng, [21, 25, 29, 33, 41, 57]))
    m = rng.random((n, n)) < 0.5
    nf = pick(rng, [3, 3, 3, 2, 1])
    corners = [(0, 0), (0, n - 7), (n - 7, 0)][:nf]
    for (y, x) in corners:
        m[max(0, y - 1):y + 8, max(0, x - 1):x + 8] = False
        m[y:y + 7, x:x + 7] = True
        m[y + 1:y + 6, x + 1:x + 6] = False
        m[y + 2:y + 5, x + 2:x + 5] = True
    if chance(rng, 0.6):  # timing patterns
        m[6, 8:n - 8] = np.arange(8, n - 8) % 2 == 0
        m[8:n - 8, 6] = np.arange(8, n - 8) % 2 == 0
    return m


def decoy_texture(rng):
    kind = pick(rng, ["fake_qr", "fake_qr", "finders", "checker", "barcode", "barcode2d", "card", "squares"])
    ink, paper = ink_colors(rng)
    if kind == "card":
        return text_card(rng), kind
    if kind in ("fake_qr", "finders", "checker", "squares"):
        if kind == "fake_qr":
            m = np.pad(fake_qr(rng), 4)
        elif kind == "finders":  # three (or more) finder-like targets, no data
            n = int(rng.integers(21, 45))
            m = np.zeros((n + 8, n + 8), bool)
            for (y, x) in [(4, 4), (4, n - 3), (n - 3, 4)] + ([(n - 3, n - 3)] if chance(rng, 0.3) else []):
                m[y:y + 7, x:x + 7] = True
                m[y + 1:y + 6, x + 1:x + 6] = False
                m[y + 2:y + 5, x + 2:x + 5] = True
        elif kind == "checker":
            n = int(rng.integers(6, 30))
            m = (np.add.outer(np.arange(n), np.arange(n)) % 2).astype(bool)
        else:
            n = int(rng.integers(15, 50))
            m = rng.random((n, n)) < U(rng, 0.2, 0.6)
        tpm = max(3, 600 // m.shape[0])
        mod = np.kron(m, np.ones((tpm, tpm), bool))
        tex = np.empty(mod.shape + (4,), np.float32)
        tex[..., :3] = np.where(mod[..., None], ink, paper)
        tex[..., 3] = 1
        return tex, kind
    bc = other_barcode(rng) if kind == "barcode2d" else np.tile(
        np.repeat(rng.random(int(rng.integers(30, 90))) < 0.5, int(rng.integers(2, 5)))[None, :], (60, 1)).astype(np.float32)
    if kind == "barcode2d":
        bc = np.pad(bc, 2, constant_values=1)
    s = max(2, 500 // max(bc.shape))
    bc = np.kron(bc, np.ones((s, s), np.float32))
    tex = np.empty(bc.shape + (4,), np.float32)
    tex[..., :3] = np.where(bc[..., None] > 0.5, paper, ink)
    tex[..., 3] = 1
    return tex, kind


def gen_no_code(rng, info):
    W, H = pick(rng, PHOTO_SIZES + [(1920, 1080), (3000, 2000)])
    canvas = background(rng, W, H, U(rng, 0.8, 2.0))
    add_printed_matter(rng, canvas, int(rng.integers(0, 4)))
    kinds = []
    for _ in range(int(rng.integers(1, 5))):
        tex, kind = decoy_texture(rng)
        th, tw = tex.shape[:2]
        scale = U(rng, 0.15, 0.5) * min(W, H) / max(th, tw)
        pose = Pose(W, H, W * U(rng, 0.8, 1.4), U(rng, 0.1, 0.9) * W, U(rng, 0.1, 0.9) * H, scale, U(rng, 0, 360),
                    U(rng, -30, 30), U(rng, -30, 30), (tw / 2, th / 2))
        render(canvas, premultiply(tex), pose)
        kinds.append(kind)
    canvas *= illumination(rng, H, W, 0.25, 0.3)
    info.update({"decoys": kinds, "size": [W, H]})
    out = camera(rng, canvas, info)
    if chance(rng, 0.3):
        out = np.ascontiguousarray(cv2.flip(out, 1))
    return out, []


# ----------------------------------------------------------------------------
# The QR family beside QR Code: Micro QR, rMQR, structured append
# (made only when named with --categories; see EXTRA_CATEGORIES)
# ----------------------------------------------------------------------------

# Path of a `qr` binary (--qr) for structured-append sequences; set in each worker by make_one.
QR_BINARY = None

PART_NUMBERS = ["74HC595", "LM358", "STM32F103", "ESP32-C3", "NE555", "ATMEGA328P", "TPS62130", "BC547"]


def p_micro(rng):
    """A payload as parts and boards carry it: serial numbers, lot, part and date codes, short URLs."""
    r = rng.random()
    if r < 0.2:
        return digits(rng, int(rng.integers(4, 6)))  # 5 digits or fewer fit M1
    if r < 0.35:
        return digits(rng, int(rng.integers(6, 24)))
    if r < 0.55:
        return pick(rng, [f"LOT {digits(rng, 4)}", f"L{digits(rng, 4)}-{digits(rng, 2)}", f"SN{digits(rng, 6)}",
                          f"REV {pick(rng, 'ABCDE')}", f"{chars(rng, 2, UPPER)}{digits(rng, 5)}"])
    if r < 0.7:
        return f"PN:{pick(rng, PART_NUMBERS)}"
    if r < 0.8:
        return pick(rng, [f"{int(rng.integers(2018, 2027))}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
                          f"D/C {digits(rng, 4)}"])
    if r < 0.9:
        return f"HTTPS://QR.EX/{chars(rng, int(rng.integers(2, 6)), UPPER + '0123456789')}"
    return pick(rng, ["id=", "sn:", "", "lot/"]) + chars(rng, int(rng.integers(3, 8)), LOWER + "0123456789")


MICRO_LEVELS = {"M1": [None], "M2": ["L", "M"], "M3": ["L", "M"], "M4": ["L", "M", "Q"]}


def make_micro_symbol(rng):
    """A Micro QR symbol (segno) of a random version M1-M4 at a level that version offers (M1 has
    error detection only), checked like make_symbol: zxing-cpp reads its clean rendering exactly."""
    for attempt in range(80):
        text = p_micro(rng)
        version = pick(rng, ["M1", "M2", "M2", "M3", "M3", "M4", "M4", "M4"])
        level = pick(rng, MICRO_LEVELS[version])
        try:
            q = segno.make_micro(text, version=version, error=level, boost_error=chance(rng, 0.5))
        except ValueError:  # segno.DataOverflowError: the text does not fit this version and level
            continue
        sym = Symbol(np.array(q.matrix, dtype=bool), text, q.version, q.error.upper() if q.error else None, "segno")
        if clean_read_ok(sym, zxingcpp.BarcodeFormat.MicroQRCode):
            return sym
    raise RuntimeError("could not make a readable Micro QR symbol")


def p_rmqr(rng):
    """A payload for a strip on a label: GS1-like strings, serial and lot codes, short URLs, tickets."""
    r = rng.random()
    if r < 0.25:
        return p_gs1(rng)
    if r < 0.45:
        return p_micro(rng)
    if r < 0.65:
        return f"https://{pick(rng, TLD_SHORT)}/{chars(rng, int(rng.integers(5, 9)), ALNUM)}"
    if r < 0.8:
        return (f"{chars(rng, 3, UPPER)}{digits(rng, 4)}-{digits(rng, 4)} "
                f"{pick(rng, ['SEAT', 'GATE', 'ROW', 'BOX'])} {digits(rng, 2)}")
    if r < 0.9:
        return f"tel:+{digits(rng, 11)}"
    return pick(rng, LATIN_SENT)[:int(rng.integers(12, 40))].rstrip()


def make_rmqr_symbol(rng):
    """An rMQR symbol written by zxing-cpp (segno cannot), level M or H, often of a random size
    R7x43-R17x139 (else the smallest that fits), checked like make_symbol."""
    for attempt in range(80):
        text = p_rmqr(rng)
        kw = {"ec_level": pick(rng, ["M", "M", "H"])}
        if chance(rng, 0.6):
            kw["version"] = int(rng.integers(1, 33))  # zxing-cpp numbers the 32 sizes R7x43 = 1 ... R17x139 = 32
        try:
            code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.RMQRCode, **kw)
        except Exception:  # the text does not fit that size and level
            continue
        m = np.array(code.to_image(scale=1, add_quiet_zones=False)) < 128
        sym = Symbol(m, text, f"R{m.shape[0]}x{m.shape[1]}", code.ec_level, "zxing-cpp")
        if clean_read_ok(sym, zxingcpp.BarcodeFormat.RMQRCode):
            return sym
    raise RuntimeError("could not make a readable rMQR symbol")


def sequence_parts(rng, text, count, level):
    """The symbols of one structured-append sequence: `qr encode --split` (when --qr is given, half
    the time) or segno.make_sequence. Returns (matrices, encoder) or None if it cannot be split."""
    if chance(rng, 0.5) and QR_BINARY:
        import subprocess
        import tempfile
        args = [QR_BINARY, "encode", "--split", str(count), "--ecc", level, "--scale", "1", "--border", "0"]
        if chance(rng, 0.3):
            args.append("--no-boost")
        with tempfile.TemporaryDirectory() as work:
            made = subprocess.run(args + ["-o", os.path.join(work, "part.png")], input=text.encode(),
                                  capture_output=True)
            if made.returncode != 0:
                return None
            paths = made.stdout.decode().split()
            return [cv2.imread(p, cv2.IMREAD_GRAYSCALE) < 128 for p in paths], "qr"
    try:
        seq = segno.make_sequence(text, symbol_count=count, error=level.lower(), encoding="utf-8",
                                  boost_error=chance(rng, 0.5))
    except ValueError:
        return None
    return [np.array(q.matrix, dtype=bool) for q in seq], "segno"


def make_sequence_symbols(rng):
    """A message split over 2-6 QR symbols by structured append. Every part must read alone with
    zxing-cpp, and the parts' texts in order must make the message (no part ends inside a character).
    segno 1.6 computes the parity over the message's ISO-8859-1 (else Shift_JIS) bytes even when
    it writes them as UTF-8, where ISO/IEC 18004 (8.3.2) takes the bytes as written: a segno
    sequence whose two parities differ is drawn again, as no reader could check it."""
    for attempt in range(30):
        count = int(rng.integers(2, 7))
        message = long_payload(rng, int(count * U(rng, 25, 110)))
        level = pick(rng, "LMMQH")
        made = sequence_parts(rng, message, count, level)
        if made is None or len(made[0]) != count:
            continue
        matrices, encoder = made
        if encoder == "segno" and segno.encoder.calc_structured_append_parity(message) != \
                functools.reduce(operator.xor, message.encode()):
            continue
        syms = [Symbol(m, None, (m.shape[0] - 17) // 4, level, encoder) for m in matrices]
        texts = []
        for sym in syms:
            res = zxingcpp.read_barcodes(render_flat(sym.matrix, 4, 4), formats=zxingcpp.BarcodeFormat.QRCode)
            texts.append(res[0].text if len(res) == 1 else None)
        if None in texts or "".join(texts) != message:
            continue
        for sym, t in zip(syms, texts):
            sym.text = t
        return message, syms
    raise RuntimeError("could not make a readable structured-append sequence")


def card_label(rng, matrices, cols, quiet, gap, dark, light, tpm, margin=0, dot_gain=0.0):
    """Several symbols printed on one card in a grid (row-major, `gap` modules apart, each in the
    top-left of its cell): a Label whose code area holds them all, and each symbol's box (x, y, w, h)
    in texture pixels."""
    cw = max(m.shape[1] for m in matrices)
    ch = max(m.shape[0] for m in matrices)
    nrows = (len(matrices) + cols - 1) // cols
    wm, hm = cols * cw + (cols - 1) * gap, nrows * ch + (nrows - 1) * gap
    ox = oy = (quiet + margin) * tpm
    tex = np.empty(((hm + 2 * (quiet + margin)) * tpm, (wm + 2 * (quiet + margin)) * tpm, 4), np.float32)
    tex[..., :3] = light
    tex[..., 3] = 1
    k = int(round(abs(dot_gain) * tpm))
    boxes = []
    for i, m in enumerate(matrices):
        x, y = ox + (i % cols) * (cw + gap) * tpm, oy + (i // cols) * (ch + gap) * tpm
        mod = np.kron(m, np.ones((tpm, tpm), bool))
        if k:
            ker = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * k + 1, 2 * k + 1))
            mod = (cv2.dilate if dot_gain > 0 else cv2.erode)(mod.astype(np.uint8), ker).astype(bool)
        tex[y:y + mod.shape[0], x:x + mod.shape[1], :3][mod] = dark
        boxes.append((x, y, m.shape[1] * tpm, m.shape[0] * tpm))
    return Label(tex, (ox, oy), tpm, wm, quiet, hm), boxes


SOLDER_MASKS = [(0.12, 0.38, 0.10), (0.1, 0.3, 0.12), (0.45, 0.2, 0.05), (0.08, 0.08, 0.08), (0.12, 0.1, 0.5)]


def on_board(rng, label):
    """The label's code area as a silkscreen box on a circuit board: the label is set into a larger
    texture of solder mask with pads, traces and component outlines around it."""
    tpm = label.tpm
    mask = np.array(pick(rng, SOLDER_MASKS)) + rng.uniform(-0.03, 0.03, 3)
    silk = (0.88, 0.9, 0.9)
    mx, my = [int(rng.integers(3, 16)) * tpm for _ in range(2)]
    h, w = label.tex.shape[:2]
    tex = np.empty((h + 2 * my, w + 2 * mx, 4), np.float32)
    tex[..., :3] = mask
    tex[..., 3] = 1
    img = np.ascontiguousarray(tex[..., :3])
    H, W = img.shape[:2]
    for _ in range(int(rng.integers(4, 14))):
        p0 = (int(rng.integers(0, W)), int(rng.integers(0, H)))
        p1 = (p0[0] + int(rng.integers(-W // 2, W // 2)), p0[1]) if chance(rng, 0.5) else \
             (p0[0], p0[1] + int(rng.integers(-H // 2, H // 2)))
        cv2.line(img, p0, p1, tuple(float(c) for c in np.clip(mask * 1.35, 0, 1)), max(1, int(tpm * U(rng, 0.3, 1.2))))
    for _ in range(int(rng.integers(3, 12))):
        x, y = int(rng.integers(0, W)), int(rng.integers(0, H))
        s = int(tpm * U(rng, 0.8, 3))
        cv2.rectangle(img, (x, y), (x + s, y + int(s * U(rng, 0.5, 2))), (0.55, 0.7, 0.8), -1)  # gold pads
    for _ in range(int(rng.integers(1, 4))):
        put_text(img, pick(rng, ["R", "C", "U", "D", "J", "Q"]) + str(int(rng.integers(1, 99))),
                 (int(rng.integers(0, W)), int(rng.integers(10, H))), FONTS[0], tpm * U(rng, 0.08, 0.15), silk,
                 max(1, tpm // 6))
    tex[..., :3] = img
    tex[my:my + h, mx:mx + w] = label.tex
    return Label(tex, (label.origin[0] + mx, label.origin[1] + my), tpm, label.n, label.quiet, label.rows)


def module_size_at(pose, x, y, tpm):
    """Apparent module size (square root of the projected area of one module) at texture point (x, y)."""
    p, _ = pose.forward(np.array([[x, y], [x + tpm, y], [x, y + tpm]], float))
    a, b = p[1] - p[0], p[2] - p[0]
    return math.sqrt(abs(a[0] * b[1] - a[1] * b[0]))


def fit_module(mp, label, rz, W, H, share=0.85):
    """mp lowered so that the label's code area (quiet zone included), turned by rz, spans at most
    `share` of the image either way (long strips and cards of several symbols)."""
    c = label.code_corners()
    w, h = (c[2] - c[0]) / label.tpm
    a = math.radians(rz)
    ex, ey = w * abs(math.cos(a)) + h * abs(math.sin(a)), w * abs(math.sin(a)) + h * abs(math.cos(a))
    return min(mp, share * W / ex, share * H / ey)


FAMILY_LOOKS = ["plain", "plain", "plain", "blur", "motion", "noise", "low_light", "jpeg"]


def family_camera(rng, canvas, info, look):
    """The camera of the family categories: plain, or one degradation (defocus, motion, sensor noise,
    low light, strong JPEG) sized to the module."""
    m = min(info["module_px"]) if isinstance(info["module_px"], list) else info["module_px"]
    info["look"] = look
    if look == "blur":
        if chance(rng, 0.5):
            return camera(rng, canvas, info, blur=m * U(rng, 0.2, 0.4))
        return camera(rng, canvas, info, blur=0.3, disk=m * U(rng, 0.35, 0.75))
    if look == "motion":
        return camera(rng, canvas, info, blur=0.3, motion=(m * U(rng, 0.5, 1.2), U(rng, 0, 180)))
    if look == "noise":
        salt = round(U(rng, 0.005, 0.02), 3) if chance(rng, 0.3) else 0.0
        return camera(rng, canvas, info, noise=U(rng, 0.05, 0.12), shot=0.003, salt=salt)
    if look == "low_light":
        return camera(rng, canvas, info, exposure=U(rng, 0.35, 0.55), noise=U(rng, 0.02, 0.045), shot=0.003)
    if look == "jpeg":
        return camera(rng, canvas, info, jpeg=int(rng.integers(25, 55)))
    return camera(rng, canvas, info)


def gen_micro(rng, info):
    """One Micro QR symbol, printed small: a parts label (2-4 modules of quiet zone, sometimes with a
    QR Code beside it) or a silkscreen box on a circuit board (sometimes inverted: light modules
    printed on the dark solder mask); 2.5-10 px a module, any pose, one family_camera look."""
    W, H = photo_size(rng)
    sym = make_micro_symbol(rng)
    beside = make_symbol(rng, (1, 4)) if chance(rng, 0.25) else None
    kind = "label" if beside else pick(rng, ["label", "label", "label", "board", "board", "board_inverted"])
    dark, light = ink_colors(rng)
    if kind == "board_inverted":
        dark, light = np.array([0.88, 0.9, 0.9]), np.array(pick(rng, SOLDER_MASKS))
    elif kind == "board":
        dark = np.array(pick(rng, SOLDER_MASKS))
    quiet = 4 if beside else int(pick(rng, [2, 2, 2, 3, 4]))
    matrices = [sym.matrix] + ([beside.matrix] if beside else [])
    label, boxes = card_label(rng, matrices, len(matrices), quiet, int(rng.integers(4, 8)), dark, light, 10,
                              margin=int(rng.integers(0, 3)) if kind == "label" else 0,
                              dot_gain=U(rng, -0.08, 0.12))
    card_origin = np.array(label.origin)
    if kind != "label":
        label = on_board(rng, label)
    look = pick(rng, FAMILY_LOOKS + ["tilt", "rotation"])
    rz = U(rng, 0, 360) if look == "rotation" or chance(rng, 0.3) else default_rz(rng)
    tilt = U(rng, 30, 50) if look == "tilt" else U(rng, 0, 25)
    mp = U(rng, 2.5, 10)
    canvas, pose, label = single_code_scene(rng, info, W, H, sym, fit_module(mp, label, rz, W, H), rz=rz, tilt=tilt,
                                            label=label, f_rel=(0.6, 1.0) if look == "tilt" else (0.8, 1.4))
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    off = np.array(label.origin) - card_origin  # on_board moved the card into a larger texture
    sizes = [round(module_size_at(pose, x + off[0] + w / 2, y + off[1] + h / 2, label.tpm), 2) for x, y, w, h in boxes]
    info.update({"module_px": sizes if beside else sizes[0], "kind": kind, "quiet": quiet, "tilt": round(tilt, 1),
                 "rz": round(rz % 360, 1)})
    if beside:
        info["beside"] = beside.info()
    look = "plain" if look in ("tilt", "rotation") else look
    return family_camera(rng, canvas, info, look), [sym.text] + ([beside.text] if beside else [])


def gen_rmqr(rng, info):
    """One rMQR symbol, a strip printed on a label with a 2-module quiet zone: any rotation, tilted by
    up to 35 degrees but never so steeply that its two ends differ in module size by more than 1.4
    times; 2.5-7 px a module, one family_camera look."""
    W, H = photo_size(rng)
    sym = make_rmqr_symbol(rng)
    label = code_label(rng, sym, quiet=2, margin=int(rng.integers(0, 3)))
    rows, cols = sym.matrix.shape
    ox, oy = label.origin
    ends = [(ox + label.tpm / 2, oy + rows * label.tpm / 2), (ox + (cols - 0.5) * label.tpm, oy + rows * label.tpm / 2)]

    def end_ratio(pose):
        a, b = (module_size_at(pose, x, y, label.tpm) for x, y in ends)
        return max(a, b) / min(a, b)

    rz = U(rng, 0, 360)
    canvas, pose, _ = single_code_scene(rng, info, W, H, sym, max(2.2, fit_module(U(rng, 2.5, 7), label, rz, W, H)),
                                        rz=rz, tilt=U(rng, 0, 35), label=label,
                                        accept=lambda p: end_ratio(p) <= 1.4, tries=200)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.update({"rz": round(rz, 1), "end_ratio": round(end_ratio(pose), 2)})
    return family_camera(rng, canvas, info, pick(rng, FAMILY_LOOKS)), [sym.text]


def gen_structured_append(rng, info):
    """A whole structured-append sequence of 2-6 QR symbols side by side, in a column or a grid on
    one card or page, photographed; "texts" are the parts' texts (what each part reads as alone),
    info["message"] the joined message."""
    message, syms = make_sequence_symbols(rng)
    count = len(syms)
    W, H = pick(rng, [(1280, 960), (1600, 1200), (1920, 1080), (1920, 1440), (2048, 1536)])
    if count <= 3:
        cols = count if chance(rng, 0.7) else int(rng.integers(1, count))  # a row, else a column or 2 + 1
    else:
        cols = pick(rng, [2, 3, count])
    dark, light = ink_colors(rng)
    label, boxes = card_label(rng, [s.matrix for s in syms], cols, 4, int(pick(rng, [4, 4, 6, 8])), dark, light, 6,
                              margin=int(rng.integers(1, 6)), dot_gain=U(rng, -0.08, 0.12))
    rz = default_rz(rng)
    mp = max(2.0, fit_module(U(rng, 2.5, 6), label, rz, W, H))
    canvas, pose, _ = single_code_scene(rng, info, W, H, syms[0], mp, rz=rz, tilt=U(rng, 0, 30), label=label)
    canvas *= illumination(rng, H, W, 0.2, 0.3)
    info.pop("level")  # the level asked for; boosting may have raised it in some parts
    info.update({"version": [s.version for s in syms], "level_asked": syms[0].level, "encoder": syms[0].encoder,
                 "parts": count, "cols": cols, "rz": round(rz, 1), "message": message,
                 "module_px": [round(module_size_at(pose, x + w / 2, y + h / 2, label.tpm), 2) for x, y, w, h in boxes]})
    return family_camera(rng, canvas, info, pick(rng, FAMILY_LOOKS)), [s.text for s in syms]


GENERATORS = {name: globals()["gen_" + name] for name in CATEGORIES + EXTRA_CATEGORIES}


# ----------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------


def make_one(job):
    global PHONE_JPEG, QR_BINARY
    outdir, seed, cat, i, phone, qr = job
    PHONE_JPEG, QR_BINARY = phone, qr
    rng = np.random.default_rng([seed, zlib.crc32(cat.encode()), i])
    info = {}
    for attempt in range(5):
        try:
            img, texts = GENERATORS[cat](rng, info)
            break
        except RuntimeError as e:  # rare: no pose found; draw again from the same stream
            info = {"retry": attempt + 1}
    else:
        raise RuntimeError(f"{cat}-{i}: could not generate")
    rel = f"{cat}/{cat}-{i:03d}.{'jpg' if phone else 'png'}"
    path = os.path.join(outdir, rel)
    if phone:
        with open(path, "wb") as f:
            f.write(phone_jpeg(np.random.default_rng([seed, zlib.crc32(cat.encode()), i, 1]), img, info))
    else:
        cv2.imwrite(path, img)
    return {"file": rel, "category": cat, "texts": texts, "info": info}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", help="output folder (created); gets manifest.json and <category>/*.png (or .jpg)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--per-category", type=int, default=20, help="images per category (default 20)")
    ap.add_argument("--categories", default=",".join(CATEGORIES),
                    help="comma-separated subset of: " + ",".join(CATEGORIES + EXTRA_CATEGORIES) +
                    " (default: all but " + ",".join(EXTRA_CATEGORIES) + ")")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (the output does not depend on it)")
    ap.add_argument("--jpeg", action="store_true", help="save colour JPEGs as a phone would, not PNGs")
    ap.add_argument("--qr", metavar="PATH", help="a qr binary: structured_append writes half its sequences "
                    "with `qr encode --split` (else all with segno)")
    a = ap.parse_args()
    cats = [c for c in a.categories.split(",") if c]
    for c in cats:
        if c not in GENERATORS:
            sys.exit(f"unknown category {c}; known: {', '.join(CATEGORIES + EXTRA_CATEGORIES)}")
        os.makedirs(os.path.join(a.outdir, c), exist_ok=True)
    qr = os.path.abspath(a.qr) if a.qr else None
    jobs = [(a.outdir, a.seed, c, i, a.jpeg, qr) for c in cats for i in range(a.per_category)]
    if a.jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(a.jobs) as pool:
            entries = pool.map(make_one, jobs, chunksize=1)
    else:
        entries = []
        for j in jobs:
            entries.append(make_one(j))
            print(f"\r{len(entries)}/{len(jobs)} {j[2]:<16}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    with open(os.path.join(a.outdir, "manifest.json"), "w") as f:
        json.dump(entries, f, indent=1)
    print(f"wrote {len(entries)} images to {a.outdir}")


if __name__ == "__main__":
    main()
