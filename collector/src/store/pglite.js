// @ts-check
// PGlite: PostgreSQL compiled to WebAssembly, persisting in a data folder of its own. The folder
// must exist (the CLI creates it, level by level, after checking it can) and have one writer.
import { sqlStore } from './sql.js'

/** @param {string} dir @returns {Promise<import('./index.js').Store>} */
export const pgliteStore = async (dir) => {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create({ dataDir: dir })
  try {
    return await sqlStore(
      'pglite',
      (sql, params) => db.query(sql, params),
      (fn) => db.transaction((t) => fn((sql, params) => t.query(sql, params))),
      () => db.close(),
    )
  } catch (e) {
    await db.close().catch(() => {})
    throw e
  }
}
