// The tab's styles, adopted by its shadow root (tab.ts) as the prompt's are: the same rules hold
// against any host stylesheet (every :host declaration !important; nothing inherited from the
// page, so the buttons set their own font and colour). Colours meet WCAG AA (4.5:1) in both
// palettes and take the prompt's public --touchpoint-* custom properties. No transition or
// animation at all, so nothing moves, with or without prefers-reduced-motion.
const css = (strings: TemplateStringsArray): string => strings[0]!

export const styles = css`
  :host {
    all: initial !important;
    /* Fixed: it never takes part in the page's layout (no CLS). Below the prompt's layer. */
    position: fixed !important;
    z-index: 2147482000 !important;
    display: flex !important;
    align-items: center !important;
    gap: 4px !important;
  }
  :host(.off) {
    display: none !important;
  }
  :host(.right),
  :host(.left) {
    top: 50% !important;
    transform: translateY(-50%) !important;
    flex-direction: column !important;
  }
  :host(.right) {
    right: 0 !important;
  }
  :host(.left) {
    left: 0 !important;
  }
  :host(.bottom-right) {
    right: 16px !important;
    bottom: 16px !important;
  }
  :host(.bottom-left) {
    left: 16px !important;
    bottom: 16px !important;
  }
  button {
    --accent: var(--touchpoint-accent, #2450d6);
    --on-accent: var(--touchpoint-on-accent, #fff);
    --bg: var(--touchpoint-bg, #fff);
    --text: var(--touchpoint-text, #1f2328);
    --border: var(--touchpoint-border, #8c959f);
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    padding: 0;
    border: 1px solid var(--accent);
    border-radius: 8px;
    background: var(--accent);
    color: var(--on-accent);
    font: 600 14px/1.2 system-ui, sans-serif;
    cursor: pointer;
  }
  :host(.dark) button {
    --accent: var(--touchpoint-accent, #7aa2ff);
    --on-accent: var(--touchpoint-on-accent, #0d1117);
    --bg: var(--touchpoint-bg, #161b22);
    --text: var(--touchpoint-text, #e6edf3);
    --border: var(--touchpoint-border, #6e7681);
  }
  button:focus-visible {
    outline: 2px solid var(--text);
    outline-offset: 2px;
  }
  .tab {
    padding: 10px 12px;
  }
  :host(.right) .tab,
  :host(.left) .tab {
    writing-mode: vertical-rl;
    padding: 12px 8px;
  }
  :host(.right) .tab {
    border-radius: 8px 0 0 8px;
  }
  :host(.left) .tab {
    border-radius: 0 8px 8px 0;
  }
  svg {
    flex: none;
  }
  .x {
    width: 24px;
    height: 24px;
    border-color: var(--border);
    border-radius: 12px;
    background: var(--bg);
    color: var(--text);
    font-size: 16px;
    line-height: 1;
  }
  /* Phones: never over the page's content. icon: a small button at the bottom edge of its side
     (the label stays its accessible name); hide: no tab; show: as on wide screens. */
  @media (max-width: 480px) {
    :host(.m-hide) {
      display: none !important;
    }
    :host(.m-icon) {
      top: auto !important;
      bottom: 8px !important;
      transform: none !important;
      flex-direction: row-reverse !important;
    }
    :host(.m-icon.right),
    :host(.m-icon.bottom-right) {
      right: 0 !important;
    }
    :host(.m-icon.left),
    :host(.m-icon.bottom-left) {
      left: 0 !important;
      flex-direction: row !important;
    }
    :host(.m-icon) .tab {
      writing-mode: horizontal-tb;
      width: 32px;
      height: 32px;
      padding: 0;
    }
    :host(.m-icon) .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
`
