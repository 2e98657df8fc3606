// dist/touchpoint.format.segment.js: answers as Segment `track` calls in one `batch` request
// (Segment's HTTP Tracking API, POST /v1/batch; RudderStack's takes the same body). The answer's
// id is the call's messageId, the key Segment dedupes on. Sent as text/plain with the write key
// in the body, as Segment's own browser library sends it: no CORS preflight, so it also leaves
// with the page (keepalive) in every browser, and, text/plain, it carries no Idempotency-Key.
import type { FormatPart, Send } from '../contract'
import { eventKey, needKey, through, userId } from './common'

export const createFormat: FormatPart['createFormat'] = ({ formatKey }, post): Send | null => {
  const writeKey = needKey(formatKey, 'segment', 'the write key of your Segment (or RudderStack) source')
  return (
    writeKey ? through(post, ({ sdk, sentAt, answers }) => {
      const batch = answers.map((a) => {
        const user = userId(a)
        return {
          type: 'track',
          event: 'Touchpoint Answer',
          messageId: eventKey(a),
          // No identifier of our own is kept: the site's userId when it set one, else the
          // answer's id (one anonymous visitor per answer, nothing persistent is added).
          ...(user ? { userId: user } : { anonymousId: a.id }),
          timestamp: a.createdAt,
          properties: a,
          context: {
            page: { url: a.page.url, title: a.page.title, referrer: a.page.referrer, path: new URL(a.page.url).pathname },
            locale: a.locale,
            library: sdk,
          },
        }
      })
      return { body: JSON.stringify({ batch, writeKey, sentAt }) }
    }) : null
  )
}
