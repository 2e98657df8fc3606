import { render } from 'preact'
import type { Strings } from '../i18n/en'
import { safe } from '../log'
import { choices, type CommentMode, type Metric } from '../metrics'
import { css } from './view.css'
import { view, type ViewState } from './view'

export interface PromptProps {
  metric: Metric
  question: string
  comment: CommentMode
  t: Strings
  /** Move keyboard focus into the prompt (it was opened by the visitor's own action). */
  autofocus: boolean
  /** The visitor chose a score; `more` tells whether a comment step follows. */
  onScore(score: number, more: boolean): void
  /** The visitor finished the comment step: sent a comment, or closed it. */
  onComment(comment: string | undefined): void
  /** The visitor closed the prompt before choosing a score. */
  onDismiss(): void
  /** The prompt is gone (thank-you shown long enough, or closed). */
  onClose(): void
}

export interface MountOptions {
  /** Render inside this element (inline display) instead of floating in a corner. */
  target?: Element
  position: string
  theme: string
  /** The script tag's nonce, for a `<style>` where constructable stylesheets are missing. */
  nonce?: string
}

// Fixed position, topmost: a floating prompt never moves the host's layout.
const corner = (pos: string) => {
  const [v, hz] = pos.split('-')
  return `position:fixed;z-index:2147483000;${v}:16px;${hz}:16px;width:360px;max-width:calc(100vw - 32px)`
}

let uid = 0

/** Puts a prompt on the page in its own open shadow root; returns the function that removes it. */
export const mountPrompt = (props: PromptProps, o: MountOptions): (() => void) => {
  // UI callbacks run from DOM events: an error there is reported, never thrown into the page.
  const p = { ...props } as PromptProps
  for (const k in p) {
    const v = p[k as keyof PromptProps]
    if (typeof v == 'function') (p as unknown as Record<string, unknown>)[k] = safe(v as () => void)
  }
  // A custom element name: host rules written for div, section… never match it.
  const host = document.createElement('touchpoint-prompt')
  host.className =
    o.theme == 'dark' || (o.theme == 'auto' && window.matchMedia?.('(prefers-color-scheme:dark)').matches) ? 'dark' : ''
  host.setAttribute('style', o.target ? 'display:block;margin:8px 0' : corner(o.position))
  const shadow = host.attachShadow({ mode: 'open' })
  const style = document.createElement('style')
  style.textContent = css
  const box = document.createElement('div')
  shadow.append(style, box)

  const vp = { metric: p.metric, question: p.question, comment: p.comment, t: p.t, floating: !o.target, id: 'tp' + ++uid }
  const count = choices(p.metric).length
  let s: ViewState = { step: 'score', score: null, focus: 0, text: '', announce: '' }
  let timer: ReturnType<typeof setTimeout> | undefined
  let gone = false
  const el = (sel: string) => box.querySelector<HTMLElement>(sel)

  const set = (patch: Partial<ViewState>) => {
    if (gone) return
    s = { ...s, ...patch }
    render(view(vp, s, actions), box)
  }
  const thank = () => {
    set({ step: 'thanks', announce: p.t.thanks })
    el('.x')?.focus()
    timer = setTimeout(p.onClose, 2500)
  }
  const actions = {
    choose(score: number) {
      const more = p.comment != 'off'
      p.onScore(score, more)
      if (!more) return thank()
      set({ score, step: 'comment' })
      el('textarea')?.focus()
    },
    // Radio group keyboard model (WAI-ARIA APG): one tab stop; arrows move, Home/End jump.
    // Enter/Space choose (native on <button>): choosing sends, so arrows alone never choose.
    key(e: KeyboardEvent) {
      const d = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>)[e.key]
      const next = d ? (s.focus + d + count) % count : e.key == 'Home' ? 0 : e.key == 'End' ? count - 1 : -1
      if (next < 0) return
      e.preventDefault()
      set({ focus: next })
      el('[tabindex="0"]')?.focus()
    },
    focus: (i: number) => s.focus != i && set({ focus: i }),
    type: (text: string) => set({ text }),
    send() {
      p.onComment(s.text.trim() || undefined)
      thank()
    },
    dismiss() {
      if (s.step == 'comment') p.onComment(undefined)
      if (s.step != 'score') p.onClose()
      else p.onDismiss()
    },
  }
  // Focus goes back where it came from when the prompt closes (WAI-ARIA dialog pattern).
  const back = document.activeElement as HTMLElement | null
  ;(o.target ?? document.body).appendChild(host)
  set({})
  if (p.autofocus) el('[tabindex="0"]')?.focus()
  // A live region must change after insertion to be read: announces a prompt nobody focused.
  setTimeout(() => s.announce || set({ announce: p.question }), 150)
  return () => {
    gone = true
    clearTimeout(timer)
    if (document.activeElement == host) back?.focus()
    render(null, box)
    host.remove()
  }
}
