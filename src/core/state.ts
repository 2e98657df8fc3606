import type { Metric } from '../contract'
import type { Atom } from './atom'
import { createEmitter } from './events'
import type { Guard } from './guard'
import type { Options } from './options'
import type { Queue } from './queue'

/** A started Touchpoint: everything init() sets up and destroy() takes down. */
export interface State {
  options: Options
  outbox: Queue
  guard: Guard
  /** What setContext() added: every later answer carries it. */
  context: Record<string, unknown>
  /** The script tag's nonce, for browsers that need a `<style>`. */
  nonce: string
  // State that prompts follow lives in atoms (get, set, listen: src/core/atom.ts), which the
  // prompt file gets from the core.
  /** The popover being asked — fetched or on screen; one at a time. Freed by the prompt's host.release(). */
  asking: Atom<{ touchpoint: string; metric: Metric } | null>
  /**
   * Whether prompts may be on screen: false until consent(true) when `requireConsent` is set, and
   * after consent(false) or destroy(). Open prompts follow it: when it turns false, they close.
   */
  consent: Atom<boolean>
}

export const emitter = createEmitter()

let state: State | null = null
/** The running Touchpoint: null before init() and after destroy(). */
export const running = (): State | null => state
export const setRunning = (s: State | null): void => {
  state = s
}

export const NOT_STARTED = 'not started: call init() or check data-endpoint.'

// What destroy() runs: the script tag's scanner, the feedback tab.
export const cleanups: (() => void)[] = []
/** Runs `fn` when Touchpoint is destroyed. */
export const onDestroy = (fn: () => void): void => void cleanups.push(fn)
