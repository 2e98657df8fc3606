// The parsers of option values and data-touchpoint-* attributes, shared by the core (init()'s
// options) and the scanner. A leaf of its own, so the scanner file carries these few functions
// and not the core's table of options.

export const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v == 'object' && !Array.isArray(v)

/**
 * A parser returns undefined for a value it cannot accept, and says (`e`) what it expected instead.
 * One that throws (a number has no trim(), bad JSON) did not accept it either.
 */
export type Parser<T> = ((raw: unknown) => T | undefined) & { e: string }
export const parser = <T>(e: string, fn: (raw: unknown) => T | undefined): Parser<T> =>
  Object.assign((v: unknown) => {
    try {
      return fn(v)
    } catch {
      return undefined
    }
  }, { e })

export const oneOf = <T extends string>(...allowed: T[]) =>
  parser('one of ' + allowed.join(', '), (v) => (allowed.includes(v as T) ? (v as T) : undefined))

export const num = (min: number, max = Infinity) =>
  parser('a number from ' + min + (max < Infinity ? ' to ' + max : ' up'), (v) => {
    const n = typeof v == 'string' && v.trim() ? Number(v) : v
    return typeof n == 'number' && n >= min && n <= max ? n : undefined
  })
