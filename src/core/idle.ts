/**
 * Runs `fn` once the page is idle, and at the latest after `timeoutMs`, so work that can wait
 * (the data-touchpoint watcher, prefetching, a feedback tab) never competes with the page's own
 * start. Where requestIdleCallback is missing (Safari), a timer stands in for it: a short wait
 * lets the page's own start (its other scripts, the load event's listeners) run first, and every
 * deadline used is longer. Not cancellable (fewer bytes): `fn` checks that its start still holds.
 */
export const whenIdle = (fn: () => void, timeoutMs: number): void =>
  void ((window as Partial<Window>).requestIdleCallback ? requestIdleCallback(fn, { timeout: timeoutMs }) : setTimeout(fn, 200))
