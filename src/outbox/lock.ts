/**
 * Runs `fn` while holding a lock shared by every tab of this origin, so one tab flushes at a time.
 * Web Locks where available; elsewhere a lease in localStorage, written, then read back after a
 * pause so that two tabs writing at once agree on one winner. Without either, `fn` just runs:
 * a collector deduplicating by id still stores each answer once.
 */
export const withLock = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks
  if (locks?.request) return locks.request(name, fn) as Promise<T>
  return withLease(name, fn)
}

const LEASE = 20_000
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

const withLease = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  let ls: Storage | null = null
  try {
    ls = localStorage
  } catch {
    /* storage blocked: no coordination possible */
  }
  if (!ls) return fn()
  const key = 'touchpoint:lock:' + name
  const me = Math.random().toString(36).slice(2)
  const read = () => {
    try {
      return JSON.parse(ls!.getItem(key) || 'null') as { id: string; until: number } | null
    } catch {
      return null
    }
  }
  // Bounded: after a lease's worth of waiting the holder is presumed gone.
  for (const end = Date.now() + LEASE; Date.now() < end; await pause(100 + Math.random() * 200)) {
    const held = read()
    if (held && held.id != me && held.until > Date.now() && held.until - Date.now() <= LEASE) continue
    try {
      ls.setItem(key, JSON.stringify({ id: me, until: Date.now() + LEASE }))
    } catch {
      break
    }
    await pause(30)
    if (read()?.id == me) break
  }
  try {
    return await fn()
  } finally {
    try {
      if (read()?.id == me) ls.removeItem(key)
    } catch {
      /* nothing to release */
    }
  }
}
