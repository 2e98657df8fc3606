// @ts-check
// The data folder: checked before anything is created, then created one level at a time (on
// Node 20, mkdir with { recursive: true } under /proc never returns), and held by one collector
// at a time through a lock file naming its process.
import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { problem } from './flags.js'

export const LOCK = 'touchpoint-collector.lock'

/** @param {unknown} e */
const code = (e) => /** @type {any} */ (e)?.code ?? String(e)

/**
 * Checks that `dir` is, or can become, a folder this process writes in, creating nothing.
 * Returns the missing levels, outermost first.
 * @param {string} dir @param {string} label how the user named it, e.g. --data
 * @returns {string[]}
 */
export const checkFolder = (dir, label) => {
  const full = resolve(dir)
  /** @type {string[]} */
  const missing = []
  for (let p = full; ; ) {
    let st
    try {
      st = statSync(p)
    } catch (e) {
      if (code(e) != 'ENOENT' && code(e) != 'ENOTDIR') throw problem(`${label} ${dir}: cannot look at ${p} (${code(e)}); give a folder you can write to`)
      missing.unshift(p)
      const up = dirname(p)
      if (up == p) throw problem(`${label} ${dir}: no part of this path exists; give a folder you can write to`)
      p = up
      continue
    }
    if (!st.isDirectory()) throw problem(`${label} ${dir}: ${p} is a file, not a folder; give a folder you can write to`)
    try {
      accessSync(p, constants.W_OK | constants.X_OK)
    } catch (e) {
      throw problem(`${label} ${dir}: cannot write in ${p} (${code(e)}); give a folder you can write to, or change its permissions`)
    }
    return missing
  }
}

/** @param {string} p */
const isDir = (p) => {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

/**
 * Creates the missing levels one by one; on a failure removes the ones it made and throws.
 * @param {string[]} missing @param {string} dir @param {string} label
 * @returns {() => void} removes what it created (when a later step fails)
 */
export const createLevels = (missing, dir, label) => {
  /** @type {string[]} */
  const made = []
  const undo = () => {
    for (const p of made.splice(0).reverse()) {
      try {
        rmdirSync(p)
      } catch {}
    }
  }
  for (const p of missing) {
    try {
      mkdirSync(p)
      made.push(p)
    } catch (e) {
      // Another collector started at the same moment made it: not ours to undo; the lock decides.
      if (code(e) == 'EEXIST' && isDir(p)) continue
      undo()
      throw problem(`${label} ${dir}: cannot create the folder ${p} (${code(e)}); give a folder you can write to`)
    }
  }
  return undo
}

/**
 * Checks that `dir` can be made, by making its missing levels and removing them again: for a
 * caller (the demo) that has slow work to do before it really creates the folder.
 * @param {string} dir @param {string} label
 */
export const probeFolder = (dir, label) => createLevels(checkFolder(dir, label), dir, label)()

/**
 * Whether a collector may still run as `pid`: signal 0 checks without sending anything. After a
 * crash the id can be reused by another program (a container restarted): on Linux a process that
 * is not Node is not ours.
 * @param {number} pid
 */
const alive = (pid) => {
  try {
    process.kill(pid, 0)
  } catch (e) {
    if (code(e) != 'EPERM') return false // EPERM: it runs, as another user
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  } catch {
    return true
  }
}
/** @param {string} file */
const ownerOf = (file) => {
  try {
    return Number.parseInt(readFileSync(file, 'utf8'), 10) || 0
  } catch {
    return 0
  }
}
/** @param {string} file */
const createExclusive = (file) => {
  const fd = openSync(file, 'wx')
  try {
    writeSync(fd, String(process.pid) + '\n')
  } finally {
    closeSync(fd)
  }
}

/**
 * Takes the folder's lock: a file holding this process's id, created exclusively. A lock whose
 * process is gone (killed, crashed) is stale and taken over; removing it happens under a second
 * exclusive file, so two collectors starting at once cannot both take it over.
 * @param {string} dir @param {string} label
 * @returns {() => void} releases the lock
 */
export const lockFolder = (dir, label) => {
  const file = join(dir, LOCK)
  const takeover = file + '.takeover'
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      createExclusive(file)
      return () => {
        try {
          if (ownerOf(file) == process.pid) unlinkSync(file)
        } catch {}
      }
    } catch (e) {
      if (code(e) != 'EEXIST') throw problem(`${label} ${dir}: cannot write in this folder (${code(e)}); give a folder you can write to, or change its permissions`)
    }
    const owner = ownerOf(file)
    if (owner && owner != process.pid && alive(owner))
      throw problem(`${label} ${dir}: another collector (process ${owner}) is using this folder; stop it first, or give another ${label}`)
    try {
      createExclusive(takeover)
    } catch {
      // Someone else is taking it over right now, or died doing so: a dead one's file goes.
      const other = ownerOf(takeover)
      if (!other || !alive(other)) {
        try {
          unlinkSync(takeover)
        } catch {}
      }
      continue
    }
    try {
      if (ownerOf(file) == owner) unlinkSync(file)
    } catch {
    } finally {
      unlinkSync(takeover)
    }
  }
  throw problem(`${label} ${dir}: could not take the folder's lock (${LOCK}); is another collector starting? try again`)
}
