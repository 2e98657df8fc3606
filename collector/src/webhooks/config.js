// @ts-check
// Where webhooks go: `--config FILE` (JSON `{ "webhooks": [ { url, events, secret, format } ] }`)
// or `--webhook URL` (every event, standard format, secret from TOUCHPOINT_WEBHOOK_SECRET or made
// at start). Everything is checked before the collector creates anything: a bad file, a webhook
// without a URL, an unknown event or a secret that is not `whsec_` base64 is one line naming it.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { problem } from '../flags.js'

/** Every event the collector sends (`score.dropped` comes from the dashboard's drop test). */
export const EVENTS = ['answer.created', 'answer.low', 'followup.overdue', 'digest.daily', 'score.dropped']
export const FORMATS = ['standard', 'slack']
export const SECRET_ENV = 'TOUCHPOINT_WEBHOOK_SECRET'

/** @typedef {{ url: string, events: string[], secret: string, format: 'standard' | 'slack' }} Hook */

/** A Standard Webhooks secret: `whsec_` and the key in base64 (at least 16 bytes). @param {unknown} s */
export const isSecret = (s) =>
  typeof s == 'string' && /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(s) && (s.length - 6) % 4 == 0 && Buffer.from(s.slice(6), 'base64').length >= 16

/** A new secret: 24 random bytes, as the spec suggests. */
export const newSecret = () => 'whsec_' + randomBytes(24).toString('base64')

/** @param {unknown} raw @param {string} label */
const checkUrl = (raw, label) => {
  if (typeof raw != 'string' || !raw) throw problem(`${label}: a webhook without a "url"; give one, e.g. "url": "https://hooks.example.com/touchpoint"`)
  let u
  try {
    u = new URL(raw)
  } catch {}
  if (!u || (u.protocol != 'http:' && u.protocol != 'https:')) throw problem(`${label}: "${raw}" is not an http(s) URL; give one such as https://hooks.example.com/touchpoint`)
  return raw
}

/**
 * The webhooks of a config object (the parsed file).
 * @param {unknown} json @param {string} label e.g. `--config ./touchpoint.json`
 * @returns {Hook[]}
 */
export const checkConfig = (json, label) => {
  const list = /** @type {any} */ (json)?.webhooks
  if (json == null || typeof json != 'object' || Array.isArray(json)) throw problem(`${label}: not a JSON object; give { "webhooks": [ { "url": "…", "events": ["answer.low"], "secret": "whsec_…" } ] }`)
  if (list == null) return []
  if (!Array.isArray(list)) throw problem(`${label}: "webhooks" is not a list; give [ { "url": "…" } ]`)
  return list.map((h, i) => {
    const at = `${label}: webhooks[${i}]`
    if (h == null || typeof h != 'object' || Array.isArray(h)) throw problem(`${at} is not an object with "url", "events", "secret", "format"`)
    const unknownKey = Object.keys(h).find((k) => !['url', 'events', 'secret', 'format'].includes(k))
    if (unknownKey) throw problem(`${at}: unknown key "${unknownKey}"; a webhook has "url", "events", "secret" and "format"`)
    const url = checkUrl(h.url, at)
    const events = h.events ?? EVENTS
    if (!Array.isArray(events) || !events.length) throw problem(`${at}: "events" must be a non-empty list of ${EVENTS.join(', ')}`)
    for (const e of events) if (!EVENTS.includes(e)) throw problem(`${at}: unknown event ${JSON.stringify(e)}; the events are ${EVENTS.join(', ')}`)
    if (!isSecret(h.secret)) throw problem(`${at}: "secret" is not a Standard Webhooks secret; give "whsec_" and at least 16 bytes in base64 (e.g. from: node -e "console.log('whsec_'+crypto.randomBytes(24).toString('base64'))")`)
    const format = h.format ?? 'standard'
    if (!FORMATS.includes(format)) throw problem(`${at}: unknown format ${JSON.stringify(format)}; give "standard" or "slack"`)
    return { url, events, secret: h.secret, format }
  })
}

/** The --config flag's parser: reads and checks the file. @param {string} path @param {string} label */
export const readConfig = (path, label) => {
  let text
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw problem(`${label} ${path}: cannot read the file (${/** @type {any} */ (e)?.code ?? e}); give the path of a readable JSON file`)
  }
  let json
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw problem(`${label} ${path}: not valid JSON (${String(/** @type {any} */ (e)?.message ?? e).split('\n')[0]})`)
  }
  return checkConfig(json, `${label} ${path}`)
}

/** The --webhook flag's parser. @param {string} raw @param {string} label */
export const webhookUrl = (raw, label) => checkUrl(raw, label)

/**
 * The webhooks to use: the file's, plus --webhook's with the secret of the environment (checked)
 * or a new one (`generated` says so, for the start to print it).
 * @param {{ config?: Hook[], webhook?: string, env?: Record<string, string | undefined> }} o
 */
export const resolveHooks = ({ config = [], webhook, env = {} }) => {
  if (!webhook) return { hooks: config, generated: null }
  const fromEnv = env[SECRET_ENV]
  if (fromEnv && !isSecret(fromEnv)) throw problem(`${SECRET_ENV}: not a Standard Webhooks secret; give "whsec_" and at least 16 bytes in base64, or unset it to have one made`)
  const secret = fromEnv || newSecret()
  return { hooks: [...config, { url: webhook, events: EVENTS, secret, format: /** @type {const} */ ('standard') }], generated: fromEnv ? null : secret }
}
