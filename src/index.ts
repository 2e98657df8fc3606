// The npm entry: the public API only. Importing it has no side effects.
export { init, ask, on, setContext, consent, flush, destroy } from './touchpoint'
export type { AskOptions } from './touchpoint'
export type { Options, TransportResult } from './options'
export type { Answer } from './answer'
export type { Metric, CommentMode } from './metrics'
export type { EventMap, EventName } from './events'
