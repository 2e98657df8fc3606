// @vitest-environment node
// The real command (bin.js): a delivery survives a collector killed (SIGKILL) between the answer's
// 2xx and the delivery, and goes out after the restart; a bad webhook configuration is one line
// at start naming it, exit 2, nothing created.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { answer, body, cleanup, receiver } from '../followups/testing'
import { freePort, killAll, runCli, startCli, until } from '../testing'

const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'touchpoint-hooks-'))
  dirs.push(d)
  return d
}
afterEach(async () => {
  await killAll()
  await cleanup()
})
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('a delivery and a collector killed before it', () => {
  it('is sent after the restart, signed with the secret printed at the first start', { timeout: 240_000 }, async () => {
    const data = tmp()
    const port = await freePort()
    const hook = `http://127.0.0.1:${port}/hook`
    const first = startCli(['--data', data, '--port', '0', '--webhook', hook])
    const url = (await first.waitFor(/listening on (http:\/\/\S+)/, 120_000))[1]!
    const secret = (await first.waitFor(/Webhook secret \(generated[^)]*\): (whsec_\S+)/))[1]!
    const a = answer()
    const res = await fetch(url + '/v1/responses', { method: 'POST', body: body([a]) })
    expect(res.status).toBe(200)
    // Accepted, and the receiver is not even listening: nothing can have been delivered.
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    const r = await receiver(() => 200, port)
    const second = startCli(['--data', data, '--port', '0', '--webhook', hook], { TOUCHPOINT_WEBHOOK_SECRET: secret })
    await second.waitFor(/listening on/, 120_000)
    expect(second.stdout()).not.toContain('Webhook secret')
    await until('both events delivered', () => r.got.length >= 2, 60_000)
    const wh = new Webhook(secret)
    const ids = r.got.map((g) => (wh.verify(g.body, g.headers as Record<string, string>), g.headers['webhook-id'])).sort()
    expect(ids).toEqual([`${a.id}.1.answer.created`, `${a.id}.1.answer.low`])
    expect(JSON.parse(r.got[0]!.body).data).toMatchObject({ ...a, receivedAt: expect.any(String) })
  })
})

describe('a bad webhook configuration: one line, exit 2, nothing created', () => {
  const good = { url: 'https://hooks.example.com/t', events: ['answer.low'], secret: 'whsec_' + Buffer.from('a test secret of 24 bytes').toString('base64') }
  const cases: [string, string | null, RegExp, Record<string, string>?][] = [
    ['missing', null, /^touchpoint-collector: --config \S+missing\.json: cannot read the file \(ENOENT\); give the path of a readable JSON file$/],
    ['not JSON', '{ "webhooks": [', /^touchpoint-collector: --config \S+: not valid JSON \(.+\)$/],
    ['no url', JSON.stringify({ webhooks: [{ ...good, url: undefined }] }), /: webhooks\[0\]: a webhook without a "url"; give one/],
    ['unknown event', JSON.stringify({ webhooks: [{ ...good, events: ['answer.lost'] }] }), /: webhooks\[0\]: unknown event "answer\.lost"; the events are answer\.created, answer\.low, followup\.overdue, digest\.daily, score\.dropped$/],
    ['bad secret', JSON.stringify({ webhooks: [{ ...good, secret: 'hunter2' }] }), /: webhooks\[0\]: "secret" is not a Standard Webhooks secret; give "whsec_"/],
  ]
  it.each(cases)('%s', async (name, text, re) => {
    const dir = tmp()
    const file = join(dir, name == 'missing' ? 'missing.json' : 'hooks.json')
    if (text != null) writeFileSync(file, text)
    const r = await runCli(['--data', join(dir, 'data'), '--config', file])
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n')).toHaveLength(2)
    expect(r.stderr.trimEnd()).toMatch(re)
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })
  it('a TOUCHPOINT_WEBHOOK_SECRET that is not whsec_ base64', async () => {
    const dir = tmp()
    const r = await runCli(['--data', join(dir, 'data'), '--webhook', 'https://hooks.example.com/t'], { TOUCHPOINT_WEBHOOK_SECRET: 'whsec_!!' })
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('touchpoint-collector: TOUCHPOINT_WEBHOOK_SECRET: not a Standard Webhooks secret; give "whsec_" and at least 16 bytes in base64, or unset it to have one made\n')
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })
})
