// dist/touchpoint.format.cloudevents.js: answers as CloudEvents 1.0 in the HTTP binding's
// structured mode (one answer) or batched mode (a JSON array). Consumers dedupe on source + id: the
// source is the site (the page's origin when no site is set), the id the answer's.
import type { FormatPart, Send } from '../contract'
import { eventKey, json, through } from './common'

// CloudEvents needs no key: `formatKey` is ignored.
export const createFormat: FormatPart['createFormat'] = (_, post): Send =>
  through(post, ({ answers }) => {
    const events = answers.map((a) => ({
      specversion: '1.0',
      id: eventKey(a),
      source: a.site || new URL(a.page.url).origin,
      type: 'dev.touchpoint.answer',
      subject: a.touchpoint,
      time: a.createdAt,
      datacontenttype: 'application/json',
      data: a,
    }))
    const ids = events.map((e) => e.id)
    return events[1] ? json(events, 'application/cloudevents-batch+json', ids) : json(events[0], 'application/cloudevents+json', ids)
  })
