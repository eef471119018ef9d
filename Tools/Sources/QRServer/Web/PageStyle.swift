/// The style sheet at `/app.css`: one column on a phone, two side by side
/// from 860 pixels, light and dark colour schemes, 44-pixel touch targets.
enum PageStyle {
    static let text = #"""
        :root {
          --bg: #f4f6fb;
          --panel: #ffffff;
          --ink: #111827;
          --muted: #5b6475;
          --line: #dde2ec;
          --accent: #1d4ed8;
          --accent-ink: #ffffff;
          --accent-soft: #e6edff;
          --error: #b42318;
          --error-soft: #fdecea;
          --ok: #067647;
          --radius: 14px;
          --shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 8px 24px rgba(16, 24, 40, .06);
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--ink);
          background: var(--bg);
          line-height: 1.45;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0f131a;
            --panel: #171c25;
            --ink: #e6e9ef;
            --muted: #9aa3b2;
            --line: #2a3140;
            --accent: #6d9bff;
            --accent-ink: #0b1020;
            --accent-soft: #1c2740;
            --error: #ff8a80;
            --error-soft: #3a1e1e;
            --ok: #5dd39e;
            --shadow: none;
          }
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
        h1, h2 { margin: 0; line-height: 1.2; }
        h1 { font-size: 1.5rem; }
        h2 { font-size: 1.15rem; margin-bottom: 1rem; }
        code { font-size: .9em; }
        a { color: var(--accent); }

        .masthead {
          display: flex; align-items: center; gap: .9rem;
          max-width: 1120px; width: 100%; margin: 0 auto; padding: 1.5rem 1rem .5rem;
        }
        .masthead p { margin: .2rem 0 0; color: var(--muted); }
        .logo { border-radius: 8px; background: #fff; flex: none; }

        .panels {
          display: grid; gap: 1rem; grid-template-columns: 1fr;
          max-width: 1120px; width: 100%; margin: 0 auto; padding: 1rem; flex: 1;
          align-items: start;
        }
        @media (min-width: 860px) { .panels { grid-template-columns: 1fr 1fr; gap: 1.5rem; } }
        .panel {
          background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius);
          box-shadow: var(--shadow); padding: 1.25rem; min-width: 0;
        }

        .field { display: flex; flex-direction: column; gap: .35rem; font-weight: 600; font-size: .9rem; }
        .field output { font-weight: 400; color: var(--muted); }
        textarea, select {
          font: inherit; font-weight: 400; color: var(--ink); background: var(--bg);
          border: 1px solid var(--line); border-radius: 10px; padding: .6rem .7rem; width: 100%;
        }
        textarea { resize: vertical; min-height: 4.5rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .95rem; }
        select { min-height: 44px; }
        textarea:focus, select:focus, input:focus-visible, .button:focus-visible, .drop:focus-within {
          outline: 3px solid var(--accent-soft); outline-offset: 1px; border-color: var(--accent);
        }
        input[type=range] { width: 100%; min-height: 44px; accent-color: var(--accent); }
        input[type=color] {
          width: 100%; height: 44px; padding: 2px; border: 1px solid var(--line); border-radius: 10px; background: var(--bg);
        }
        .options { display: grid; grid-template-columns: 1fr 1fr; gap: .9rem 1rem; margin-top: 1rem; }
        .check { display: flex; align-items: center; gap: .5rem; font-size: .9rem; grid-column: 1 / -1; min-height: 32px; }
        .check input { width: 20px; height: 20px; accent-color: var(--accent); }

        .preview {
          position: relative; margin: 1.25rem 0 1rem; min-height: 260px; border-radius: var(--radius);
          border: 1px dashed var(--line); display: flex; flex-direction: column; align-items: center;
          justify-content: center; gap: .75rem; padding: 1rem; overflow: hidden;
          background-color: var(--bg);
          background-image: linear-gradient(45deg, rgba(127,127,127,.08) 25%, transparent 25%, transparent 75%, rgba(127,127,127,.08) 75%),
                            linear-gradient(45deg, rgba(127,127,127,.08) 25%, transparent 25%, transparent 75%, rgba(127,127,127,.08) 75%);
          background-size: 20px 20px; background-position: 0 0, 10px 10px;
        }
        .preview img {
          max-width: 100%; max-height: 420px; height: auto; image-rendering: pixelated;
          border-radius: 4px; transition: opacity .15s;
        }
        .preview[data-state=busy] img { opacity: .35; }
        .status { margin: 0; color: var(--muted); text-align: center; font-size: .95rem; }
        .status.error { color: var(--error); }
        .preview[data-state=error] { border-color: var(--error); background: var(--error-soft); }
        .spinner {
          display: none; width: 34px; height: 34px; border-radius: 50%;
          border: 3px solid var(--line); border-top-color: var(--accent); animation: spin .8s linear infinite;
        }
        .preview[data-state=busy] .spinner { display: block; }
        .preview[data-state=busy] img:not([hidden]) ~ .spinner { position: absolute; top: calc(50% - 17px); }
        @keyframes spin { to { transform: rotate(360deg); } }
        @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2.4s; } }

        .actions, .code-actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
        .button {
          display: inline-flex; align-items: center; justify-content: center; min-height: 44px; padding: 0 1rem;
          white-space: nowrap;
          border-radius: 10px; border: 1px solid var(--line); background: var(--panel); color: var(--ink);
          font: inherit; font-weight: 600; text-decoration: none; cursor: pointer;
        }
        .button:hover { border-color: var(--accent); }
        .button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
        .button[disabled], .button[aria-disabled=true] { opacity: .45; pointer-events: none; }

        .drop {
          position: relative; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: .75rem;
          min-height: 260px; padding: 1.25rem; text-align: center; cursor: pointer;
          border: 2px dashed var(--line); border-radius: var(--radius); background: var(--bg); transition: border-color .15s, background .15s;
        }
        .drop:hover, .drop.dragging { border-color: var(--accent); background: var(--accent-soft); }
        .drop input { position: absolute; inset: 0; opacity: 0; cursor: pointer; width: 100%; }
        .drop img { max-width: 100%; max-height: 240px; border-radius: 8px; object-fit: contain; }
        .drop-text { display: flex; flex-direction: column; gap: .25rem; color: var(--muted); }
        .drop-text strong { color: var(--ink); font-size: 1.05rem; }
        #decode-status { margin: 1rem 0 .5rem; text-align: left; }
        #decode-status.ok { color: var(--ok); }

        .codes { display: flex; flex-direction: column; gap: .9rem; }
        .code { border: 1px solid var(--line); border-radius: 12px; padding: .8rem; display: flex; flex-direction: column; gap: .6rem; }
        .code-text { min-height: 3rem; }
        .code-meta { color: var(--muted); font-size: .85rem; }

        .footnote { max-width: 1120px; width: 100%; margin: 0 auto; padding: .5rem 1rem 2rem; color: var(--muted); font-size: .85rem; }

        @media (max-width: 520px) {
          .masthead { padding-top: 1rem; }
          h1 { font-size: 1.3rem; }
          .panel { padding: 1rem; }
          .options { grid-template-columns: 1fr 1fr; gap: .75rem; }
          .preview, .drop { min-height: 220px; }
          .actions .button { flex: 1; }
        }
        """#
}
