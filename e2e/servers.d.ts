import type { IncomingHttpHeaders } from 'node:http'

export interface Served {
  port: number
  url: string
  close(): Promise<void>
}
export interface Attempt {
  at: number
  status: number
  ids: string[]
  body: string
  headers: IncomingHttpHeaders
}
export type Responder = (info: { attempt: number; body: any }) =>
  | { status?: number; headers?: Record<string, string>; hang?: boolean; delay?: number }
  | void
  | undefined

export function startStatic(o: { routes?: Record<string, string>; pages?: Record<string, string>; port?: number }): Promise<Served>
export function startCollector(o?: {
  port?: number
  /** Where answers are POSTed (default /v1/responses). */
  path?: string
  /** Also append each accepted answer to this JSON-lines log. */
  file?: string
  respond?: Responder
}): Promise<
  Served & {
    endpoint: string
    /** Answers received by this collector, one per id: its highest revision. */
    answers: any[]
    attempts: Attempt[]
  }
>
