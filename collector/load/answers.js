// @ts-check
// What the load test sends, and what it expects to find stored. Bodies as the SDK sends them
// (1–3 answers, valid against schema/answer.schema.json), each answer with an id of its own; some
// bodies carry revision 2 of an answer already acknowledged (the visitor added a comment), and a
// few resend revision 1 of one whose revision 2 was acknowledged (a late retry, which must not
// win). The ledger keeps, for every id acknowledged with a 2xx, the highest revision acknowledged.
import { randomUUID } from 'node:crypto'

const TOUCHPOINTS = [
  { touchpoint: 'checkout-pay', stage: 'purchase', metric: 'ces', scale: { min: 1, max: 7 }, question: 'How easy was it to pay today?' },
  { touchpoint: 'order-confirmed', stage: 'purchase', metric: 'csat', scale: { min: 1, max: 5 }, question: 'How satisfied are you with your order?' },
  { touchpoint: 'app-nps', stage: 'usage', metric: 'nps', scale: { min: 0, max: 10 }, question: 'How likely are you to recommend us?' },
  { touchpoint: 'help-article', stage: 'support', metric: 'thumbs', scale: { min: 0, max: 1 }, question: 'Did this help?' },
]
/** How many acknowledged answers are kept as candidates for a revision 2 (the latest ones). */
const KEEP = 2000

/** @param {number} n */
const pick = (n) => Math.floor(Math.random() * n)

/** A new answer, revision 1. */
const fresh = () => {
  const t = /** @type {(typeof TOUCHPOINTS)[number]} */ (TOUCHPOINTS[pick(TOUCHPOINTS.length)])
  return {
    id: randomUUID(),
    ...t,
    score: t.scale.min + pick(t.scale.max - t.scale.min + 1),
    createdAt: new Date().toISOString(),
    revision: 1,
    site: 'acme-web',
    locale: 'en-US',
    page: { url: `https://shop.example.com/${t.touchpoint}`, title: t.touchpoint, referrer: '' },
    vitals: { LCP: 800 + pick(4000), INP: 40 + pick(500), CLS: pick(30) / 100, FCP: 300 + pick(2000), TTFB: 50 + pick(800) },
    context: { plan: ['free', 'pro', 'team'][pick(3)] },
  }
}

/** A new ledger: `next()` makes a body, `acked(answers)` records a 2xx, `expected` is what must be stored. */
export const newLedger = () => {
  /** id → highest revision acknowledged @type {Map<string, number>} */
  const expected = new Map()
  /** acknowledged at revision 1, not yet completed @type {any[]} */
  const open = []
  /** acknowledged at revision 2 @type {any[]} */
  const done = []
  let answers = 0
  let revisions = 0
  let stale = 0
  return {
    expected,
    counts: () => ({ answers, revisions, stale }),
    /** The next body's answers. */
    next: () => {
      const out = []
      const n = 1 + pick(3)
      for (let i = 0; i < n; i++) {
        const r = Math.random()
        if (r < 0.2 && open.length) {
          // Completed: the same answer with its comment, revision 2.
          const a = open.splice(pick(open.length), 1)[0]
          out.push({ ...a, revision: 2, comment: 'Took two tries to get the card accepted' })
        } else if (r < 0.23 && done.length) {
          // A late retry of revision 1: the stored row must stay at revision 2.
          const { comment: _, ...a } = done[pick(done.length)]
          out.push({ ...a, revision: 1 })
        } else out.push(fresh())
      }
      return out
    },
    /** @param {any[]} sent the answers of a body that got a 2xx */
    acked: (sent) => {
      for (const a of sent) {
        answers++
        const had = expected.get(a.id) ?? 0
        if (a.revision > had) expected.set(a.id, a.revision)
        if (a.revision == 2) {
          revisions++
          done.push(a)
          if (done.length > KEEP) done.shift()
        } else if (had) stale++
        else {
          open.push(a)
          if (open.length > KEEP) open.shift()
        }
      }
    },
  }
}

/** The body as the SDK sends it. @param {any[]} answers */
export const body = (answers) => JSON.stringify({ sdk: { name: 'touchpoint', version: '0.1.0' }, sentAt: new Date().toISOString(), answers })

/**
 * Compares what is stored (id, revision rows) with the ledger: lost = acknowledged and missing;
 * duplicated = an id stored more than once; older = stored below its highest acknowledged revision.
 * @param {Map<string, number>} expected @param {{ id: string, revision: number }[]} rows
 */
export const compare = (expected, rows) => {
  /** @type {Map<string, number>} */
  const stored = new Map()
  let duplicated = 0
  for (const r of rows) {
    if (stored.has(r.id)) duplicated++
    stored.set(r.id, Number(r.revision))
  }
  let lost = 0
  let older = 0
  for (const [id, rev] of expected) {
    const s = stored.get(id)
    if (s == null) lost++
    else if (s < rev) older++
  }
  return { acknowledgedIds: expected.size, storedRows: rows.length, lost, duplicated, older, unacknowledged: stored.size - (expected.size - lost) }
}
