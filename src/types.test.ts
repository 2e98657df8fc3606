// Type-level tests of the public API (checked by `npm run typecheck`; they also run as tests).
import { describe, expectTypeOf, it } from 'vitest'
import { ask, consent, destroy, flush, init, on, setContext, type Answer, type AskOptions, type ContactMode, type EventMap, type Metric, type Options, type TransportResult } from './index'

describe('public types', () => {
  it('metric names', () => {
    expectTypeOf<Metric>().toEqualTypeOf<'csat' | 'nps' | 'ces' | 'thumbs'>()
    // @ts-expect-error: not a metric
    void ask('stars', { touchpoint: 'x' })
  })

  it('ask options and result', () => {
    expectTypeOf(ask).parameter(1).toEqualTypeOf<AskOptions>()
    expectTypeOf(ask).returns.toEqualTypeOf<Promise<Answer | null>>()
    expectTypeOf<AskOptions['comment']>().toEqualTypeOf<'off' | 'optional' | 'required' | 'low' | undefined>()
    expectTypeOf<AskOptions['display']>().toEqualTypeOf<'popover' | 'inline' | undefined>()
    expectTypeOf<AskOptions['contact']>().toEqualTypeOf<ContactMode | undefined>()
    expectTypeOf<ContactMode>().toEqualTypeOf<'off' | 'low' | 'always'>()
    expectTypeOf<Answer['contact']>().toEqualTypeOf<{ consent: true; email?: string; at: string } | undefined>()
    expectTypeOf<Options['contact']>().toEqualTypeOf<ContactMode>()
    expectTypeOf<AskOptions>().toHaveProperty('stage').toEqualTypeOf<string | undefined>()
    // @ts-expect-error: touchpoint is required
    void ask('nps', {})
  })

  it('event payloads', () => {
    on('sent', (a) => expectTypeOf(a).toEqualTypeOf<Answer>())
    on('failed', (f) => {
      expectTypeOf(f.permanent).toEqualTypeOf<boolean>()
      expectTypeOf(f.status).toEqualTypeOf<number | null>()
      expectTypeOf(f.answer).toEqualTypeOf<Answer | null>()
    })
    on('shown', (s) => expectTypeOf(s).toEqualTypeOf<EventMap['shown']>())
    expectTypeOf(on).returns.toEqualTypeOf<() => void>()
    // @ts-expect-error: no such event
    on('clicked', () => {})
  })

  it('the answer type', () => {
    expectTypeOf<Answer['id']>().toEqualTypeOf<string>()
    expectTypeOf<Answer['score']>().toEqualTypeOf<number>()
    expectTypeOf<Answer['revision']>().toEqualTypeOf<number>()
    expectTypeOf<Answer['page']>().toEqualTypeOf<{ url: string; title: string; referrer: string }>()
    expectTypeOf<Answer['stage']>().toEqualTypeOf<string | undefined>()
  })

  it('options, hooks and the rest of the API', () => {
    expectTypeOf(init).parameter(0).toEqualTypeOf<Partial<Options>>()
    expectTypeOf<Options['beforeSend']>().toEqualTypeOf<((answer: Answer) => Answer | null) | null>()
    expectTypeOf<Options['transport']>().toEqualTypeOf<((body: string) => Promise<TransportResult>) | null>()
    expectTypeOf<TransportResult>().toEqualTypeOf<{ status: number; retryAfter?: number | null }>()
    expectTypeOf(setContext).parameter(0).toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf(consent).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(flush).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(destroy).returns.toEqualTypeOf<void>()
  })
})
