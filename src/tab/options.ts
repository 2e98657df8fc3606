import type { AskOptions, Metric, Pack, Strings, TabStrings } from '../contract'
import { warn } from '../shared/log'
import { commentModes, isMetric } from '../shared/metrics'
import { isObject, num, oneOf, parser, type Parser } from '../shared/parse'
import { en } from './en'

/** The tab's options once checked. */
export interface Tab {
  metric: Metric
  label: string
  position: 'right' | 'left' | 'bottom-right' | 'bottom-left'
  mobile: 'icon' | 'hide' | 'show'
  touchpoint: string
  stage: string
  after: 'stay' | 'hide'
  dismissDays: number
}

const text = parser('a non-empty string', (v) => (typeof v == 'string' && v.trim() ? v.trim() : undefined))
// Each option's default and parser, as the core's options table does for its own.
const spec: { [K in keyof Tab]: [Tab[K], Parser<Tab[K]>] } = {
  metric: ['csat', oneOf('csat', 'nps', 'ces', 'thumbs')],
  label: ['', text],
  position: ['right', oneOf('right', 'left', 'bottom-right', 'bottom-left')],
  mobile: ['icon', oneOf('icon', 'hide', 'show')],
  touchpoint: ['tab', text],
  stage: ['', text],
  after: ['stay', oneOf('stay', 'hide')],
  dismissDays: [30, num(0)],
}

// metric → data-tab, dismissDays → data-tab-dismiss-days.
const attribute = (k: string) => 'data-tab' + (k == 'metric' ? '' : '-' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()))

/**
 * Checks the tab's options: init({ tab }) (an object, or a metric), or the script tag's
 * `data-tab` and `data-tab-*` (given a string, when a script tag has data-tab), read here so that
 * the core carries no code for them. A wrong value is one warning naming it as the site wrote it,
 * and its default. An empty attribute (a bare `data-tab`) means the default, silently.
 */
export const readTab = (given: unknown): Tab => {
  const script = typeof given == 'string' && document.querySelector<HTMLScriptElement>('script[data-tab]')
  const name = (k: string) => (script ? attribute(k) : 'tab.' + k)
  let raw: Record<string, unknown> = isObject(given) ? given : { metric: given }
  if (typeof given != 'string' && !isObject(given)) {
    warn('option "tab" is ' + JSON.stringify(given) + ', expected a metric or an object; using {}.')
    raw = {}
  }
  const out = {} as Record<string, unknown>
  if (script) {
    raw = {}
    const d = script.dataset
    for (const k in d) if (/^tab([A-Z]|$)/.test(k)) raw[k == 'tab' ? 'metric' : k[3]!.toLowerCase() + k.slice(4)] = d[k]
  }
  for (const k in spec) {
    const [def, parse] = spec[k as keyof Tab] as [unknown, Parser<unknown>]
    const v = raw[k]
    const parsed = v == null || v === '' ? def : parse(v)
    if (parsed === undefined) warn(name(k) + ' is ' + JSON.stringify(v) + ', expected ' + parse.e + '; using ' + JSON.stringify(def) + '.')
    out[k] = parsed ?? def
  }
  for (const k in raw) if (!(k in spec)) warn('unknown ' + name(k) + ' is ignored.')
  return out as unknown as Tab
}

/**
 * What the tab asks on this page: a page element with `data-touchpoint-tab` overrides the metric,
 * touchpoint id, stage, question and comment step (checkout asks CES, the help centre thumbs).
 * Read when the tab is pressed, so a single-page app's current page decides.
 */
export const pageQuestion = (tab: Tab): { metric: Metric; ask: AskOptions } => {
  const el = document.querySelector('[data-touchpoint-tab]')
  const attr = (n: string) => el?.getAttribute('data-touchpoint' + n)?.trim() || undefined
  const bad = (n: string, v: string, e: string) => warn('data-touchpoint' + n + ' is "' + v + '" on the tab\'s element, expected ' + e + '.')
  const m = attr('-ask')
  let comment = attr('-comment') as AskOptions['comment']
  if (m && !isMetric(m)) bad('-ask', m, 'csat, nps, ces or thumbs')
  if (comment && !commentModes.includes(comment)) {
    bad('-comment', comment, commentModes.join(', '))
    comment = undefined
  }
  const stage = attr('-stage') ?? (tab.stage || undefined)
  return {
    metric: m && isMetric(m) ? m : tab.metric,
    ask: { touchpoint: attr('') ?? tab.touchpoint, question: attr('-question'), comment, stage },
  }
}

/**
 * The tab's strings and writing direction from the visitor's pack: a built pack is an array in
 * English's key order with the tab's two keys last (rollup.config.ts), a pack read from the
 * sources the object itself; no pack is English.
 */
export const tabStrings = (p: Pack | null): TabStrings & Pick<Strings, 'dir'> =>
  !p
    ? { dir: 'ltr', ...en }
    : Array.isArray(p)
      ? { dir: p[0] as Strings['dir'], tabLabel: p[p.length - 2]!, tabHide: p[p.length - 1]! }
      : (p as Strings)
