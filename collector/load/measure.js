// @ts-check
// CPU seconds of process trees, from /proc/<pid>/stat (utime + stime, in clock ticks): read before
// and after a run, the difference says who was busy: the collector, PostgreSQL or the load
// generator itself. Processes born during the run count from zero. Linux only; elsewhere, null.
import { readFileSync, readdirSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

const TICKS = 100 // USER_HZ on Linux

/** pid → [parent pid, CPU ticks] of every process, or null without /proc. */
const table = () => {
  /** @type {Map<number, [number, number]>} */
  const all = new Map()
  let dirs
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  for (const d of dirs) {
    try {
      // The command name (2nd field) may hold spaces: count fields after its closing parenthesis.
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      all.set(Number(d), [Number(f[1]), Number(f[11]) + Number(f[12])])
    } catch {}
  }
  return all
}

/** CPU ticks of each process in the trees under `roots` (the roots included). @param {number[]} roots */
export const treeTicks = (roots) => {
  const all = table()
  if (!all) return null
  /** @type {Map<number, number>} */
  const out = new Map()
  const want = new Set(roots)
  // Parents before children is not guaranteed: repeat until nothing is added.
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, [ppid, ticks]] of all)
      if (!out.has(pid) && (want.has(pid) || want.has(ppid))) {
        want.add(pid)
        out.set(pid, ticks)
        grew = true
      }
  }
  return out
}

/** CPU seconds spent between two treeTicks() readings. @param {Map<number, number> | null} before @param {Map<number, number> | null} after */
export const cpuSeconds = (before, after) => {
  if (!before || !after) return null
  let ticks = 0
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0)
  return ticks / TICKS
}

export const machine = () => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? '?',
  ramGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  load: () => loadavg().map((l) => l.toFixed(2)).join(' '),
})
