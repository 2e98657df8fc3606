// @vitest-environment node
// The real command (bin.js) as a child process, as a team runs it: --help at once; every bad start
// one line naming the flag or path, exit 2, nothing created; one collector per data folder (and a
// stale lock from a killed one does not block); SIGTERM in the middle of a load loses nothing that
// was acknowledged; the token and the rate limit over real sockets.
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { FLAGS } from './cli.js'
import { LOCK } from './folder.js'
import { needsToken } from './start.js'
import { ANSWERS, body } from './fixture'
import { freePort, killAll, runCli, startCli, until } from './testing'

const dirs: string[] = []
const tmp = (name = 'touchpoint-cli-') => {
  const d = mkdtempSync(join(tmpdir(), name))
  dirs.push(d)
  return d
}
afterEach(killAll)
// Removing a dozen PGlite folders can take longer than the default 10 s on a busy machine.
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
}, 120_000)

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:(\d+))/
/** One answer with an id of its own. */
const answer = (n: number) => ({ ...ANSWERS[n % ANSWERS.length], id: `00000000-0000-4000-a000-${String(n).padStart(12, '0')}` })
/** POSTs over a real socket, optionally from another loopback address; resolves to status and headers. */
const send = (url: string, payload: string, o: { localAddress?: string; headers?: Record<string, string>; method?: string } = {}) =>
  new Promise<{ status: number; headers: Record<string, any>; body: string }>((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'POST', localAddress: o.localAddress, agent: false, headers: { 'content-type': 'text/plain', ...o.headers } }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(payload)
  })
const storedIds = async (url: string, headers: Record<string, string> = {}) =>
  new Set(((await (await fetch(url + '/answers.json', { headers })).json()) as any[]).map((a) => a.id as string))

describe('--help', () => {
  it('prints every flag and exits 0, with no database and nothing created', async () => {
    const cwd = tmp()
    const r = await runCli(['--help'])
    expect(r.code).toBe(0)
    for (const f of FLAGS) expect(r.stdout).toContain(`--${f.name}`)
    expect(r.stdout).toContain('DATABASE_URL')
    expect(r.stdout).toContain('TOUCHPOINT_TOKEN')
    expect(r.stderr).toBe('')
    expect(readdirSync(cwd)).toEqual([])
  })
})

describe('a bad start: one line on stderr naming the flag or path and what to do, exit 2, nothing created', () => {
  const line = (r: { stderr: string }) => {
    expect(r.stderr.split('\n')).toHaveLength(2) // one line and its newline
    expect(r.stderr).not.toMatch(/\n\s+at /)
    return r.stderr.trimEnd()
  }

  it.each([
    [['--colour', 'red'], 'touchpoint-collector: unknown flag --colour; see --help for the flags there are'],
    [['--port', 'abc'], 'touchpoint-collector: --port abc is not a port: give a whole number from 1 to 65535 (0 picks a free one)'],
    [['--port'], 'touchpoint-collector: --port needs a value: --port PORT'],
    [['--rate-limit', '0'], 'touchpoint-collector: --rate-limit 0 is not a whole number above 0'],
    [['--allowed-origins', 'shop.example.com'], 'touchpoint-collector: --allowed-origins: shop.example.com is not an origin: give scheme, host and port only, e.g. https://shop.example.com, separated by commas (or * for any)'],
    [['--workers', 'abc'], 'touchpoint-collector: --workers abc is not a whole number above 0'],
    [['--workers', '2'], 'touchpoint-collector: --workers 2: PGlite allows one writer per data folder, so it runs in one process; give --database-url for more workers, or leave --workers out'],
    [['--database-url', 'postgres://x@127.0.0.1:1/db'], 'touchpoint-collector: --data and --database-url (or DATABASE_URL) both given: keep answers in one place, give one of them'],
  ])('%j', async (args, message) => {
    const data = join(tmp(), 'data')
    const r = await runCli(['--data', data, ...args])
    expect(r.code).toBe(2)
    expect(line(r)).toBe(message)
    expect(existsSync(data)).toBe(false)
  })

  it('port in use: names it and suggests --port', async () => {
    const port = await freePort()
    const busy: Server = await new Promise((r) => {
      const s = createServer().listen(port, '127.0.0.1', () => r(s))
    })
    try {
      const data = join(tmp(), 'data')
      const r = await runCli(['--data', data, '--port', String(port)])
      expect(r.code).toBe(2)
      expect(line(r)).toBe(`touchpoint-collector: --port ${port}: the port is in use on 127.0.0.1 (another collector?); give a free one with --port N`)
      expect(existsSync(data)).toBe(false)
    } finally {
      busy.close()
    }
  })

  it('a data folder that cannot be created (under /proc, where a recursive mkdir never returns)', async () => {
    const r = await runCli(['--data', '/proc/touchpoint-test/data', '--port', '0'])
    expect(r.code).toBe(2)
    expect(line(r)).toBe('touchpoint-collector: --data /proc/touchpoint-test/data: cannot create the folder /proc/touchpoint-test (ENOENT); give a folder you can write to')
  })

  it('a data folder under a file', async () => {
    const file = join(tmp(), 'file')
    writeFileSync(file, 'x')
    const r = await runCli(['--data', join(file, 'data'), '--port', '0'])
    expect(r.code).toBe(2)
    expect(line(r)).toBe(`touchpoint-collector: --data ${join(file, 'data')}: ${file} is a file, not a folder; give a folder you can write to`)
  })

  it('a data folder it may not write in', async () => {
    const parent = tmp()
    chmodSync(parent, 0o555)
    // Root may write anywhere: then the collector runs as root without the capabilities that let it
    // ignore a folder's permissions. (Not as another user: a checkout in a folder only root may
    // enter, such as one made by mktemp -d, would be closed to that user's node.)
    const withoutOverride = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'] : []
    try {
      const r = await runCli(['--data', join(parent, 'data'), '--port', '0'], {}, withoutOverride)
      expect(r.code).toBe(2)
      expect(line(r)).toBe(`touchpoint-collector: --data ${join(parent, 'data')}: cannot write in ${parent} (EACCES); give a folder you can write to, or change its permissions`)
      expect(readdirSync(parent)).toEqual([])
    } finally {
      chmodSync(parent, 0o755)
    }
  })
})

describe('one collector per data folder', () => {
  it('two started at once on one folder: one runs, the other refuses; every acknowledged answer is there after a restart', async () => {
    const data = join(tmp(), 'data')
    const a = startCli(['--data', data, '--port', '0'])
    const b = startCli(['--data', data, '--port', '0'])
    // Exactly one of them listens; the other exits naming the folder and the process holding it.
    const first = await Promise.any([a.waitFor(LISTENING, 60_000).then(() => a), b.waitFor(LISTENING, 60_000).then(() => b)])
    const second = first == a ? b : a
    expect(await second.exited).toBe(2)
    expect(second.stderr()).toBe(`touchpoint-collector: --data ${data}: another collector (process ${first.child.pid}) is using this folder; stop it first, or give another --data\n`)
    const url = first.stdout().match(LISTENING)![1]!

    // While it runs, a third one refuses too.
    const third = await runCli(['--data', data, '--port', '0'])
    expect(third.code).toBe(2)
    expect(third.stderr).toMatch(/another collector \(process \d+\) is using this folder/)

    const acknowledged: string[] = []
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await send(url + '/v1/responses', body([answer(1000 + i)]))
        if (res.status == 200) acknowledged.push(answer(1000 + i).id)
      }),
    )
    expect(acknowledged).toHaveLength(20)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(existsSync(join(data, LOCK))).toBe(false)

    // After it stops, the next one starts normally and has every acknowledged answer.
    const next = startCli(['--data', data, '--port', '0'])
    const [, again] = await next.waitFor(LISTENING, 60_000)
    const ids = await storedIds(again!)
    for (const id of acknowledged) expect(ids.has(id), id).toBe(true)
    next.child.kill('SIGTERM')
    expect(await next.exited).toBe(0)
  }, 120_000)

  it('a stale lock of a killed collector (SIGKILL) does not block the next one', async () => {
    const data = join(tmp(), 'data')
    const a = startCli(['--data', data, '--port', '0'])
    const [, url] = await a.waitFor(LISTENING, 60_000)
    expect((await send(url + '/v1/responses', body([answer(2000)]))).status).toBe(200)
    a.child.kill('SIGKILL')
    await a.exited
    expect(existsSync(join(data, LOCK))).toBe(true) // left behind, naming a process that is gone
    const b = startCli(['--data', data, '--port', '0'])
    const [, url2] = await b.waitFor(LISTENING, 60_000)
    expect((await storedIds(url2!)).has(answer(2000).id)).toBe(true)
    b.child.kill('SIGTERM')
    expect(await b.exited).toBe(0)
  }, 120_000)
})

describe('SIGTERM', () => {
  it('in the middle of a load: finishes the requests in flight, exits 0, and every answer that got a 2xx is stored', async () => {
    const data = join(tmp(), 'data')
    const a = startCli(['--data', data, '--port', '0', '--rate-limit', '100000'])
    const [, url] = await a.waitFor(LISTENING, 60_000)
    const acknowledged: string[] = []
    let refused = 0
    let n = 3000
    let stop = false
    // Eight clients posting as fast as they can, until the collector is gone.
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const batch = [answer(n++), answer(n++)]
        try {
          const res = await send(url + '/v1/responses', body(batch))
          if (res.status >= 200 && res.status < 300) acknowledged.push(...batch.map((x) => x.id))
          else refused++
        } catch {
          refused++
          if (a.child.exitCode != null) return
        }
      }
    })
    await until('some answers to be acknowledged', () => acknowledged.length >= 60)
    a.child.kill('SIGTERM')
    expect(await a.exited).toBe(0)
    stop = true
    await Promise.all(clients)
    expect(a.stdout()).toContain('SIGTERM: finishing the requests in flight, then closing the database')

    const b = startCli(['--data', data, '--port', '0'])
    const [, url2] = await b.waitFor(LISTENING, 60_000)
    const ids = await storedIds(url2!)
    const lost = acknowledged.filter((id) => !ids.has(id))
    expect(lost).toEqual([])
    expect(acknowledged.length).toBeGreaterThanOrEqual(60)
    expect((await fetch(url2 + '/healthz')).status).toBe(200)
    b.child.kill('SIGTERM')
    expect(await b.exited).toBe(0)
  }, 120_000)
})

describe('over real sockets', () => {
  it('with a token: no token → 401, wrong token → 401, right token → 200; posting stays open', async () => {
    const data = join(tmp(), 'data')
    const a = startCli(['--data', data, '--port', '0'], { TOUCHPOINT_TOKEN: 'from-the-environment' })
    const [, url] = await a.waitFor(LISTENING, 60_000)
    expect(a.stdout()).toContain('Reading needs the token given')
    expect(a.stdout()).not.toContain('from-the-environment')
    expect((await send(url + '/v1/responses', body([answer(4000)]))).status).toBe(200)
    for (const path of ['/', '/summary.json', '/dashboard.json', '/answers.json']) {
      expect((await fetch(url + path)).status, path).toBe(401)
      expect((await fetch(url + path, { headers: { Authorization: 'Bearer nope' } })).status, path).toBe(401)
      expect((await fetch(url + path, { headers: { Authorization: 'Bearer from-the-environment' } })).status, path).toBe(200)
    }
    expect((await storedIds(url!, { Authorization: 'Bearer from-the-environment' })).has(answer(4000).id)).toBe(true)
  }, 60_000)

  it('a flood from one client address gets 429 with Retry-After; another address (127.0.0.2) loses nothing', async () => {
    const data = join(tmp(), 'data')
    const a = startCli(['--data', data, '--port', '0', '--rate-limit', '5'])
    const [, url] = await a.waitFor(LISTENING, 60_000)
    const flood: number[] = []
    const other: number[] = []
    for (let i = 0; i < 12; i++) {
      const [f, o] = await Promise.all([
        send(url + '/v1/responses', body([answer(5000 + i)]), { localAddress: '127.0.0.1' }),
        i < 5 ? send(url + '/v1/responses', body([answer(6000 + i)]), { localAddress: '127.0.0.2' }) : null,
      ])
      flood.push(f.status)
      if (f.status == 429) expect(Number(f.headers['retry-after'])).toBeGreaterThan(0)
      if (o) other.push(o.status)
    }
    expect(flood.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(flood.slice(5).every((s) => s == 429)).toBe(true)
    expect(other).toEqual([200, 200, 200, 200, 200])
    const ids = await storedIds(url!)
    for (let i = 0; i < 5; i++) expect(ids.has(answer(6000 + i).id)).toBe(true)
  }, 60_000)
})

describe('who must give a token', () => {
  it('on loopback no one, unless a token is given; on any other address always', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(needsToken(host, undefined), host).toBe(false)
    expect(needsToken('127.0.0.1', 'given')).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'collector.internal']) expect(needsToken(host, undefined), host).toBe(true)
  })
})
