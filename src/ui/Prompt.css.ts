// Lives in the prompt's shadow root: the host page's CSS cannot reach in, and this cannot leak out.
// Hosts theme it through the custom properties on :host. Colours meet WCAG AA contrast. `.dark`
// is set by mount.ts (theme "dark", or "auto" in a dark colour scheme), so dark colours exist once.
export const css = `:host{all:initial;display:block;font:14px/1.4 system-ui,sans-serif;--touchpoint-accent:#2450d6;--touchpoint-on-accent:#fff;--touchpoint-bg:#fff;--touchpoint-text:#1f2328;--touchpoint-muted:#57606a;--touchpoint-border:#8c959f;--touchpoint-radius:12px;color:var(--touchpoint-text)}
:host(.dark){--touchpoint-accent:#7aa2ff;--touchpoint-on-accent:#0d1117;--touchpoint-bg:#161b22;--touchpoint-text:#e6edf3;--touchpoint-muted:#9da7b3;--touchpoint-border:#6e7681}
*{box-sizing:border-box;font:inherit;color:inherit}
.card{position:relative;background:var(--touchpoint-bg);border:1px solid var(--touchpoint-border);border-radius:var(--touchpoint-radius);padding:16px}
.pop{box-shadow:0 8px 28px #0003;animation:a .2s ease-out}
@keyframes a{from{opacity:0;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){.pop{animation:none}}
.q{margin:0 28px 12px 0;font-weight:600}
.row{display:flex;gap:4px}
button,textarea{border:1px solid var(--touchpoint-border);border-radius:8px;background:var(--touchpoint-bg)}
button{cursor:pointer;font-weight:600}
.c{flex:1;min-width:24px;height:40px;padding:0}
.c:hover,.c[aria-checked=true],.send{background:var(--touchpoint-accent);border-color:var(--touchpoint-accent);color:var(--touchpoint-on-accent)}
.thumbs .c{font-size:20px;height:44px}
:focus-visible{outline:3px solid var(--touchpoint-accent);outline-offset:2px}
.ends{display:flex;justify-content:space-between;margin-top:6px;color:var(--touchpoint-muted);font-size:12px}
.x{position:absolute;top:8px;right:8px;width:28px;height:28px;border:0;background:0;color:var(--touchpoint-muted);font-size:20px;line-height:1}
label{display:block;margin-bottom:6px;font-weight:600}
label span{font-weight:400;color:var(--touchpoint-muted)}
textarea{display:block;width:100%;min-height:72px;padding:8px;resize:vertical}
.send{margin-top:10px;padding:8px 16px}
.send:disabled{opacity:.6;cursor:not-allowed}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}`
