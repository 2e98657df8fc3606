// A throwaway PostgreSQL cluster for tests: Debian's postgresql package (`.ci/run` installs it;
// apt-get install -y postgresql). initdb in a temporary folder, listening on 127.0.0.1 only, on a
// free port; as root, run as nobody (PostgreSQL refuses root). stop() removes every trace.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../testing'

/** Where initdb and pg_ctl are, or null when PostgreSQL is not installed. */
export const pgBindir = (() => {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
    return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : null
  } catch {
    return null
  }
})()
export const PG_MISSING = 'PostgreSQL is not installed (apt-get install -y postgresql)'

const root = process.getuid?.() === 0
const run = (cmd: string, args: string[]) => {
  const [c, a] = root ? ['runuser', ['-u', 'nobody', '--', cmd, ...args]] : [cmd, args]
  const r = spawnSync(c as string, a as string[], { encoding: 'utf8' })
  if (r.status != 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
}

/** Starts a cluster (user touchpoint, password "secret" over TCP). `settings`: extra `-c` options. */
export const startCluster = async (settings: string[] = []) => {
  const bindir = pgBindir
  if (!bindir) throw new Error(PG_MISSING)
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pg-'))
  // Connections over TCP need the password, so that a wrong one can be tried.
  writeFileSync(join(dir, 'pw'), 'secret\n')
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }))
    chownSync(dir, uid, gid)
    chownSync(join(dir, 'pw'), uid, gid)
  }
  const port = await freePort()
  const stop = () => {
    try {
      if (existsSync(join(dir, 'db', 'postmaster.pid'))) run(join(bindir, 'pg_ctl'), ['-D', join(dir, 'db'), '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  try {
    run(join(bindir, 'initdb'), ['-D', join(dir, 'db'), '-U', 'touchpoint', '--auth-local=trust', '--auth-host=scram-sha-256', '--pwfile=' + join(dir, 'pw'), '-E', 'UTF8', '--no-sync'])
    const opts = [`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, ...settings.map((s) => '-c ' + s)].join(' ')
    run(join(bindir, 'pg_ctl'), ['-D', join(dir, 'db'), '-l', join(dir, 'log'), '-w', '-o', opts, 'start'])
  } catch (e) {
    stop()
    throw e
  }
  return { port, url: (password = 'secret', db = 'postgres') => `postgres://touchpoint:${password}@127.0.0.1:${port}/${db}`, stop }
}
