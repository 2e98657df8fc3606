// The outbox's keys in IndexedDB, written by the core and read by the delivery engine. They are
// stored data: a page of the next version must find what this one left.

/** `q:<answer id>`: queued, to be sent. */
export const QUEUED = 'q:'
/** `x:<answer id>`: set aside (rejected by the collector, or corrupt); never sent again. */
export const ASIDE = 'x:'
/** The collector's Retry-After, as a time (ms since the epoch): it survives a reload. */
export const WAIT = 'm:wait'
/** In localStorage: set while the outbox may hold queued answers (src/core/hint.ts). */
export const HINT = 'touchpoint:queued'
/** The outbox's IndexedDB database (one object store, 'outbox', in it: src/core/store.ts). */
export const DB = 'touchpoint'
