// Entry of dist/touchpoint.delivery.js (the npm module's delivery chunk): sending what the
// core's queue has stored. Fetched when there is something to deliver (src/core/queue.ts).
export { createOutbox } from './outbox'
