// The few parts of `pg` this collector uses (pg ships no types, and @types/pg would be one more
// dependency for four signatures).
declare module 'pg' {
  interface QueryResult {
    rows: any[]
    rowCount: number | null
  }
  interface PoolClient {
    query(sql: string, params?: any[]): Promise<QueryResult>
    release(): void
  }
  class Pool {
    constructor(options: { connectionString: string; max?: number; connectionTimeoutMillis?: number })
    query(sql: string, params?: any[]): Promise<QueryResult>
    connect(): Promise<PoolClient>
    end(): Promise<void>
    on(event: 'error', listener: (e: Error) => void): this
  }
  const pg: { Pool: typeof Pool }
  export default pg
}
