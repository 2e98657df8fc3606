import type { CoreStore, Store } from '../contract'

/**
 * The core's outbox store with its reader: what IndexedDB holds and what only memory could hold
 * (IndexedDB missing, blocked or full), merged, so an answer is never lost between the two. Kept
 * here, not in the core: only the engine reads the outbox, and every page view carries the core.
 */
export const withReader = (core: CoreStore): Store => ({
  ...core,
  async all() {
    let keys: IDBRequest<IDBValidKey[]>
    let values: IDBRequest<unknown[]>
    const stored = (await core.tx('readonly', (s) => ((keys = s.getAllKeys()), (values = s.getAll()))))
      ? keys!.result.map((k, i): [string, unknown] => [k as string, values.result[i]])
      : []
    // What IndexedDB holds wins over a copy in memory.
    return [...new Map([...core.mem, ...stored])]
  },
})
