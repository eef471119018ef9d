"""Drives the page of `qr serve` in headless Chromium, as a person would.

Generates a code and checks that the preview is a real, readable QR Code;
checks the download links; decodes an uploaded PNG, an uploaded JPEG photo
(sent as it is, byte for byte), an uploaded SVG (drawn to PNG by the page),
a dropped image and a dropped WebP (which the server cannot read, so the
page re-encodes it); checks the copy button, the no-code, too-long and
timeout messages; and saves screenshots at desktop and phone widths. Run by
Scripts/web-test.sh, which starts the server.
"""
import argparse
import base64
import json
import os
import pathlib
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT_SECONDS = 20
TICKET = "https://example.com/ticket/8F3A-22C1"


class Check:
    """Counts passed and failed checks and prints each one."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name} {detail}")


def make_browser(width, height, phone, download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    if phone:
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True},
            "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/120.0 Mobile Safari/537.36"})
    options.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                              "download.prompt_for_download": False})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    return browser


def screenshot(browser, path):
    """The whole page, not only the viewport."""
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"     screenshot {path}")


def wait_for(browser, condition, timeout=WAIT_SECONDS):
    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(lambda _: condition())


def set_text(browser, text):
    """Types short text like a person; sets long text at once (typing 3,000 keys is slow)."""
    area = browser.find_element(By.ID, "text")
    area.clear()
    if len(text) < 200:
        area.send_keys(text)
    else:
        browser.execute_script("arguments[0].value = arguments[1];"
                               "arguments[0].dispatchEvent(new Event('input'));", area, text)


def preview_state(browser):
    return browser.find_element(By.ID, "preview").get_attribute("data-state")


def wait_for_preview(browser, previous_src=None):
    def ready():
        image = browser.find_element(By.ID, "preview-image")
        loaded = browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image)
        return (preview_state(browser) == "ready" and image.is_displayed() and loaded
                and image.get_attribute("src") != previous_src)
    wait_for(browser, ready)
    return browser.find_element(By.ID, "preview-image").get_attribute("src")


def decode_on_server(base, image_bytes):
    request = urllib.request.Request(f"{base}/decode?sync=1", data=image_bytes, headers={"Content-Type": "image/png"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return [code["text"] for code in json.load(response)["codes"]]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers


def decoded_texts(browser):
    return [element.get_attribute("value") for element in browser.find_elements(By.CSS_SELECTOR, ".code-text")]


def upload(browser, path):
    browser.find_element(By.ID, "file").send_keys(str(path))


def wait_for_decoded(browser, expected):
    wait_for(browser, lambda: decoded_texts(browser) == expected)


def record_uploads(browser):
    """Wraps the page's fetch so that each decode upload's file part is recorded: name, type, size."""
    browser.execute_script("""
        window.sentUploads = [];
        const original = window.fetch;
        window.fetch = (input, init) => {
          if (init && init.body instanceof FormData) {
            const file = init.body.get('file');
            window.sentUploads.push({ name: file.name, type: file.type, size: file.size });
          }
          return original(input, init);
        };""")


def last_upload(browser):
    uploads = browser.execute_script("return window.sentUploads")
    return uploads[-1] if uploads else None


def wait_for_decode_status(browser, prefix):
    status = browser.find_element(By.ID, "decode-status")
    wait_for(browser, lambda: status.text.startswith(prefix))
    return status.text


def generate_flow(browser, base, out, check, label, downloads):
    browser.get(base + "/")
    check(f"{label}: page title", browser.title == "QR workshop", browser.title)
    screenshot(browser, out / f"{label}-1-empty.png")
    browser.execute_script("""
        window.previewStates = [];
        const preview = document.getElementById('preview');
        const status = document.getElementById('generate-status');
        new MutationObserver(() => window.previewStates.push(`${preview.dataset.state}|${status.textContent.trim()}`))
          .observe(preview, { attributes: true, subtree: true, childList: true, characterData: true });""")
    set_text(browser, TICKET)
    src = wait_for_preview(browser)
    states = browser.execute_script("return window.previewStates")
    check(f"{label}: 'Generating…' shown while waiting", "busy|Generating…" in states, states)
    check(f"{label}: preview appears", src.startswith(base + "/result/") and src.endswith("/image"), src)
    png, headers = fetch(src)
    check(f"{label}: preview is a PNG", png[:8] == b"\x89PNG\r\n\x1a\n" and headers["Content-Type"] == "image/png")
    check(f"{label}: preview reads back", decode_on_server(base, png) == [TICKET])
    link = browser.find_element(By.ID, "download-png")
    check(f"{label}: PNG download link", link.get_attribute("href") == src + "?download=1"
          and link.get_attribute("aria-disabled") == "false", link.get_attribute("href"))
    Select(browser.find_element(By.ID, "ecc")).select_by_value("H")
    browser.execute_script("const fg = document.getElementById('fg'); fg.value = '#1d4ed8';"
                           "fg.dispatchEvent(new Event('input'));")
    src = wait_for_preview(browser, previous_src=src)
    png, _ = fetch(src)
    check(f"{label}: new level and colour regenerate", decode_on_server(base, png) == [TICKET])
    if downloads is not None:
        browser.find_element(By.ID, "download-svg").click()
        # Saved under the server's name for it (Content-Disposition), qr-<id>.svg.
        wait_for(browser, lambda: any(downloads.glob("qr-*.svg")) and not any(downloads.glob("*.crdownload")))
        svg = next(downloads.glob("qr-*.svg")).read_text()
        check(f"{label}: SVG downloaded", svg.lstrip().startswith("<?xml") and "<path" in svg)
    screenshot(browser, out / f"{label}-2-generated.png")
    # Micro QR: level H is not offered (it was chosen above, so Q replaces it),
    # and "12345" makes an M1 symbol: 11 modules and a 2-module quiet zone at 10 px.
    Select(browser.find_element(By.ID, "symbol")).select_by_value("micro")
    high = browser.find_element(By.CSS_SELECTOR, "#ecc option[value='H']")
    check(f"{label}: Micro QR disables level H", not high.is_enabled()
          and browser.find_element(By.ID, "ecc").get_attribute("value") == "Q")
    Select(browser.find_element(By.ID, "ecc")).select_by_value("L")
    set_text(browser, "12345")
    src = wait_for_preview(browser, previous_src=src)
    png, _ = fetch(src)
    width = int.from_bytes(png[16:20], "big")
    check(f"{label}: Micro QR preview is M1 with its quiet zone", width == (11 + 2 * 2) * 10, width)
    Select(browser.find_element(By.ID, "symbol")).select_by_value("qr")
    Select(browser.find_element(By.ID, "ecc")).select_by_value("H")
    src = wait_for_preview(browser, previous_src=src)


def decode_flow(browser, base, out, check, label, fixtures):
    upload(browser, fixtures / "code.png")
    wait_for_decoded(browser, [TICKET])
    status = browser.find_element(By.ID, "decode-status").text
    check(f"{label}: uploaded PNG decoded", status == "Found 1 QR Code.", status)
    copy = browser.find_element(By.CSS_SELECTOR, ".code .copy")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", copy)
    copy.click()
    wait_for(browser, lambda: copy.text.startswith("Copied"))
    check(f"{label}: copy button confirms", copy.text.startswith("Copied"))
    opener = browser.find_element(By.CSS_SELECTOR, ".code .open")
    check(f"{label}: link offered for a URL", opener.get_attribute("href") == TICKET)
    screenshot(browser, out / f"{label}-3-decoded.png")


def desktop_extras(browser, base, out, check, fixtures):
    record_uploads(browser)
    photo = fixtures / "photo.jpg"
    upload(browser, photo)
    wait_for_decoded(browser, [(fixtures / "photo.txt").read_text()])
    sent = last_upload(browser)
    check("desktop: uploaded JPEG photo decoded and sent as it is",
          sent == {"name": "photo.jpg", "type": "image/jpeg", "size": photo.stat().st_size}, sent)
    screenshot(browser, out / "desktop-3-jpeg.png")

    upload(browser, fixtures / "code.svg")
    wait_for_decoded(browser, ["drawn by the page"])
    sent = last_upload(browser)
    check("desktop: uploaded SVG drawn to PNG and decoded", sent and sent["type"] == "image/png", sent)

    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const picture = new Image();
        picture.onload = () => {
          const canvas = document.createElement('canvas');
          canvas.width = picture.naturalWidth;
          canvas.height = picture.naturalHeight;
          canvas.getContext('2d').drawImage(picture, 0, 0);
          canvas.toBlob((blob) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([blob], 'shot.webp', { type: 'image/webp' }));
            document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            done();
          }, 'image/webp', 0.9);
        };
        picture.src = '/qr?text=' + encodeURIComponent('sent as webp') + '&scale=6';""")
    wait_for_decoded(browser, ["sent as webp"])
    sent = last_upload(browser)
    check("desktop: dropped WebP re-encoded as JPEG and decoded", sent and sent["type"] == "image/jpeg", sent)

    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/qr?text=' + encodeURIComponent('dropped, not chosen')).then((r) => r.blob()).then((blob) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([blob], 'dropped.png', { type: 'image/png' }));
          document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          done();
        });""")
    wait_for_decoded(browser, ["dropped, not chosen"])
    check("desktop: dropped image decoded", True)

    upload(browser, fixtures / "blank.png")
    message = wait_for_decode_status(browser, "No QR Code found")
    check("desktop: no-code message", message.startswith("No QR Code found in this picture"), message)
    screenshot(browser, out / "desktop-4-no-code.png")

    set_text(browser, "x" * 3000)
    status = browser.find_element(By.ID, "generate-status")
    wait_for(browser, lambda: preview_state(browser) == "error")
    check("desktop: too-long message names the capacity", status.text.startswith("Too long for a QR Code.")
          and "1273 bytes" in status.text, status.text)  # level H, chosen above
    screenshot(browser, out / "desktop-5-too-long.png")

    browser.get(base + "/?timeout=0")
    set_text(browser, "slow")
    wait_for(browser, lambda: preview_state(browser) == "error")
    text = browser.find_element(By.ID, "generate-status").text
    check("desktop: timeout message", text.startswith("This is taking too long"), text)
    screenshot(browser, out / "desktop-6-timeout.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--fixtures", required=True, type=pathlib.Path)
    arguments = parser.parse_args()
    out = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    downloads = out / "downloads"
    downloads.mkdir(exist_ok=True)
    check = Check()

    for label, (width, height, phone) in {"desktop": (1280, 900, False), "phone": (390, 844, True)}.items():
        browser = make_browser(width, height, phone, downloads)
        try:
            generate_flow(browser, arguments.base, out, check, label, downloads if label == "desktop" else None)
            decode_flow(browser, arguments.base, out, check, label, arguments.fixtures)
            if label == "desktop":
                desktop_extras(browser, arguments.base, out, check, arguments.fixtures)
            overflow = browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
            check(f"{label}: no sideways scrolling", not overflow)
            # 4xx answers the flows provoke on purpose are logged as "Failed to load resource".
            errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"
                      and "Failed to load resource" not in entry["message"]]
            check(f"{label}: no script errors in the console", not errors, errors)
        except Exception as error:  # a failed wait: report it and keep the screenshots so far
            check(f"{label}: flow completed", False, repr(error))
            screenshot(browser, out / f"{label}-failure.png")
        finally:
            browser.quit()

    print(f"{check.passed} passed, {check.failed} failed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
