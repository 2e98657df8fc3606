// dist/touchpoint.explain.js (the npm module's explain chunk): what is wrong with what a site gave
// Touchpoint, in words. The core checks init()'s options (data-* attributes) and the arguments
// of ask(), but carries no message: every page view downloads the core, and only a page with a
// mistake needs the words, so the core fetches this file then (core/parts.ts `explain`). Each
// problem is one line naming the option as the site wrote it, the value and what was expected.
import type { ExplainPart } from '../contract'
import { positions, prefetchModes, themes } from '../shared/choices'
import { error, warn } from '../shared/log'
import { commentModes, contactModes, isMetric } from '../shared/metrics'
import { isObject } from '../shared/parse'

const oneOf = (words: readonly string[]) => 'one of ' + words.join(', ')
const text = 'a string'
const yesNo = 'true or false'
const fromZero = 'a number from 0 up'
const strings = 'an object of strings (JSON in an attribute)'
const fn = 'a function'

/** What each option of init() (and its data-* attribute) expects: the core's table, in words. */
export const expected: Record<string, string> = {
  endpoint: 'an http(s) URL of your collector',
  site: text,
  locale: text,
  theme: oneOf(themes),
  position: oneOf(positions),
  sampleRate: 'a number from 0 to 1',
  cooldownDays: fromZero,
  dismissCooldownDays: fromZero,
  maxPopoversPerVisit: fromZero,
  scan: yesNo,
  requireConsent: yesNo,
  debug: yesNo,
  vitals: yesNo,
  texts: strings,
  urlParams: 'a comma-separated list of names, or *',
  beforeSend: fn,
  transport: fn,
  headers: strings,
  contact: oneOf(contactModes),
  prefetch: oneOf(prefetchModes),
}

/** `sampleRate` → `data-sample-rate`. */
export const attrName = (key: string): string => 'data-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())

// A value as the site gave it. Never throws (a BigInt, a circular object): the core awaits these
// functions, and no exception escapes Touchpoint.
const shown = (v: unknown) => {
  try {
    return v == null ? 'missing' : JSON.stringify(v)
  } catch {
    return String(v)
  }
}

export const options: ExplainPart['options'] = (raw, bad, used, fromAttributes) => {
  const name = (k: string) => (fromAttributes ? attrName(k) : 'option "' + k + '"')
  for (const key of bad) {
    if (!(key in expected)) warn('unknown ' + name(key) + ' is ignored.')
    else {
      const msg = name(key) + ' is ' + shown(raw[key]) + ', expected ' + expected[key]
      if (key == 'endpoint') error(msg + '. Touchpoint is not started.')
      else warn(msg + '; using ' + JSON.stringify(used[key]) + '.')
    }
  }
}

export const ask: ExplainPart['ask'] = (metric, a) => {
  const said: string[] = []
  const is = (k: string, want: string) => said.push('option "' + k + '" is ' + shown((a as Record<string, unknown>)[k]) + ', expected ' + want + '.')
  if (!isMetric(metric)) said.push('metric is ' + shown(metric) + ', expected csat, nps, ces or thumbs.')
  if (!isObject(a) || typeof a.touchpoint != 'string' || !a.touchpoint.trim()) said.push('"touchpoint" id missing.')
  if (isObject(a)) {
    if (!commentModes.includes((a.comment ?? 'off') as never)) is('comment', oneOf(commentModes))
    for (const k of ['question', 'stage']) if (a[k] != null && typeof a[k] != 'string') is(k, text)
    if (a.context != null && !isObject(a.context)) is('context', 'an object')
    if (a.display == 'inline' && !(a.target instanceof Element)) said.push('display "inline" needs a "target" element.')
    if (a.contact != null && !contactModes.includes(a.contact as never)) is('contact', oneOf(contactModes))
  }
  for (const m of said[0] ? said : ['bad arguments.']) warn('ask(): ' + m)
}
