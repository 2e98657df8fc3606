// The contact step checks the visitor's e-mail address itself (src/prompt/view.tsx EMAIL): it must
// accept no address that the answer schema (`format: email`, as the collector's ajv-formats checks
// it) refuses, or the collector would refuse the whole answer, score and comment with it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { EMAIL } from '../src/prompt/view'

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => void
const ajv = new Ajv2020({ strict: true })
addFormats(ajv)
const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'answer.schema.json'), 'utf8'))
const check = ajv.compile(schema)
const body = (contact: unknown) => ({
  sdk: { name: 'touchpoint', version: '0.1.0' },
  sentAt: '2026-12-06T10:00:00.000Z',
  answers: [
    {
      id: '0b6a3f0e-6c1e-4b8e-9d2a-3c4f5e6a7b8c',
      touchpoint: 'checkout',
      metric: 'nps',
      score: 3,
      createdAt: '2026-12-06T10:00:00.000Z',
      revision: 2,
      page: { url: 'https://shop.example.com/' },
      contact,
    },
  ],
})

describe('answer.contact in the schema', () => {
  it('takes consent (true), an optional e-mail address and the time', () => {
    expect(check(body({ consent: true, email: 'ana@example.com', at: '2026-12-06T10:00:00.000Z' }))).toBe(true)
    expect(check(body({ consent: true, at: '2026-12-06T10:00:00.000Z' }))).toBe(true)
  })
  it.each([
    ['consent false', { consent: false, at: '2026-12-06T10:00:00.000Z' }],
    ['no time', { consent: true, email: 'ana@example.com' }],
    ['a bad address', { consent: true, email: 'ana', at: '2026-12-06T10:00:00.000Z' }],
    ['another field', { consent: true, at: '2026-12-06T10:00:00.000Z', phone: '123' }],
  ])('refuses %s', (_, contact) => expect(check(body(contact))).toBe(false))
})

describe('the prompt’s e-mail check', () => {
  const samples = [
    'ana@example.com', 'Ana.Lopez+cx@mail.example.co.uk', "o'brien@example.ie", 'a_b-c@sub-domain.example.org', 'x@y.io',
    '', 'ana', 'ana@', '@example.com', 'ana@example', 'ana@@example.com', 'ana @example.com', 'ana@example..com',
    '.ana@example.com', 'ana.@example.com', 'an..a@example.com', 'ana@-example.com', 'ana@example-.com', 'ana@exa_mple.com',
    'ana@example.com.', '"ana"@example.com', 'ana@[127.0.0.1]', 'anä@example.com', 'ana@exämple.com', 'ana@example.com\n',
  ]
  it('accepts the usual addresses and refuses the obvious mistakes', () => {
    expect(samples.slice(0, 5).every((s) => EMAIL.test(s))).toBe(true)
    expect(samples.slice(5, 10).some((s) => EMAIL.test(s))).toBe(false)
  })
  it.each(samples)('accepts %j only if the schema does', (email) => {
    if (EMAIL.test(email)) expect(check(body({ consent: true, email, at: '2026-12-06T10:00:00.000Z' }))).toBe(true)
  })
})
