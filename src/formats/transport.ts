// dist/touchpoint.format.transport.js: the app's own `transport` (README "Options"), fetched beside
// the engine like a delivery format when the app gives one, so that the engine every json page
// fetches does not carry it. Every POST goes through it, page hide included; it gets the wire
// format (a `format` is not applied). A transport that throws, or resolves to something that is
// not `{ status }`, counts as a network error (retried with backoff), and the console says what
// to fix.
import type { FormatPart, PostResult, Send } from '../contract'
import { warn } from '../shared/log'

export const createFormat: FormatPart['createFormat'] = ({ transport }): Send => async (_endpoint, body) => {
  try {
    const r = await transport!(body)
    if (typeof r?.status == 'number') return { status: r.status, retryAfter: r.retryAfter! >= 0 ? r.retryAfter! * 1000 : null }
    warn('transport() must resolve to { status, retryAfter? }, got', r, '; counted as a network error.')
  } catch (e) {
    warn('transport() threw; counted as a network error:', e)
  }
  return { status: 0, retryAfter: null } satisfies PostResult
}
