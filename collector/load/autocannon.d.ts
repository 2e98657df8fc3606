// The few parts of autocannon the load test uses (it ships no types).
declare module 'autocannon' {
  interface Percentiles { p50: number; p90: number; p99: number; average: number; max: number }
  interface Request {
    setupRequest?: (req: Record<string, any>, context: Record<string, any>) => Record<string, any>
    onResponse?: (status: number, body: string, context: Record<string, any>) => void
  }
  export interface Result {
    latency: Percentiles
    requests: Percentiles & { total: number; sent: number }
    non2xx: number
    errors: number
    timeouts: number
    duration: number
    '2xx': number
  }
  interface Options {
    url: string
    method?: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    requests?: Request[]
  }
  function autocannon(o: Options, cb: (err: Error | null, result: Result) => void): { stop(): void }
  export default autocannon
}
