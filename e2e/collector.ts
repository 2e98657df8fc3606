// The reference collector, plus a check of every body it receives against
// schema/answer.schema.json (README "Wire format": every answer the tests produce validates against it).
// The check is the test's own (its own ajv), independent of the collector's validation and of any
// status a test forces with `respond`: a body the collector was told to answer 500 to still has
// to be a valid body. close() fails the test when any body was invalid.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { startCollector } from './servers.js'

type CollectorOptions = NonNullable<Parameters<typeof startCollector>[0]>
type Collector = Awaited<ReturnType<typeof startCollector>>

export interface InvalidBody {
  /** The collector's attempt number (1-based, in order of arrival). */
  attempt: number
  /** The raw body, as received. */
  body: string
  /** What is wrong: "instancePath message" per schema error, or "body is not JSON". */
  problems: string[]
}

export type ValidatingCollector = Collector & {
  /** Bodies that failed the schema so far (close() throws if there is any). */
  invalid: InvalidBody[]
}

// ajv-formats is CommonJS: its function is the default export, or the module itself.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as typeof addFormatsModule
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'answer.schema.json'), 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
const check = ajv.compile(schema)

/** The schema's complaints about a raw body; empty when it is a valid wire body. */
export const problems = (raw: string): string[] => {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return ['body is not JSON']
  }
  if (check(body)) return []
  return (check.errors ?? []).map((e) => {
    const extra = e.keyword == 'additionalProperties' ? ` (${(e.params as any).additionalProperty})` : ''
    return `${e.instancePath || '/'} ${e.message}${extra}`
  })
}

/**
 * `startCollector` (same options, same return value, plus `invalid`) that validates every POST
 * body it receives against the schema, whatever `respond` makes it answer. `allowInvalid` marks
 * the bodies a test sends wrong on purpose (none of the SDK's: its bodies must all be valid).
 */
export const startValidatingCollector = async (
  o: CollectorOptions & { allowInvalid?: (raw: string) => boolean } = {},
): Promise<ValidatingCollector> => {
  const { allowInvalid, respond, ...rest } = o
  const invalid: InvalidBody[] = []
  let collector: Collector | undefined
  // The collector calls `respond` for every POST it receives, right after recording the attempt
  // (with its raw body), before it answers: the one place that sees every body.
  const validating: NonNullable<CollectorOptions['respond']> = (info) => {
    const attempt = collector?.attempts.at(-1)
    const raw = attempt?.body ?? JSON.stringify(info.body)
    if (!allowInvalid?.(raw)) {
      const p = problems(raw)
      if (p.length) invalid.push({ attempt: info.attempt, body: raw, problems: p })
    }
    return respond?.(info)
  }
  collector = await startCollector({ ...rest, respond: validating })
  const close = collector.close
  return Object.assign(collector, {
    invalid,
    close: async () => {
      await close()
      if (invalid.length)
        throw new Error(
          `the collector received ${invalid.length} bod${invalid.length == 1 ? 'y' : 'ies'} that do not match schema/answer.schema.json:\n` +
            invalid.map((b) => `  attempt ${b.attempt}: ${b.problems.join('; ')}\n    ${b.body.slice(0, 500)}`).join('\n'),
        )
    },
  })
}
