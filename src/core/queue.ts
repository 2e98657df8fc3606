import type { Answer, DeliveryPart, Emit, Outbox, TransportResult } from '../contract'
import { QUEUED } from '../shared/keys'
import { importDelivery } from './modules'
import { mayBeQueued, outboxExists } from './hint'
import { whenIdle } from './idle'
import { fetchPart, hookPart } from './parts'
import { toStored } from './stored'
import { createOutboxStore } from './store'

export interface QueueDeps {
  endpoint: string
  version: string
  emit: Emit
  beforeSend?: ((answer: Answer) => Answer | null) | null
  transport?: ((body: string) => Promise<TransportResult>) | null
  headers?: Record<string, string>
  /** For tests: the delivery engine, instead of fetching dist/touchpoint.delivery.js. */
  delivery?: () => Promise<DeliveryPart>
}

/**
 * The part of the outbox every page view carries, and its only writer of answers: each is
 * written to IndexedDB here, before anything else happens with it. Sending them (batching,
 * retries, backoff, Retry-After, the cross-tab lock, page-hide delivery: src/delivery/) is a file
 * of its own, fetched only when there is something to deliver: an answer given on this page
 * (fetched ahead with the prompt) or one that an earlier visit left queued. If it cannot be
 * fetched, answers stay stored, and the next attempt (an answer, flush(), `online`, the next
 * page) fetches it again.
 */
export const createQueue = (deps: QueueDeps) => {
  const { endpoint, emit } = deps
  const store = createOutboxStore((reason) => emit('failed', { answer: null, status: null, reason, permanent: false }))
  // Identifies this page (the engine gets it too): its own comment holds are released by it,
  // not by the clock.
  const session = Math.random() + ''
  let engine: Promise<Outbox | null> | undefined
  let ready: Outbox | undefined // the engine, once it runs
  let stopped = false
  const fetchEngine = (): Promise<Outbox | null> =>
    (engine ??= fetchPart(
      'delivery',
      () =>
        (deps.delivery ?? importDelivery)().then((m) => {
          const outbox = (ready = m.createOutbox({ ...deps, store, session }))
          if (!stopped) outbox.start()
          return outbox
        }),
      () => (engine = undefined),
      'answers stay stored and are sent later.',
    ))
  // Fetches the engine when the hint says an earlier visit (or this page, offline) may have left
  // something queued; once started, it sends it after a random moment (its start jitter), and
  // clears the hint when it finds the outbox empty.
  const wake = () => void (stopped || fetchEngine())
  // Back online: the engine starts afresh if it runs, else what could not be fetched (or sent)
  // offline goes now. The only `online` listener: the engine has none of its own. Added only
  // once something may be queued: a page that never stores an answer needs none.
  const online = () => (engine ? void engine.then((outbox) => outbox?.online()) : wake())
  // Adding the same listener again is a no-op (DOM spec), so each call may add it.
  const listen = () => void (stopped || addEventListener('online', online))

  return {
    /** Fetches the delivery engine ahead, when an answer is about to be given. */
    prepare: (): void => void fetchEngine(),
    /**
     * Stores the answer (resolves once stored), then hands it to the delivery engine. The app's
     * beforeSend sees it first: its part is here, as a prompt is only shown once it is (parts.ts).
     */
    async add(given: Answer, hold = false): Promise<void> {
      const answer = deps.beforeSend ? hookPart!.hook(given, deps.beforeSend) : given
      if (!answer) return
      const stored = toStored(answer, endpoint, hold && session, Date.now())
      listen()
      // Known to a running engine before the write ends: a page closed in that moment still
      // sends it on page hide (the collector keeps one copy by id if the write lands too).
      ready?.added(stored, true)
      await store.set([[QUEUED + answer.id, stored]])
      ;(await fetchEngine())?.added(stored)
    },
    /** Delivers what is queued now; resolves when this attempt is over. */
    async flush(): Promise<void> {
      if (engine || mayBeQueued()) await (await fetchEngine())?.flush()
    },
    /** Forgets every answer this visitor has queued or set aside (consent withdrawn). */
    async clear(): Promise<void> {
      const outbox = await engine
      if (outbox) return outbox.clear()
      // The hint stays: the next page's engine finds the outbox empty and clears it.
      await store.del()
    },
    /**
     * Delivers what earlier visits left, if anything, once the page is idle (at the latest after
     * 2 s). IndexedDB is not even opened unless this browser has the outbox's database and the
     * hint says something may be queued (src/core/hint.ts): most pages skip both.
     */
    start(): void {
      whenIdle(
        () =>
          void outboxExists().then((exists) => {
            if (exists && mayBeQueued()) {
              listen()
              wake()
            }
          }),
        2000,
      )
    },
    stop(): void {
      stopped = true
      removeEventListener('online', online)
      void engine?.then((outbox) => outbox?.stop())
    },
  }
}
export type Queue = ReturnType<typeof createQueue>
