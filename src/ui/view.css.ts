// Lives in the prompt's shadow root: the host page's CSS cannot reach in, and this cannot leak out.
// Hosts theme it with the public --touchpoint-* custom properties, read into short private ones.
// Colours meet WCAG AA contrast. `.dark` is set by mount.ts (theme "dark", or "auto" in a dark
// colour scheme), so the dark palette is written once.
export const css =
  ':host{all:initial;display:block;font:14px/1.4 system-ui,sans-serif;' +
  '--a:var(--touchpoint-accent,#2450d6);--o:var(--touchpoint-on-accent,#fff);--g:var(--touchpoint-bg,#fff);' +
  '--t:var(--touchpoint-text,#1f2328);--m:var(--touchpoint-muted,#57606a);--b:var(--touchpoint-border,#8c959f);color:var(--t)}' +
  ':host(.dark){--a:var(--touchpoint-accent,#7aa2ff);--o:var(--touchpoint-on-accent,#0d1117);--g:var(--touchpoint-bg,#161b22);' +
  '--t:var(--touchpoint-text,#e6edf3);--m:var(--touchpoint-muted,#9da7b3);--b:var(--touchpoint-border,#6e7681)}' +
  '*{box-sizing:border-box;font:inherit;color:inherit}' +
  '.card{position:relative;background:var(--g);border:1px solid var(--b);border-radius:var(--touchpoint-radius,12px);padding:16px}' +
  '.pop{box-shadow:0 8px 28px #0003;animation:a .2s ease-out}@keyframes a{from{opacity:0;transform:translateY(8px)}}' +
  '@media (prefers-reduced-motion:reduce){.pop{animation:none}}' +
  '.q{margin:0 28px 12px 0;font-weight:600}.row,.ends{display:flex;gap:4px}' +
  'button,textarea{border:1px solid var(--b);border-radius:8px;background:var(--g)}button{cursor:pointer;font-weight:600}' +
  '.c{flex:1;min-width:24px;height:40px;padding:0}' +
  '.c:hover,[aria-checked=true],.send{background:var(--a);border-color:var(--a);color:var(--o)}' +
  ':focus-visible{outline:3px solid var(--a);outline-offset:2px}' +
  '.ends{justify-content:space-between;margin-top:6px;color:var(--m);font-size:12px}' +
  '.x{position:absolute;top:8px;right:8px;width:28px;height:28px;border:0;background:0;color:var(--m);font-size:20px}' +
  'label{display:block;margin-bottom:6px}textarea{display:block;width:100%;min-height:72px;padding:8px}' +
  '.send{margin-top:10px;padding:8px 16px}:disabled{opacity:.6}' +
  '.sr{position:absolute;clip-path:inset(50%)}'
