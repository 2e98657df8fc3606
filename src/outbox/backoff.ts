export const BASE = 1000
export const CAP = 5 * 60_000

/**
 * Wait before the next try after `failures` failures in a row (1, 2, …): exponential, capped,
 * and jittered. The wait is drawn from the top 40% of its window, [0.6, 1] × base·2^(n−1): random
 * enough to spread a crowd of browsers over time, while each window lies wholly above the one
 * before, so a recovering collector always sees a client slow down, never hurry back.
 */
export const backoff = (failures: number, random = Math.random): number =>
  Math.round(Math.min(CAP, BASE * 2 ** Math.max(0, failures - 1)) * (0.6 + 0.4 * random()))

/** Full jitter for the first flush after load or `online`, when many browsers may start at once. */
export const startJitter = (random = Math.random, max = 1000): number => Math.round(random() * max)
