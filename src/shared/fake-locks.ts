// For unit tests only (nothing shipped imports it): Web Locks as happy-dom lacks them.

/** Web Locks as the tests need them: one queue per name; `ifAvailable` gets null when it is held. */
export const fakeLocks = () => {
  const queues: Record<string, Promise<unknown>> = {}
  const held: Record<string, number> = {}
  return {
    request(name: string, a: unknown, b?: unknown) {
      const fn = (b ?? a) as (lock: unknown) => Promise<unknown>
      if (b && (a as { ifAvailable?: boolean }).ifAvailable && held[name]) return Promise.resolve().then(() => fn(null))
      held[name] = (held[name] ?? 0) + 1
      const run = async () => {
        try {
          return await fn({ name })
        } finally {
          held[name]!--
        }
      }
      const p = (queues[name] ?? Promise.resolve()).then(run, run)
      queues[name] = p.catch(() => {})
      return p
    },
  }
}
