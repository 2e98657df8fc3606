import type { Answer } from './answer'
import { error } from './log'

/** What `on()` listeners receive. */
export interface EventMap {
  shown: { touchpoint: string; metric: string }
  answered: Answer
  dismissed: { touchpoint: string; metric: string }
  sent: Answer
  failed: { answer: Answer | null; status: number | null; reason: string; permanent: boolean }
}
export type EventName = keyof EventMap
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
export type Emitter = ReturnType<typeof createEmitter>
