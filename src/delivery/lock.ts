/**
 * Runs `fn` while holding a lock shared by every tab of this origin, so one tab flushes at a time
 * (Web Locks). Browsers without Web Locks (before 2022) fall back to letting only a visible tab
 * flush: tabs in the background, where several would wake up together, wait until they are
 * shown (their own answers still leave through the keepalive send when hidden). Nothing is lost
 * either way, and a collector deduplicating by id stores each answer once.
 */
export const withLock = <T>(name: string, fn: () => Promise<T>): Promise<T | false> =>
  navigator.locks
    ? navigator.locks.request(name, fn)
    : document.visibilityState != 'hidden'
      ? fn()
      : Promise.resolve(false)
