// The npm entry: the public API only. Importing it has no side effects.
export { init, ask, on, setContext, consent, flush, destroy } from './core/api'
export type { Options } from './core/options'
export type { Answer, AskOptions, EventMap, EventName, Metric, CommentMode, ContactMode, TransportResult } from './contract'
