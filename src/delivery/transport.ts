import type { PostResult, Send } from '../contract'

export type { PostResult }

const NONE: PostResult = { status: 0, retryAfter: null }

/** Parses Retry-After: delta seconds or an HTTP date. */
export const parseRetryAfter = (v: string | null, now = Date.now()): number | null => {
  const t = v ? (+v >= 0 ? now + +v * 1000 : Date.parse(v)) : NaN
  return isNaN(t) ? null : Math.max(0, t - now)
}

/**
 * POSTs one JSON body. Sent as text/plain, a CORS "simple request": no preflight round trip, and
 * allowed for keepalive requests while the page unloads. Never throws; never sends cookies.
 * A delivery format (src/formats/) POSTs through it too, with its own body and headers.
 */
export const post: Send = async (endpoint, body, { keepalive = false, timeout = 10_000, headers = {} } = {}) => {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      body,
      // Extra headers (the `headers` option) make it a preflighted request: the collector must
      // answer OPTIONS and allow them (Access-Control-Allow-Headers).
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
      credentials: 'omit',
      keepalive,
      // A hung collector must not stall the outbox. (Browsers before 2022 lack it: no timeout there.)
      signal: AbortSignal.timeout?.(timeout),
    })
    return { status: res.status, retryAfter: parseRetryAfter(res.headers.get('Retry-After')) }
  } catch {
    return NONE
  }
}

export type Verdict = 'sent' | 'retry' | 'wait' | 'reject'

/** What to do after a POST: 2xx sent; 429 or 503 with Retry-After wait; other 4xx but 408 reject. */
export const verdict = ({ status, retryAfter }: PostResult): Verdict =>
  status >= 200 && status < 300
    ? 'sent'
    : (status == 429 || status == 503) && retryAfter != null
      ? 'wait'
      : status >= 400 && status < 500 && status != 408 && status != 429
        ? 'reject'
        : 'retry'
