// @ts-check
// Where the collector keeps answers: one small interface, two implementations running the same
// SQL (./sql.js): PGlite in a data folder, or a PostgreSQL server.

/**
 * How many answers of a cell had each web-vitals rating (the rest had none).
 * @typedef {{ good: number, 'needs-improvement': number, poor: number }} Ratings
 */
/**
 * One row of the GROUP BY behind the figures: how many answers of a touchpoint and stage gave a
 * score, how many of them had each LCP and INP rating, and when the first was given (null when
 * only the order of the site's own stages needs it, and this row's stage is not one).
 * @typedef {{ touchpoint: string, stage: string | null, metric: string, score: number, sample: boolean,
 *   n: number, first: string | null, lcp: Ratings, inp: Ratings }} CountRow
 */
/**
 * @typedef {object} Store
 * @property {string} kind 'pglite' or 'postgres'
 * @property {(answers: any[], receivedAt: string, onStored?: (q: import('./sql.js').Query, answer: any, receivedAt: string) => Promise<void>) => Promise<number>} upsert stores a body's answers in one transaction (an id keeps its highest revision), calling onStored in it for each stored revision; resolves to how many rows changed
 * @property {import('./sql.js').Query} query one statement (the stats, the follow-up queue, webhooks, erasure; values only as $n parameters)
 * @property {<T>(fn: (q: import('./sql.js').Query) => Promise<T>) => Promise<T>} [tx] statements in one transaction
 * @property {(where?: { sql: string, params: unknown[] }) => Promise<CountRow[]>} counts the figures' GROUP BY over the answers a WHERE clause of stats/filters.js keeps (default all)
 * @property {() => Promise<number>} compact merges the rollup's new daily rows into their weeks and months (stats/rollup.js), one collector at a time; resolves to the rows written
 * @property {(limit: number) => Promise<any[]>} lowComments the latest answers with a comment on a low score
 * @property {(limit: number) => Promise<any[]>} latest the latest answers received
 * @property {() => Promise<void>} ping rejects when the database cannot answer
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ data?: string, databaseUrl?: string }} o
 * @returns {Promise<Store>}
 */
export const openStore = async ({ data, databaseUrl }) => {
  if (databaseUrl) return (await import('./postgres.js')).postgresStore(databaseUrl)
  if (data) return (await import('./pglite.js')).pgliteStore(data)
  throw new Error('openStore: give a data folder or a database URL')
}
