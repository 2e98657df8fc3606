// Every message Touchpoint prints starts with the same tag, so a site owner can filter for it.
const TAG = '[Touchpoint]'

let debugOn = false

/** Turns `debug` lines on or off (the `debug` option). */
export const setDebug = (on: boolean): void => {
  debugOn = on
}

// console may be stubbed or missing on odd hosts; logging must never throw.
const write = (level: 'warn' | 'error' | 'info', args: unknown[]): void => {
  try {
    console[level](TAG, ...args)
  } catch {
    /* nothing sensible left to do */
  }
}

export const warn = (...args: unknown[]): void => write('warn', args)
export const error = (...args: unknown[]): void => write('error', args)
export const debug = (...args: unknown[]): void => {
  if (debugOn) write('info', args)
}

/** Runs `fn`, reporting instead of throwing: nothing may escape into the host page. */
export const safe = <A extends unknown[], R>(fn: (...args: A) => R, fallback?: R) =>
  (...args: A): R => {
    try {
      return fn(...args)
    } catch (e) {
      error('unexpected error:', e)
      return fallback as R
    }
  }
