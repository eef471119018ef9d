#!/usr/bin/env python3
"""Score QR decoders on a corpus, side by side, in one run.

usage: decode_eval.py CORPUS [--decoders zxing,opencv,aruco,zbar,ours] [--ours CMD] [--rotations] [--json OUT]
                      [--zxing-formats QRCode,MicroQRCode,RMQRCode] [--repeat N] [--max-pixels N]
CORPUS: a dir with manifest.json (Scripts/make-hard-corpus.py), or a dir of
zxing-style folders (NAME.png or NAME.jpg + NAME.txt). A code counts as found when its exact text is
decoded; a decoded text that is expected nowhere in the image is a misread.
'ours' runs CMD (default: "qr decode --json") once over all files and reads
JSON Lines: {"file": ..., "codes": [{"text": ...}, ...], "decode_ms": ...};
its time per image is decode_ms where given, else the whole run's wall time / N.
Peers are timed around the decode call alone (image already in memory).
--repeat N runs every decoder N times in interleaved rounds and keeps each
image's fastest time: one pass on a shared machine moves a decoder's mean
by up to 30 %. --max-pixels N scores only the images of at most N pixels.
--zxing-formats names the zxing-cpp BarcodeFormat values that zxing and
zxing-fast read (default QRCode). In zxing-cpp 3.1.1, the peers' version,
QRCode already reads Micro QR and rMQR too, and QRCodeModel2 is QR Code alone;
in 2.x QRCode, MicroQRCode and RMQRCode are separate formats.
"""
import argparse, collections, json, os, shlex, subprocess, sys, tempfile, time
import numpy as np, cv2

def load_corpus(root):
    items = []
    mf = os.path.join(root, "manifest.json")
    if os.path.exists(mf):
        for e in json.load(open(mf)):
            items.append((os.path.join(root, e["file"]), e["category"], e["texts"]))
        return items
    for folder in sorted(os.listdir(root)):
        d = os.path.join(root, folder)
        if not os.path.isdir(d): continue
        for f in sorted(os.listdir(d)):
            stem, ext = os.path.splitext(f)
            if ext.lower() not in (".png", ".jpg", ".jpeg"): continue
            t = os.path.join(d, stem + ".txt")
            if not os.path.exists(t): continue
            text = open(t, "rb").read().decode("utf-8", "replace")
            items.append((os.path.join(d, f), folder, [text]))
    return items

ZXING_FORMATS = ["QRCode"]  # --zxing-formats
_zxf = None
def zxing_formats():
    global _zxf
    if _zxf is None:
        import zxingcpp
        fs = [getattr(zxingcpp.BarcodeFormat, f) for f in ZXING_FORMATS]
        _zxf = fs[0] if len(fs) == 1 else fs
    return _zxf
def dec_zxing(img):
    import zxingcpp
    return [r.text for r in zxingcpp.read_barcodes(img, formats=zxing_formats())]
def dec_zxing_fast(img):
    import zxingcpp
    return [r.text for r in zxingcpp.read_barcodes(img, formats=zxing_formats(), try_rotate=False, try_invert=False, try_downscale=False)]
_cvd = None
def dec_opencv(img):
    global _cvd
    _cvd = _cvd or cv2.QRCodeDetector()
    ok, texts, _, _ = _cvd.detectAndDecodeMulti(img)
    return [t for t in texts if t] if ok else []
_ard = None
def dec_aruco(img):
    global _ard
    _ard = _ard or cv2.QRCodeDetectorAruco()
    ok, texts, _, _ = _ard.detectAndDecodeMulti(img)
    return [t for t in texts if t] if ok else []
def dec_zbar(img):
    from pyzbar import pyzbar
    out = []
    for r in pyzbar.decode(img, symbols=[pyzbar.ZBarSymbol.QRCODE]):
        try: out.append(r.data.decode("utf-8"))
        except UnicodeDecodeError: out.append(r.data.decode("latin-1"))
    return out
PEERS = {"zxing": dec_zxing, "zxing-fast": dec_zxing_fast, "opencv": dec_opencv, "aruco": dec_aruco, "zbar": dec_zbar}

def score(items, results):
    """results: list of (decoded_texts, seconds) aligned with items."""
    cat = collections.OrderedDict()
    for (path, c, expected), (got, secs) in zip(items, results):
        s = cat.setdefault(c, {"expected": 0, "found": 0, "misread": 0, "images": 0, "secs": []})
        s["images"] += 1; s["expected"] += len(expected); s["secs"].append(secs)
        remaining = list(got)
        for e in expected:
            if e in remaining: s["found"] += 1; remaining.remove(e)
        s["misread"] += sum(1 for g in remaining if g not in expected)
    return cat

def run_ours(items, cmd, rot):
    with tempfile.TemporaryDirectory() as td:
        files = []
        for i, (path, _, _) in enumerate(items):
            if rot:
                img = cv2.imread(path, cv2.IMREAD_UNCHANGED)
                p = os.path.join(td, f"{i}.png"); cv2.imwrite(p, np.rot90(img, rot // 90)); files.append(p)
            else:
                files.append(path)
        t0 = time.perf_counter()
        proc = subprocess.run(shlex.split(cmd) + files, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        by, ms = {}, {}
        for line in proc.stdout.splitlines():
            try: o = json.loads(line)
            except json.JSONDecodeError: continue
            by[o.get("file")] = [c.get("text", "") for c in o.get("codes", [])]
            if isinstance(o.get("decode_ms"), (int, float)): ms[o.get("file")] = o["decode_ms"] / 1000.0
        per = wall / max(1, len(files))  # whole-process time when the tool reports no decode_ms
        return [(by.get(f, []), ms.get(f, per)) for f in files], proc

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus"); ap.add_argument("--decoders", default="zxing,opencv,zbar")
    ap.add_argument("--ours", default="qr decode --json"); ap.add_argument("--rotations", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--zxing-formats", default="QRCode", help="zxing-cpp BarcodeFormat names, comma-separated (default QRCode)")
    ap.add_argument("--max-pixels", type=int, help="score only images of at most this many pixels")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time every decoder N times, in interleaved rounds, and keep each image's fastest (default 1)")
    a = ap.parse_args()
    if a.repeat < 1: ap.error("--repeat must be at least 1")
    global ZXING_FORMATS
    ZXING_FORMATS = [f for f in a.zxing_formats.split(",") if f]
    if any(n.startswith("zxing") for n in a.decoders.split(",")):
        import zxingcpp
        unknown = [f for f in ZXING_FORMATS if not hasattr(zxingcpp.BarcodeFormat, f)]
        if unknown: ap.error(f"unknown zxing-cpp format {', '.join(unknown)}")
    items = load_corpus(a.corpus)
    if a.max_pixels:
        from PIL import Image
        def pixels(path):  # from the file's header: no need to decode every image once more
            try:
                with Image.open(path) as img: return img.width * img.height
            except OSError: return 0
        items = [item for item in items if pixels(item[0]) <= a.max_pixels]
    rots = [0, 90, 180, 270] if a.rotations else [0]
    def run(name, rot):
        if name == "ours":
            results, proc = run_ours(items, a.ours, rot)
            if proc.returncode not in (0, 1):
                print(f"ours exited {proc.returncode}: {proc.stderr[-500:]}", file=sys.stderr)
            return results
        fn = PEERS[name]; results = []
        for path, _, _ in items:
            img = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
            if rot: img = np.ascontiguousarray(np.rot90(img, rot // 90))
            t0 = time.perf_counter()
            try: got = fn(img)
            except Exception as e: got = []
            results.append((got, time.perf_counter() - t0))
        return results
    # With --repeat, every decoder runs once per round, so a slow spell of a
    # shared machine falls on all of them; each image keeps its fastest time
    # and the first round's texts.
    report = {}
    for rot in rots:
        runs = collections.defaultdict(list)
        for _ in range(a.repeat):
            for name in a.decoders.split(","):
                runs[name].append(run(name, rot))
        for name, rounds in runs.items():
            results = [(per_image[0][0], min(secs for _, secs in per_image)) for per_image in zip(*rounds)]
            report[f"{name}@{rot}"] = score(items, results)
    cats = list(next(iter(report.values())).keys())
    names = list(report.keys())
    w = max(len(c) for c in cats + ["TOTAL"])
    print(f"{'category':<{w}} " + " ".join(f"{n:>18}" for n in names))
    tot = {n: [0, 0, 0, 0.0, 0] for n in names}
    for c in cats:
        row = []
        for n in names:
            s = report[n][c]
            t = tot[n]; t[0] += s["found"]; t[1] += s["expected"]; t[2] += s["misread"]; t[3] += sum(s["secs"]); t[4] += s["images"]
            row.append(f"{s['found']:>4}/{s['expected']:<4} fp{s['misread']:<2} {1000*np.median(s['secs']):5.1f}ms")
        print(f"{c:<{w}} " + " ".join(f"{r:>18}" for r in row))
    print(f"{'TOTAL':<{w}} " + " ".join(f"{t[0]:>4}/{t[1]:<4} fp{t[2]:<2} {1000*t[3]/max(1,t[4]):5.1f}ms" for t in tot.values()))
    if a.json:
        json.dump({n: {c: {k: (v if k != 'secs' else sum(v)) for k, v in s.items()} for c, s in r.items()} for n, r in report.items()}, open(a.json, "w"), indent=1)

if __name__ == "__main__":
    main()
