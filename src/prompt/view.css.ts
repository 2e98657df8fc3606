// The prompt's styles, adopted by its shadow root (mount.ts): the host page's selectors cannot
// reach in, and these cannot leak out. build/css.ts minifies this css-tagged literal at build time.
//
// Two rules hold against any host stylesheet, even `* { all: unset !important }`:
// - every :host declaration is !important: for important declarations the shadow tree's own
//   rules beat the page's (and the page's inline ones), while a normal :host rule would lose;
// - the shadow tree inherits nothing from the page: the host is `all: initial`, and the card
//   sets its own font and colour.
// Hosts theme it with the public --touchpoint-* custom properties, read into private ones on
// .card, where no page rule can set them. Colours meet WCAG AA (4.5:1) in both palettes; the
// dark one applies when mount.ts sets `.dark` (theme "dark", or "auto" in a dark colour scheme).
const css = (strings: TemplateStringsArray): string => strings[0]!

export const styles = css`
  :host {
    all: initial !important;
    display: block !important;
    margin: 8px 0 !important;
  }
  /* A popover floats above the page and never takes part in its layout (no CLS). mount.ts
     sets its corner through the CSSOM as --tp-inset: a custom property, which neither
     all: initial here nor the page's all: unset resets. */
  :host(.pop) {
    position: fixed !important;
    inset: var(--tp-inset) !important;
    z-index: 2147483000 !important;
    width: 360px !important;
    max-width: calc(100vw - 32px) !important;
    margin: 0 !important;
  }
  .card {
    --accent: var(--touchpoint-accent, #2450d6);
    --on-accent: var(--touchpoint-on-accent, #fff);
    --bg: var(--touchpoint-bg, #fff);
    --text: var(--touchpoint-text, #1f2328);
    --muted: var(--touchpoint-muted, #57606a);
    --border: var(--touchpoint-border, #8c959f);
    position: relative;
    padding: 16px;
    border: 1px solid var(--border);
    border-radius: var(--touchpoint-radius, 12px);
    background: var(--bg);
    color: var(--text);
    font: 14px/1.4 system-ui, sans-serif;
    text-align: start;
  }
  :host(.dark) .card {
    --accent: var(--touchpoint-accent, #7aa2ff);
    --on-accent: var(--touchpoint-on-accent, #0d1117);
    --bg: var(--touchpoint-bg, #161b22);
    --text: var(--touchpoint-text, #e6edf3);
    --muted: var(--touchpoint-muted, #9da7b3);
    --border: var(--touchpoint-border, #6e7681);
  }
  :host(.pop) .card {
    box-shadow: 0 8px 28px #0003;
    animation: rise 0.2s ease-out;
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  * {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
  }
  .q {
    margin: 0 0 12px;
    padding-inline-end: 28px;
    font-weight: 600;
  }
  .row,
  .ends {
    display: flex;
    gap: 4px;
  }
  button,
  textarea,
  [type='email'] {
    border: 1px solid var(--border);
    border-radius: 8px;
    background: var(--bg);
  }
  button {
    cursor: pointer;
    font-weight: 600;
  }
  .row button {
    flex: 1;
    min-width: 24px;
    height: 40px;
    padding: 0;
  }
  .row button:hover,
  .send {
    border-color: var(--accent);
    background: var(--accent);
    color: var(--on-accent);
  }
  :focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .ends {
    justify-content: space-between;
    margin-top: 6px;
    color: var(--muted);
    font-size: 12px;
  }
  .x {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    width: 28px;
    height: 28px;
    border: 0;
    background: none;
    color: var(--muted);
    font-size: 20px;
  }
  label {
    display: block;
    margin-bottom: 6px;
  }
  textarea,
  [type='email'] {
    display: block;
    width: 100%;
    padding: 8px;
  }
  textarea {
    min-height: 72px;
  }

  /* The contact question's group, under the comment when both are asked, and the send button. */
  .send,
  textarea + * {
    margin-top: 10px;
  }
  .send {
    padding: 8px 16px;
  }
  :disabled {
    opacity: 0.6;
  }
  .sr {
    position: absolute;
    clip-path: inset(50%);
  }
  /* Phones: NPS's eleven choices fit 320 px at 24 px or more each. A popover is a bottom sheet,
     full width, clear of the home indicator and the notch. */
  @media (max-width: 480px) {
    .card {
      padding: 12px;
    }
    .row {
      gap: 1px;
    }
    :host(.pop) {
      inset: auto 0 0 !important;
      width: auto !important;
      max-width: none !important;
    }
    :host(.pop) .card {
      border-width: 1px 0 0;
      border-radius: var(--touchpoint-radius, 12px) var(--touchpoint-radius, 12px) 0 0;
      padding: 12px max(12px, env(safe-area-inset-right)) calc(12px + env(safe-area-inset-bottom))
        max(12px, env(safe-area-inset-left));
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .card {
      animation: none !important;
    }
  }
`
