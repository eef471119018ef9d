/// The document at `/`. `{{MAX_BODY_BYTES}}` is replaced by the server's
/// body limit, which the script reads to shrink large uploads.
enum PageHTML {
    static let text = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>QR workshop</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/app.css">
        <script src="/app.js" defer></script>
        </head>
        <body data-max-body="{{MAX_BODY_BYTES}}">
        <header class="masthead">
          <img class="logo" src="/favicon.svg" alt="" width="40" height="40">
          <div>
            <h1>QR workshop</h1>
            <p>Make a QR Code from any text, or read the codes in a picture.</p>
          </div>
        </header>

        <main class="panels">
          <section class="panel" id="generate" aria-labelledby="generate-title">
            <h2 id="generate-title">Generate</h2>
            <label class="field" for="text">Text or link
              <textarea id="text" rows="3" spellcheck="false" autocomplete="off"
                        placeholder="https://example.com"></textarea>
            </label>
            <div class="options">
              <label class="field" for="symbol">Symbol <output>QR, Micro QR or rMQR</output>
                <select id="symbol">
                  <option value="qr" selected>QR Code</option>
                  <option value="micro">Micro QR</option>
                  <option value="rmqr">rMQR (rectangular)</option>
                </select>
              </label>
              <label class="field" for="ecc">Error correction <output>damage it survives</output>
                <select id="ecc">
                  <option value="L">L · 7 %</option>
                  <option value="M" selected>M · 15 %</option>
                  <option value="Q">Q · 25 %</option>
                  <option value="H">H · 30 %</option>
                </select>
              </label>
              <label class="field" for="scale">Size <output id="scale-value" for="scale">10 px a module</output>
                <input type="range" id="scale" min="2" max="20" step="1" value="10">
              </label>
              <label class="field colour" for="fg">Colour
                <input type="color" id="fg" value="#111827">
              </label>
              <label class="field colour" for="bg">Background
                <input type="color" id="bg" value="#ffffff">
              </label>
              <label class="check" for="transparent">
                <input type="checkbox" id="transparent"> Transparent background
              </label>
            </div>

            <figure class="preview" id="preview" data-state="empty">
              <img id="preview-image" alt="QR Code for the text above" hidden>
              <div class="spinner" aria-hidden="true"></div>
              <figcaption id="generate-status" class="status" role="status" aria-live="polite">
                Type something above and its QR Code appears here.
              </figcaption>
            </figure>

            <div class="actions">
              <a id="download-png" class="button primary" aria-disabled="true" download>Download PNG</a>
              <button id="download-svg" class="button" type="button" disabled>Download SVG</button>
            </div>
          </section>

          <section class="panel" id="decode" aria-labelledby="decode-title">
            <h2 id="decode-title">Decode</h2>
            <label class="drop" id="drop" for="file">
              <input type="file" id="file" accept="image/*">
              <img id="upload-preview" alt="The uploaded picture" hidden>
              <span class="drop-text" id="drop-text">
                <strong>Drop a picture here</strong>
                <span>or tap to choose one — a photo, a screenshot or a scan</span>
              </span>
            </label>
            <p id="decode-status" class="status" role="status" aria-live="polite"></p>
            <div id="codes" class="codes"></div>
          </section>
        </main>

        <footer class="footnote">
          <p>Codes are made and read on this server and kept in memory for a few minutes; nothing is written to disk.
             API: <code>POST /generate</code>, <code>POST /decode</code>, <code>GET /result/{id}</code>,
             <code>GET /qr?text=…</code>, <a href="/metrics">metrics</a>.</p>
        </footer>

        <template id="code-template">
          <article class="code">
            <textarea class="code-text" readonly rows="2" aria-label="Decoded text"></textarea>
            <div class="code-actions">
              <button class="button primary copy" type="button">Copy</button>
              <a class="button open" target="_blank" rel="noopener noreferrer" hidden>Open link</a>
              <span class="code-meta"></span>
            </div>
          </article>
        </template>
        </body>
        </html>
        """#
}
