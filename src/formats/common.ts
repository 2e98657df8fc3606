// What the delivery formats share (each format is its own file, dist/touchpoint.format.<name>.js,
// and carries these few functions itself): the receiver's dedup key of an answer, the request's
// Idempotency-Key, the site's user id and the missing-key error.
import type { Answer, Send } from '../contract'
import { error } from '../shared/log'

/** One wire-format body, as the delivery engine makes it (README "Wire format"). */
export interface Wire {
  sdk: { name: string; version: string }
  sentAt: string
  answers: Answer[]
}

/**
 * The receiver's dedup key of one version of an answer: its id for revision 1, and for a later
 * revision (the comment or contact that came after the score went out on page hide) a key of its
 * own, still a UUID: Segment, PostHog and CloudEvents consumers keep the *first* event of a key,
 * so under the same key the completed answer would be dropped and its comment lost. The same
 * version always gets the same key, so retries and reloads still dedupe.
 */
export const eventKey = ({ id, revision }: Answer): string =>
  revision > 1 ? id.slice(0, 28) + ((parseInt(id.slice(28), 16) ^ (revision - 1)) >>> 0).toString(16).padStart(8, '0') : id
/**
 * The Idempotency-Key of a request carrying these keys: the key itself for one; for several,
 * their hex digits XORed place by place, which needs no order and no hash: the same answers give
 * the same key in any order, on every retry.
 */
export const batchKey = (keys: string[]): string =>
  keys.reduce((k, x) => k.replace(/[\da-f]/g, (c, i: number) => (parseInt(c, 16) ^ parseInt(x[i] || '0', 16)).toString(16)))

/** One POST in a receiver's own shape: its body, and its headers beyond the `headers` option's. */
export interface Shaped {
  body: string
  headers?: Record<string, string>
}

/**
 * A body that is not text/plain: its Content-Type, and the Idempotency-Key of its answers (the
 * CORS preflight it needs anyway lets it carry both).
 */
export const json = (body: unknown, type: string, keys: string[]): Shaped => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': type, 'Idempotency-Key': batchKey(keys) },
})

/**
 * Sends through the engine's POST what `shape` makes of each wire-format body, with the `headers`
 * option's headers and then the format's. No headers of the format's: text/plain, as the engine
 * sends it.
 */
export const through =
  (post: Send, shape: (wire: Wire) => Shaped): Send =>
  (endpoint, body, o) => {
    const r = shape(JSON.parse(body) as Wire)
    return post(endpoint, r.body, { ...o, headers: { ...o?.headers, ...r.headers } })
  }

/** The visitor's id when the site set `context.userId` (a string or a number), else undefined. */
export const userId = (a: Answer): string | undefined => {
  const u = a.context?.userId
  return (typeof u == 'string' && u) || typeof u == 'number' ? String(u) : undefined
}

/**
 * The `formatKey` option as the page gave it (the core passes it through unchecked), trimmed; for
 * a format that needs one and was not given one, one console error, and null: nothing is sent.
 */
export const needKey = (key: unknown, format: string, what: string): string | null => {
  if (typeof key == 'string' && key.trim()) return key.trim()
  error(
    'data-format="' + format + '" needs data-format-key (formatKey in init()): ' + what +
      '. Nothing is sent until it is set; answers stay stored.',
  )
  return null
}
