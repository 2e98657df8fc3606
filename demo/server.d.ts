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

/** One row of the collector's GROUP BY: how many answers of a touchpoint, stage, day and vitals rating gave a score. */
export interface CountRow {
  touchpoint: string
  stage: string | null
  metric: string
  score: number
  day: string
  lcp: string | null
  inp: string | null
  sample: boolean
  n: number
  first: string | null
}
/** Where the collector keeps answers: PGlite (`data`), PostgreSQL (`databaseUrl`) or memory. */
export interface Store {
  kind: 'pglite' | 'postgres' | 'memory' | string
  /** Stores answers (an id keeps its highest revision); resolves to how many rows changed. */
  upsert(answers: any[], receivedAt: string): Promise<number>
  counts(): Promise<CountRow[]>
  lowComments(limit: number): Promise<any[]>
  latest(limit: number): Promise<any[]>
  close(): Promise<void>
}

export function startStatic(o: { routes?: Record<string, string>; pages?: Record<string, string>; port?: number }): Promise<Served>
export function startCollector(o?: {
  port?: number
  /** Where answers are POSTed (default /v1/responses). */
  path?: string
  /** Also append each accepted answer to this JSON-lines log. */
  file?: string
  /** Folder of the embedded database (PGlite); without it and without databaseUrl, answers live in memory. */
  data?: string
  /** A PostgreSQL server, e.g. postgres://user@127.0.0.1:5432/db. */
  databaseUrl?: string
  respond?: Responder
}): Promise<
  Served & {
    endpoint: string
    /** Answers received by this collector, one per id: its highest revision. */
    answers: any[]
    attempts: Attempt[]
    store: Store
  }
>
