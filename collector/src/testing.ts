// Helpers for the collector's tests: run the real command (bin.js) as a child process, wait for
// what it prints, and always stop it afterwards.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../bin.js', import.meta.url))

export interface Cli {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>
  /** Waits until stdout matches (rejects if the process exits first, or after `ms`). */
  waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray>
}

const started = new Set<ChildProcess>()

/** Starts `node bin.js …args`. `as`: a command that runs it, such as ['setpriv', …, '--'] (fewer privileges) or ['runuser', '-u', 'nobody', '--']. */
export const startCli = (args: string[], env: Record<string, string | undefined> = {}, as: string[] = []): Cli => {
  const cmd = [...as, process.execPath, BIN, ...args]
  const child = spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, DATABASE_URL: '', TOUCHPOINT_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  started.add(child)
  let out = ''
  let err = ''
  child.stdout!.on('data', (c) => (out += c))
  child.stderr!.on('data', (c) => (err += c))
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      started.delete(child)
      resolve(code ?? signal ?? -1)
    }),
  )
  const waitFor = (re: RegExp, ms = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`timed out waiting for ${re} in the collector's output:\n${out}\n${err}`)), ms)
      const check = () => {
        const m = out.match(re)
        if (m) done(null, m)
      }
      const done = (e: Error | null, m?: RegExpMatchArray) => {
        clearTimeout(timer)
        child.stdout!.off('data', check)
        child.off('exit', onExit)
        if (e) reject(e)
        else resolve(m!)
      }
      const onExit = () => setImmediate(() => (out.match(re) ? check() : done(new Error(`the collector exited before printing ${re}:\n${out}\n${err}`))))
      child.stdout!.on('data', check)
      child.on('exit', onExit)
      check()
    })
  return { child, stdout: () => out, stderr: () => err, exited, waitFor }
}

/** Runs the command to its end: exit code, stdout, stderr. */
export const runCli = async (args: string[], env: Record<string, string | undefined> = {}, as: string[] = []) => {
  const cli = startCli(args, env, as)
  const code = await cli.exited
  return { code, stdout: cli.stdout(), stderr: cli.stderr() }
}

/** Kills every child still running (afterAll / afterEach). */
export const killAll = async () => {
  const waits = [...started].map((c) => new Promise((r) => (c.exitCode != null || c.signalCode != null ? r(undefined) : (c.once('exit', r), c.kill('SIGKILL')))))
  await Promise.all(waits)
}

/** A port nobody listens on right now. */
export const freePort = (host = '127.0.0.1') =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, host, () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

/** Waits for a condition, polling; fails with `what` after `timeout` ms. Never a fixed sleep as proof. */
export const until = async <T>(what: string, fn: () => T | Promise<T>, timeout = 30_000): Promise<T> => {
  const end = Date.now() + timeout
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error('timed out waiting for: ' + what)
    await new Promise((r) => setTimeout(r, 50))
  }
}
