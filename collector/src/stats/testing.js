// @ts-check
// For the tests of this folder only.

/** A seeded PRNG (mulberry32): planted noise that is the same on every run. @param {number} seed @returns {() => number} in [0, 1) */
export const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
