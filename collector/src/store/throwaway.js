// @ts-check
// A throwaway PostgreSQL cluster for the tests and the load test (load/run.js): initdb and pg_ctl
// from `pg_config --bindir` (Debian's postgresql package), a temporary folder, loopback only, a
// password over TCP (so that a wrong one can be tried), removed by stop(). PostgreSQL refuses to
// run as root, so as root it runs as nobody.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder of initdb and pg_ctl, or null when PostgreSQL is not installed. */
export const pgBindir = () => {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : null
  } catch {
    return null
  }
}

const root = process.getuid?.() === 0
/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => {
  const [c, a] = root ? ['runuser', ['-u', 'nobody', '--', cmd, ...args]] : [cmd, args]
  const r = spawnSync(c, a, { encoding: 'utf8' })
  if (r.status != 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
  return r.stdout
}

const freePort = () =>
  /** @type {Promise<number>} */ (
    new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = /** @type {import('node:net').AddressInfo} */ (s.address()).port
        s.close(() => resolve(port))
      })
    })
  )

/**
 * Starts a cluster (fsync off: it is thrown away). `settings` are extra `-c name=value`.
 * @param {{ bindir: string, settings?: string[] }} o
 */
export const startThrowaway = async ({ bindir, settings = [] }) => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pg-'))
  const db = join(dir, 'db')
  const port = await freePort()
  let started = false
  const stop = () => {
    try {
      if (started) run(join(bindir, 'pg_ctl'), ['-D', db, '-m', 'immediate', '-w', 'stop'])
    } finally {
      started = false
      rmSync(dir, { recursive: true, force: true })
    }
  }
  try {
    writeFileSync(join(dir, 'pw'), 'secret\n')
    if (root) {
      const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }))
      const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }))
      chownSync(dir, uid, gid)
      chownSync(join(dir, 'pw'), uid, gid)
    }
    run(join(bindir, 'initdb'), ['-D', db, '-U', 'touchpoint', '--auth-local=trust', '--auth-host=scram-sha-256', '--pwfile=' + join(dir, 'pw'), '-E', 'UTF8', '--no-sync'])
    const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', ...settings.map((s) => '-c ' + s)]
    started = true
    run(join(bindir, 'pg_ctl'), ['-D', db, '-l', join(dir, 'log'), '-w', '-o', options.join(' '), 'start'])
  } catch (e) {
    stop()
    throw e
  }
  return {
    port,
    dir,
    /** @param {string} [password] @param {string} [database] */
    url: (password = 'secret', database = 'postgres') => `postgres://touchpoint:${password}@127.0.0.1:${port}/${database}`,
    /** The postmaster's process id (its first line of postmaster.pid). */
    pid: () => Number(readFileSync(join(db, 'postmaster.pid'), 'utf8').split('\n')[0]),
    version: () => run(join(bindir, 'pg_ctl'), ['--version']).trim(),
    stop,
  }
}
