// Script-tag entry: a thin wrapper over the public API. It reads its own tag's data-* attributes,
// starts Touchpoint, replays calls queued by the README's stub snippet, and watches the page for
// data-touchpoint elements.
import { ask, consent, destroy, flush, init, on, setContext, start } from './core/api'
import { onDestroy, running } from './core/state'
import { setBase } from './core/modules'
import { readAttributes } from './core/options'
import { VERSION } from './core/version'
import { watchTouchpoints } from './core/watch'
import { error, safe } from './shared/log'

// The public API as src/index.ts exports it (a plain object: a module namespace costs bytes).
const api = { init, ask, on, setContext, consent, flush, destroy }
type Queued = [keyof typeof api, ArrayLike<unknown>, ((v: unknown) => void)?]
type Global = Partial<typeof api> & { q?: Queued[]; version?: string }

safe(() => {
  const w = window as unknown as { Touchpoint?: Global }
  const prev = w.Touchpoint
  // Loaded twice: the first copy stays in charge.
  if (prev?.version) return
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-endpoint][src*="touchpoint"]')
  const queue = prev?.q ?? []
  w.Touchpoint = { ...api, version: VERSION }
  // The parts are fetched from beside this file.
  const src = script?.src || document.querySelector<HTMLScriptElement>('script[src*="touchpoint"]')?.src
  if (src) setBase(src)
  const attrs = script ? readAttributes(script) : {}
  // npm-style setups that load the file and call init() themselves have no data-endpoint.
  const selfStart = 'endpoint' in attrs || !queue.some(([m]) => m == 'init')
  if (selfStart) {
    if (!script) error('data-endpoint not found on any <script>.')
    else start(attrs, true, script.nonce)
  }
  for (const [method, args, resolve] of queue) {
    // The stub only queues API methods; a hand-written queue might hold anything.
    const r = (api[method] as ((...a: unknown[]) => unknown) | undefined)?.(...Array.from(args))
    resolve?.(r)
  }
  if (running()?.options.scan) onDestroy(watchTouchpoints())
})()
