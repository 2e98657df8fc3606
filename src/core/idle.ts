/**
 * Runs `fn` once the page is idle, and at the latest after `timeoutMs`, so work that can wait
 * (the data-touchpoint watcher, prefetching, a feedback tab) never competes with the page's own
 * start. Where requestIdleCallback is missing (Safari), a timer stands in for it. Returns the
 * function that cancels it.
 */
export const whenIdle = (fn: () => void, timeoutMs: number): (() => void) => {
  if (typeof requestIdleCallback == 'function') {
    const id = requestIdleCallback(fn, { timeout: timeoutMs })
    return () => cancelIdleCallback(id)
  }
  // A short wait is enough to let the page's own start (its other scripts, the load event's
  // listeners) run first; every deadline used is longer.
  const id = setTimeout(fn, 200)
  return () => clearTimeout(id)
}
