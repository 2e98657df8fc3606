import type { EventMap, EventName } from '../contract'
import { error } from '../shared/log'

export type Listener<K extends EventName> = (payload: EventMap[K]) => void

// mitt-sized emitter: a listener that throws is reported and never breaks the others or the page.
export const createEmitter = () => {
  let all: { [K in EventName]?: Set<Listener<K>> } = {}
  return {
    on<K extends EventName>(name: K, fn: Listener<K>): () => void {
      const set = (all[name] ??= new Set() as never) as Set<Listener<K>>
      set.add(fn)
      return () => void set.delete(fn)
    },
    emit<K extends EventName>(name: K, payload: EventMap[K]): void {
      all[name]?.forEach((fn) => {
        try {
          fn(payload)
        } catch (e) {
          error(name + ' listener threw:', e)
        }
      })
    },
    clear(): void {
      all = {}
    },
  }
}
