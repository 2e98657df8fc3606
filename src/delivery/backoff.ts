export const BASE = 1000
export const CAP = 5 * 60_000

/**
 * Wait before the next try after `failures` failures in a row (1, 2, …): exponential, capped,
 * and jittered. The wait is drawn from the top quarter of its window, [0.75, 1] × base·2^(n−1):
 * random enough to spread a crowd of browsers over time, while each window lies wholly above the
 * one before (with a margin), so a recovering collector always sees a client slow down, never
 * hurry back. The first flush after load or `online` gets full jitter instead (startJitter).
 */
export const backoff = (failures: number, random = Math.random): number =>
  Math.round(Math.min(CAP, BASE * 2 ** Math.max(0, failures - 1)) * (0.75 + 0.25 * random()))

/** Full jitter for the first flush after load or `online`, when many browsers may start at once. */
export const startJitter = (random = Math.random, max = 1000): number => Math.round(random() * max)
