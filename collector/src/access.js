// @ts-check
// Who may read. Answers carry visitors' comments, so a collector reachable from other machines
// shows nothing without its token: `Authorization: Bearer <token>`, or, for the dashboard in a
// browser, `/?token=<token>` once, which becomes a cookie of this origin and leaves the address bar.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const COOKIE = 'touchpoint_token'

/** Addresses only this machine can reach. @param {string} host */
export const isLoopback = (host) => host == 'localhost' || host == '::1' || host == '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)

/** A token for a collector started without one: 32 random bytes, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url')

/** Compares in constant time (hashes first, so lengths do not leak either). @param {string} a @param {string} b */
const same = (a, b) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())

/** @param {string | undefined} header @param {string} name */
const cookie = (header, name) => {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() == name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

/** The URL without its `token` parameter (for redirects and logs). @param {string} url */
export const withoutToken = (url) => {
  const u = new URL(url, 'http://x')
  if (!u.searchParams.has('token')) return url
  u.searchParams.delete('token')
  return u.pathname + (u.searchParams.size ? '?' + u.searchParams : '')
}

/**
 * An onRequest hook that lets a request through only with the token.
 * @param {string} token
 * @returns {(req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<void>}
 */
export const requireToken = (token) => async (req, reply) => {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ') && same(auth.slice(7).trim(), token)) return
  const fromCookie = cookie(req.headers.cookie, COOKIE)
  if (fromCookie != null && same(fromCookie, token)) return
  const fromQuery = /** @type {Record<string, unknown>} */ (req.query ?? {}).token
  if (req.method == 'GET' && (req.routeOptions.url == '/' || req.routeOptions.url == '/follow-ups') && typeof fromQuery == 'string' && same(fromQuery, token)) {
    // Once: the token moves into a cookie only this origin's requests carry, and out of the
    // address bar (and so out of history, bookmarks and screenshots).
    const secure = req.protocol == 'https' ? '; Secure' : ''
    return reply
      .code(303)
      .header('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000${secure}`)
      .header('Location', withoutToken(req.url))
      .send()
  }
  return reply
    .code(401)
    .header('WWW-Authenticate', 'Bearer')
    .send({ error: 'this collector needs its token: send Authorization: Bearer <token>, or open /?token=<token> once in the browser' })
}
