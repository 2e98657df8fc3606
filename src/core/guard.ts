import { HINT } from '../shared/keys'
import { debug } from '../shared/log'

/**
 * "Never pester": sampling, cooldowns after an answer or a dismissal, and a cap on automatic
 * popovers per visit. Kept in localStorage (visitor) and sessionStorage (visit), so reloads do not
 * reset them. Where storage is blocked, rules hold for this page only.
 */
export interface GuardOptions {
  cooldownDays: number
  dismissCooldownDays: number
  maxPopoversPerVisit: number
}

const SEEN = 'touchpoint:seen'
const DRAW = 'touchpoint:draw'
const VISIT = 'touchpoint:popovers'
const DAY = 864e5

// Storage may be blocked (sandboxed frames, strict privacy modes) or full: a copy in memory then
// keeps the rules for this page.
const memory: Record<string, string | null> = {}
// The visit's count of popovers lives in sessionStorage, the rest in localStorage. (Reading
// `window.localStorage` itself throws where storage is blocked.)
const storage = (key: string) => window[key == VISIT ? 'sessionStorage' : 'localStorage']
const read = (key: string): string | null => {
  try {
    return storage(key).getItem(key)
  } catch {
    return memory[key] ?? null
  }
}
/** Writes `v`; without one, removes the key. */
const write = (key: string, v?: string) => {
  memory[key] = v ?? null
  try {
    v == null ? storage(key).removeItem(key) : storage(key).setItem(key, v)
  } catch {
    /* the in-memory copy holds for this page */
  }
}
// Popovers shown this visit (Number(null) is 0).
const visits = () => Number(read(VISIT))

type Seen = Record<string, { a?: number; d?: number }>
const seen = (): Seen => {
  try {
    // Nothing stored parses as null.
    return (JSON.parse(read(SEEN)!) as Seen | null) || {}
  } catch {
    return {}
  }
}
const mark = (touchpoint: string, k: 'a' | 'd') => {
  const all = seen()
  all[touchpoint] = { ...all[touchpoint], [k]: Date.now() }
  write(SEEN, JSON.stringify(all))
}

/** This visitor's lasting draw in [0, 1): sampling at rate r asks visitors whose draw is below r. */
const draw = (): number => {
  // Nothing stored (null) or something else than a draw parses as NaN: a new draw then.
  let d = parseFloat(read(DRAW)!)
  if (!(d >= 0 && d < 1)) write(DRAW, String((d = Math.random())))
  return d
}

export const createGuard = (o: GuardOptions) => ({
  /** Why this prompt may not be shown now, or null when it may. */
  blocked(touchpoint: string, sampleRate: number, auto: boolean): string | null {
    if (draw() >= sampleRate) return 'not sampled'
    const s = seen()[touchpoint]
    const now = Date.now()
    if (s?.a && now - s.a < o.cooldownDays * DAY) return 'answered recently'
    if (s?.d && now - s.d < o.dismissCooldownDays * DAY) return 'dismissed recently'
    if (auto && visits() >= o.maxPopoversPerVisit)
      return 'popover cap reached'
    return null
  },
  shown(auto: boolean): void {
    if (auto) write(VISIT, String(visits() + 1))
  },
  answered: (touchpoint: string) => mark(touchpoint, 'a'),
  /**
   * Erases what this visitor's browser keeps for the rules (consent withdrawn), and the hint that
   * answers may be queued: they are erased next (a write under way sets it again).
   */
  forget(): void {
    for (const key of [SEEN, DRAW, VISIT, HINT]) write(key)
  },
  dismissed: (touchpoint: string) => mark(touchpoint, 'd'),
})
export type Guard = ReturnType<typeof createGuard>

export const logBlocked = (touchpoint: string, why: string) => debug('not asking "' + touchpoint + '":', why)
