// @vitest-environment node
// The flag parser: one table, flags over environment over defaults, one-line problems.
import { describe, expect, it } from 'vitest'
import { FLAGS } from './cli.js'
import { helpText, isProblem, parseFlags } from './flags.js'

const parse = (argv: string[], env: Record<string, string> = {}) => parseFlags(FLAGS, argv, env)

describe('parseFlags', () => {
  it('defaults', () => {
    const f = parse([])
    expect(f).toMatchObject({ data: './touchpoint-data', host: '127.0.0.1', port: 5174, allowedOrigins: '*', rateLimit: 300, debug: false, help: false })
    expect(f.databaseUrl).toBeUndefined()
    expect([...f.given]).toEqual([])
  })
  it('--flag value and --flag=value; switches; origins as a list', () => {
    const f = parse(['--port=8081', '--host', '::1', '--allowed-origins', 'https://a.example, http://127.0.0.1:5173', '--debug'])
    expect(f).toMatchObject({ port: 8081, host: '::1', allowedOrigins: ['https://a.example', 'http://127.0.0.1:5173'], debug: true })
    expect([...f.given].sort()).toEqual(['allowed-origins', 'debug', 'host', 'port'])
  })
  it('environment variables when the flag is not given; the flag wins', () => {
    expect(parse([], { DATABASE_URL: 'postgres://a@h/db', TOUCHPOINT_TOKEN: 't' })).toMatchObject({ databaseUrl: 'postgres://a@h/db', token: 't' })
    expect(parse(['--token', 'flag'], { TOUCHPOINT_TOKEN: 'env' }).token).toBe('flag')
    expect(parse([], { DATABASE_URL: '' }).databaseUrl).toBeUndefined()
  })
  it.each([
    [['--nope'], 'unknown flag --nope; see --help for the flags there are'],
    [['data'], 'unexpected "data": flags start with --; see --help'],
    [['--debug=yes'], '--debug takes no value'],
    [['--data', '--port', '1'], '--data needs a value: --data DIR'],
    [['--port', '70000'], '--port 70000 is not a port: give a whole number from 1 to 65535 (0 picks a free one)'],
    [['--port', '-1'], '--port -1 is not a port: give a whole number from 1 to 65535 (0 picks a free one)'],
  ])('%j: %s', (argv, message) => {
    let error: unknown
    try {
      parse(argv)
    } catch (e) {
      error = e
    }
    expect(isProblem(error)).toBe(true)
    expect((error as Error).message).toBe(message)
  })
  it('--help lists each flag once, with its environment variable and default', () => {
    const text = helpText('usage', FLAGS)
    for (const f of FLAGS) expect(text.split('\n').filter((l) => l.startsWith(`  --${f.name} `) || l == `  --${f.name}`)).toHaveLength(1)
    expect(text).toMatch(/--database-url URL\s+.*\(env DATABASE_URL\)/)
    expect(text).toMatch(/--port PORT\s+.*\(default 5174\)/)
  })
})
