import type { CommentMode, ContactMode, Metric, ScannerHost } from '../contract'
import { warn } from '../shared/log'
import { commentModes, contactModes, isMetric } from '../shared/metrics'
import { isObject, num, oneOf, parser } from '../shared/parse'
import { click } from './click'
import { event } from './event'
import { exit } from './exit'
import { load } from './load'
import { submit } from './submit'
import type { Trigger } from './trigger'
import { view } from './view'

const triggers: Record<string, Trigger> = { click, view, load, exit, submit }
const noop = () => {}

// The attributes after `data-touchpoint-`, each with its default and parser (as for options).
const attributes = {
  ask: ['', parser('csat, nps, ces or thumbs', (v) => (isMetric(v) ? v : undefined))],
  display: ['popover', oneOf('popover', 'inline')],
  trigger: [
    null,
    parser('click, view, load, exit, submit or event:NAME', (v) =>
      /^event:./.test(v as string) ? event((v as string).slice(6)) : triggers[v as string],
    ),
  ],
  comment: ['off', oneOf(...commentModes)],
  contact: [null, oneOf(...contactModes)], // absent: the script tag's data-contact
  delay: ['0', num(0)],
  'sample-rate': [null, num(0, 1)], // absent: the script tag's data-sample-rate
  context: ['{}', parser('a JSON object', (v) => {
    try {
      const o: unknown = JSON.parse(v as string)
      return isObject(o) ? o : undefined
    } catch {
      return undefined
    }
  })],
} as const

type Parsed = {
  ask: Metric
  display: 'popover' | 'inline'
  trigger: Trigger
  comment: CommentMode
  contact?: ContactMode
  delay: number
  'sample-rate'?: number // absent: the script tag's data-sample-rate
  context: Record<string, unknown>
}

/**
 * Turns one `data-touchpoint` element into a watched touchpoint; returns its release. A wrong
 * attribute is a warning naming the element and the attribute, and only this touchpoint is skipped.
 */
const arm = (el: Element, core: ScannerHost): (() => void) => {
  const attr = (name: string) => el.getAttribute('data-touchpoint' + name)
  const id = attr('')!.trim()
  const v = {} as Parsed
  // In table order: `display` is parsed before the `trigger` default that depends on it.
  for (const [name, [def, parse]] of Object.entries(attributes)) {
    const raw = attr('-' + name) ?? (name == 'trigger' ? (v.display == 'inline' ? 'load' : 'click') : def)
    if ((raw != null && ((v as Record<string, unknown>)[name] = parse(raw)) === undefined) || !id) {
      warn(
        `<${el.localName} data-touchpoint="${id}">: ` +
          (id ? `data-touchpoint-${name} is ${JSON.stringify(raw)}, expected ${parse.e}` : 'data-touchpoint needs an id') +
          '; skipped.',
      )
      return noop
    }
  }
  // A click or a submit may come again (the guard keeps visitors from being pestered);
  // a page is viewed, loaded or left once, and an inline prompt, once shown, stays.
  const again = v.display == 'popover' && ![view, load, exit].includes(v.trigger)
  let timer: ReturnType<typeof setTimeout> | undefined
  let busy = false
  let prepared = false
  // The first sign that this touchpoint may fire starts fetching the prompt (once is enough).
  const soon = () => prepared || ((prepared = true), core.prepare(id, v['sample-rate']))
  const release: () => void = v.trigger(el, () => {
    if (busy) return
    busy = true
    if (!again) release()
    soon() // fetched during the delay, if there is one
    timer = setTimeout(() => {
      void core.askFrom(
        v.ask,
        {
          touchpoint: id,
          question: attr('-question') ?? undefined,
          comment: v.comment,
          contact: v.contact,
          context: v.context,
          stage: attr('-stage')?.trim() || undefined,
          display: v.display,
          target: el,
          sampleRate: v['sample-rate'],
        },
        true,
        v.trigger == click,
      ).then(() => (busy = !again))
    }, v.delay)
  }, soon)
  return () => {
    clearTimeout(timer)
    release()
  }
}

/**
 * Watches the page for `data-touchpoint` elements: present ones now, added ones when they appear
 * (single-page apps), and releases the ones removed. Returns the function that stops it all.
 */
export const scanTouchpoints = (core: ScannerHost): (() => void) => {
  const live = new Map<Element, () => void>()
  const sweep = () => {
    for (const [el, release] of live)
      if (!el.isConnected) {
        release()
        live.delete(el)
      }
    document.querySelectorAll('[data-touchpoint]:not([data-touchpoint-tab])').forEach((el) => live.has(el) || live.set(el, arm(el, core)))
  }
  sweep()
  const mo = new MutationObserver(sweep)
  mo.observe(document.documentElement, { childList: true, subtree: true })
  return () => {
    mo.disconnect()
    live.forEach((release) => release())
    live.clear()
  }
}
