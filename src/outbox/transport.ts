/** What the collector said about one POST. `status` is 0 when no HTTP answer came (offline, CORS, timeout). */
export interface PostResult {
  status: number
  /** Milliseconds the collector asked us to wait (Retry-After), when it said so. */
  retryAfter: number | null
}

/** Parses Retry-After: delta seconds or an HTTP date. */
export const parseRetryAfter = (v: string | null, now = Date.now()): number | null => {
  const t = v ? (+v >= 0 ? now + +v * 1000 : Date.parse(v)) : NaN
  return isNaN(t) ? null : Math.max(0, t - now)
}

/**
 * POSTs one JSON body. Sent as text/plain, a CORS "simple request": no preflight round trip, and
 * allowed for keepalive requests while the page unloads. Never throws; never sends cookies.
 */
export const post = async (
  endpoint: string,
  body: string,
  { keepalive = false, timeout = 10_000 } = {},
): Promise<PostResult> => {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      keepalive,
      // A hung collector must not stall the outbox. (Browsers before 2022 lack it: no timeout there.)
      signal: AbortSignal.timeout?.(timeout),
    })
    return { status: res.status, retryAfter: parseRetryAfter(res.headers.get('Retry-After')) }
  } catch {
    return { status: 0, retryAfter: null }
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
