// @ts-check
// A PostgreSQL server (DATABASE_URL / --database-url) through `pg`, running the same SQL as PGlite.
import pg from 'pg'
import { sqlStore } from './sql.js'

/** @param {string} url e.g. postgres://user:password@db.internal:5432/cx @returns {Promise<import('./index.js').Store>} */
export const postgresStore = async (url) => {
  // A server that does not answer must fail the start quickly, not hang it.
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 1000 })
  // An idle client whose server went away emits 'error' on the pool; without a listener Node
  // would crash. The next query reconnects or fails, and /healthz reports it.
  pool.on('error', () => {})
  try {
    return await sqlStore(
      'postgres',
      (sql, params) => pool.query(sql, params),
      async (fn) => {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const n = await fn((sql, params) => client.query(sql, params))
          await client.query('COMMIT')
          return n
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {})
          throw e
        } finally {
          client.release()
        }
      },
      () => pool.end(),
    )
  } catch (e) {
    await pool.end().catch(() => {})
    throw e
  }
}
