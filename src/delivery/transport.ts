import type { TransportResult } from '../contract'
import { warn } from '../shared/log'

/** What the collector said about one POST. `status` is 0 when no HTTP answer came (offline, CORS, timeout). */
export interface PostResult {
  status: number
  /** Milliseconds the collector asked us to wait (Retry-After), when it said so. */
  retryAfter: number | null
}

const NONE: PostResult = { status: 0, retryAfter: null }

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
  { keepalive = false, timeout = 10_000, headers = {} }: { keepalive?: boolean; timeout?: number; headers?: Record<string, string> } = {},
): Promise<PostResult> => {
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

/**
 * The app's own `transport`, as the outbox calls it: every POST goes through it, page hide
 * included. A transport that throws, or resolves to something that is not `{ status }`, counts
 * as a network error (retried with backoff), and the console says what to fix.
 */
export const viaTransport =
  (transport: (body: string) => Promise<TransportResult>) =>
  async (_endpoint: string, body: string): Promise<PostResult> => {
    try {
      const r = await transport(body)
      if (typeof r?.status == 'number') return { status: r.status, retryAfter: r.retryAfter! >= 0 ? r.retryAfter! * 1000 : null }
      warn('transport() must resolve to { status, retryAfter? }, got', r, '; counted as a network error.')
    } catch (e) {
      warn('transport() threw; counted as a network error:', e)
    }
    return NONE
  }
