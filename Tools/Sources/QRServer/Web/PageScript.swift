/// The script at `/app.js`: drives the page through the asynchronous API
/// (submit, then poll `/result/{id}` with backing off) and shows every state:
/// generating, ready, failed, timed out.
///
/// `?timeout=MS` in the page's address overrides the 20-second limit, so a
/// test can see the timeout message without a slow server.
enum PageScript {
    static let text = #"""
        'use strict';
        (() => {
          const POLL_DELAYS_MS = [0, 50, 100, 200, 300, 500, 750, 1000];
          const timeoutParameter = new URLSearchParams(location.search).get('timeout');
          const TIMEOUT_MS = timeoutParameter !== null && Number.isFinite(Number(timeoutParameter))
            ? Math.max(0, Number(timeoutParameter)) : 20000;
          const DEBOUNCE_MS = 250;
          const MAX_UPLOAD_SIDE = 3000;
          const MAX_BODY = Number(document.body.dataset.maxBody) || 16 * 1024 * 1024;
          const $ = (id) => document.getElementById(id);

          class TaskError extends Error {
            constructor(message, kind, details) {
              super(message);
              this.kind = kind;
              this.details = details || {};
            }
          }

          const isAbort = (error) => error && error.name === 'AbortError';

          function sleep(ms, signal) {
            return new Promise((resolve, reject) => {
              if (signal && signal.aborted) return reject(new DOMException('Aborted', 'AbortError'));
              const timer = setTimeout(resolve, ms);
              if (signal) signal.addEventListener('abort', () => {
                clearTimeout(timer);
                reject(new DOMException('Aborted', 'AbortError'));
              }, { once: true });
            });
          }

          async function readJSON(response) {
            try { return await response.json(); } catch { return {}; }
          }

          // Submits a task (202 + task_id), then polls /result/{id} until it
          // succeeds, fails, expires or the time limit passes.
          async function runTask(path, init, signal) {
            let response;
            try {
              response = await fetch(path, { ...init, signal });
            } catch (error) {
              if (isAbort(error)) throw error;
              throw new TaskError('Cannot reach the server. Check the connection and try again.', 'network');
            }
            const accepted = await readJSON(response);
            if (response.status !== 202) {
              const kind = response.status === 503 ? 'busy' : response.status === 422 ? 'capacity' : 'request';
              throw new TaskError(accepted.error || `The server answered ${response.status}.`, kind, accepted);
            }
            const deadline = Date.now() + TIMEOUT_MS;
            for (let attempt = 0; ; attempt += 1) {
              await sleep(POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)], signal);
              if (Date.now() >= deadline) {
                throw new TaskError('This is taking too long — the server may be busy. Please try again in a moment.', 'timeout');
              }
              let poll;
              try {
                poll = await fetch(`/result/${accepted.task_id}`, { signal, cache: 'no-store' });
              } catch (error) {
                if (isAbort(error)) throw error;
                continue;  // a dropped connection: poll again until the deadline
              }
              const result = await readJSON(poll);
              if (poll.status === 404) throw new TaskError('The result has expired. Please try again.', 'expired');
              if (result.status === 'success') return result;
              if (result.status === 'error') throw new TaskError(result.message || 'The task failed.', 'failed', result);
            }
          }

          // ---- Generate -----------------------------------------------------------

          const gen = {
            text: $('text'), symbol: $('symbol'), ecc: $('ecc'), scale: $('scale'), scaleValue: $('scale-value'),
            fg: $('fg'), bg: $('bg'), transparent: $('transparent'), preview: $('preview'),
            image: $('preview-image'), status: $('generate-status'), png: $('download-png'), svg: $('download-svg'),
          };
          let generation = null;
          let debounceTimer = 0;
          let retryTimer = 0;

          function parameters(format) {
            return {
              text: gen.text.value,
              symbol: gen.symbol.value,
              ecc: gen.ecc.value,
              scale: Number(gen.scale.value),
              border: gen.symbol.value === 'qr' ? 4 : 2,
              format,
              fg: gen.fg.value,
              bg: gen.transparent.checked ? 'transparent' : gen.bg.value,
            };
          }

          function showGenerateState(state, message) {
            gen.preview.dataset.state = state;
            gen.status.textContent = message || '';
            gen.status.hidden = !message;
            gen.status.classList.toggle('error', state === 'error');
          }

          function enableDownloads(imageURL) {
            if (imageURL) {
              gen.png.href = `${imageURL}?download=1`;
              gen.png.setAttribute('aria-disabled', 'false');
            } else {
              gen.png.removeAttribute('href');
              gen.png.setAttribute('aria-disabled', 'true');
            }
            gen.svg.disabled = !imageURL;
          }

          function describeGenerateFailure(error) {
            const details = error.details;
            if (error.kind === 'capacity' && details.capacity_bytes !== undefined) {
              const needed = details.bits_needed ? ` It needs ${Math.ceil(details.bits_needed / 8)} bytes;` : '';
              const kind = { micro: 'Micro QR Code', rmqr: 'rMQR Code' }[gen.symbol.value] || 'QR Code';
              return `Too long for a ${kind}.${needed} version ${details.version} at level ${details.ecc} holds about `
                + `${details.capacity_bytes} bytes of text. Shorten it or pick a lower error-correction level.`;
            }
            if (error.kind === 'busy') return 'The server is busy. Trying again in a moment…';
            return error.message;
          }

          function schedulePreview(delay = DEBOUNCE_MS) {
            clearTimeout(debounceTimer);
            clearTimeout(retryTimer);
            debounceTimer = setTimeout(updatePreview, delay);
          }

          async function updatePreview() {
            if (generation) generation.abort();
            enableDownloads(null);
            if (gen.text.value === '') {
              generation = null;
              gen.image.hidden = true;
              gen.image.removeAttribute('src');
              showGenerateState('empty', 'Type something above and its QR Code appears here.');
              return;
            }
            const controller = new AbortController();
            generation = controller;
            showGenerateState('busy', 'Generating…');
            try {
              const result = await runTask('/generate', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(parameters('png')),
              }, controller.signal);
              const next = new Image();
              next.src = result.image;
              await next.decode();
              if (controller !== generation) return;
              gen.image.src = result.image;
              gen.image.alt = `QR Code for: ${gen.text.value.slice(0, 120)}`;
              gen.image.hidden = false;
              showGenerateState('ready', '');
              enableDownloads(result.image);
            } catch (error) {
              if (isAbort(error) || controller !== generation) return;
              gen.image.hidden = true;
              const failure = error instanceof TaskError ? error : new TaskError('The image could not be shown.', 'failed');
              showGenerateState('error', describeGenerateFailure(failure));
              if (failure.kind === 'busy') {
                retryTimer = setTimeout(updatePreview, 1000 * (Number(failure.details.retry_after) || 1));
              }
            }
          }

          async function downloadSVG() {
            const label = gen.svg.textContent;
            gen.svg.disabled = true;
            gen.svg.textContent = 'Preparing…';
            try {
              const result = await runTask('/generate', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(parameters('svg')),
              });
              const link = document.createElement('a');
              link.href = `${result.image}?download=1`;
              link.download = '';
              document.body.append(link);
              link.click();
              link.remove();
            } catch (error) {
              showGenerateState('error', describeGenerateFailure(error));
            } finally {
              gen.svg.textContent = label;
              gen.svg.disabled = gen.png.getAttribute('aria-disabled') === 'true';
            }
          }

          function showScale() {
            gen.scaleValue.textContent = `${gen.scale.value} px a module`;
          }

          gen.text.addEventListener('input', () => schedulePreview());
          // Micro QR offers levels L, M and Q only; rMQR offers M and H.
          gen.symbol.addEventListener('change', () => {
            const offered = { micro: ['L', 'M', 'Q'], rmqr: ['M', 'H'] }[gen.symbol.value] || ['L', 'M', 'Q', 'H'];
            for (const option of gen.ecc.options) option.disabled = !offered.includes(option.value);
            if (!offered.includes(gen.ecc.value)) gen.ecc.value = offered.includes('Q') ? 'Q' : 'M';
          });
          for (const control of [gen.symbol, gen.ecc, gen.scale, gen.fg, gen.bg, gen.transparent]) {
            control.addEventListener('input', () => schedulePreview());
            control.addEventListener('change', () => schedulePreview());
          }
          gen.scale.addEventListener('input', showScale);
          gen.transparent.addEventListener('change', () => { gen.bg.disabled = gen.transparent.checked; });
          gen.svg.addEventListener('click', downloadSVG);

          // ---- Decode -------------------------------------------------------------

          const dec = {
            drop: $('drop'), file: $('file'), upload: $('upload-preview'), dropText: $('drop-text'),
            status: $('decode-status'), codes: $('codes'), template: $('code-template'),
          };
          let decoding = null;
          let uploadURL = null;

          function showDecodeState(state, message) {
            dec.status.textContent = message || '';
            dec.status.classList.toggle('error', state === 'error');
            dec.status.classList.toggle('ok', state === 'ok');
            dec.status.dataset.state = state;
          }

          function loadPicture(url) {
            return new Promise((resolve, reject) => {
              const picture = new Image();
              picture.onload = () => resolve(picture);
              picture.onerror = () => reject(new TaskError('This file is not a picture the browser can open.', 'failed'));
              picture.src = url;
            });
          }

          // Whether the server reads the file, told by its first bytes as the server
          // itself tells formats apart: PNG, JPEG, or Netpbm P2, P3, P5, P6.
          async function serverReads(file) {
            const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
            const startsWith = (...bytes) => bytes.every((byte, index) => head[index] === byte);
            return startsWith(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) || startsWith(0xFF, 0xD8, 0xFF)
              || (head[0] === 0x50 && [0x32, 0x33, 0x35, 0x36].includes(head[1]));
          }

          // Files the server reads go as they are when they fit its body limit: a
          // phone's JPEG keeps every pixel and is not made larger. Anything else the
          // browser can show (HEIC, WebP, AVIF, GIF, SVG…), and what is too large, is
          // drawn on white and sent as PNG if it is a drawing (SVG, GIF) or as JPEG
          // if it is a photo, shrunk until it fits.
          async function uploadable(file) {
            if (file.size <= MAX_BODY && await serverReads(file)) return file;
            const picture = await loadPicture(uploadURL);
            const width = picture.naturalWidth || 1000;
            const height = picture.naturalHeight || 1000;
            const vector = file.type === 'image/svg+xml';
            const type = vector || file.type === 'image/gif' ? 'image/png' : 'image/jpeg';
            let scale = vector ? Math.max(1, 1200 / Math.max(width, height)) : Math.min(1, MAX_UPLOAD_SIDE / Math.max(width, height));
            for (;;) {
              const canvas = document.createElement('canvas');
              canvas.width = Math.max(1, Math.round(width * scale));
              canvas.height = Math.max(1, Math.round(height * scale));
              const context = canvas.getContext('2d');
              context.fillStyle = '#ffffff';
              context.fillRect(0, 0, canvas.width, canvas.height);
              context.drawImage(picture, 0, 0, canvas.width, canvas.height);
              const blob = await new Promise((resolve) => canvas.toBlob(resolve, type, 0.92));
              if (blob && blob.size <= MAX_BODY) return new File([blob], type === 'image/png' ? 'upload.png' : 'upload.jpg', { type });
              if (canvas.width < 200 || canvas.height < 200) throw new TaskError('This picture is too large to upload.', 'failed');
              scale /= 1.5;
            }
          }

          function describeDecodeFailure(error) {
            const message = error.message || '';
            if (message.startsWith('no QR code found')) {
              return 'No QR Code found in this picture. Try a sharper, closer or better-lit shot.';
            }
            if (message.startsWith('image unreadable')) {
              return `This file could not be read as an image (${message.replace(/^image unreadable: /, '')}).`;
            }
            if (error.kind === 'busy') return 'The server is busy. Please try again in a moment.';
            return message;
          }

          function showCodes(codes) {
            const count = codes.length;
            showDecodeState('ok', count === 1 ? 'Found 1 QR Code.' : `Found ${count} QR Codes.`);
            dec.codes.replaceChildren(...codes.map((code) => {
              const card = dec.template.content.firstElementChild.cloneNode(true);
              const text = card.querySelector('.code-text');
              const copy = card.querySelector('.copy');
              const open = card.querySelector('.open');
              text.value = code.text;
              text.rows = Math.min(8, Math.max(2, Math.ceil(code.text.length / 40)));
              const corrected = code.errors_corrected ? ` · ${code.errors_corrected} corrected` : '';
              card.querySelector('.code-meta').textContent = `Version ${code.version} · level ${code.ecc}${corrected}`;
              if (/^https?:\/\/\S+$/i.test(code.text)) {
                open.href = code.text;
                open.hidden = false;
              }
              copy.addEventListener('click', async () => {
                try {
                  await navigator.clipboard.writeText(code.text);
                } catch {
                  text.select();
                  document.execCommand('copy');
                }
                copy.textContent = 'Copied ✓';
                setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
              });
              return card;
            }));
          }

          async function decodeFile(file) {
            if (!file) return;
            if (decoding) decoding.abort();
            const controller = new AbortController();
            decoding = controller;
            if (uploadURL) URL.revokeObjectURL(uploadURL);
            uploadURL = URL.createObjectURL(file);
            dec.upload.src = uploadURL;
            dec.upload.hidden = false;
            dec.dropText.hidden = true;
            dec.codes.replaceChildren();
            showDecodeState('busy', 'Reading the picture…');
            try {
              const upload = await uploadable(file);
              const form = new FormData();
              form.append('file', upload, upload.name || 'upload');
              showDecodeState('busy', 'Looking for QR Codes…');
              const result = await runTask('/decode', { method: 'POST', body: form }, controller.signal);
              if (controller === decoding) showCodes(result.codes);
            } catch (error) {
              if (isAbort(error) || controller !== decoding) return;
              showDecodeState('error', describeDecodeFailure(error));
            }
          }

          dec.file.addEventListener('change', () => {
            decodeFile(dec.file.files[0]);
            dec.file.value = '';
          });
          for (const type of ['dragenter', 'dragover']) {
            window.addEventListener(type, (event) => {
              event.preventDefault();
              dec.drop.classList.add('dragging');
            });
          }
          for (const type of ['dragleave', 'dragend']) {
            window.addEventListener(type, (event) => {
              if (!event.relatedTarget) dec.drop.classList.remove('dragging');
            });
          }
          window.addEventListener('drop', (event) => {
            event.preventDefault();
            dec.drop.classList.remove('dragging');
            const file = event.dataTransfer && event.dataTransfer.files[0];
            if (file) decodeFile(file);
          });
          window.addEventListener('paste', (event) => {
            const item = [...(event.clipboardData ? event.clipboardData.items : [])].find((entry) => entry.kind === 'file');
            if (item) decodeFile(item.getAsFile());
          });

          showScale();
          if (gen.text.value !== '') schedulePreview(0);
        })();
        """#
}
