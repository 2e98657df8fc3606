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
  path?: string
  file?: string
  respond?: Responder
}): Promise<Served & { endpoint: string; answers: any[]; attempts: Attempt[] }>
