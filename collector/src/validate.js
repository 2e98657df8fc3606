// @ts-check
// The answer schema (schema/answer.schema.json, JSON Schema draft 2020-12) compiled once with ajv:
// the POST route validates its body with it, and a refusal names the JSON pointer of the bad value
// and what is wrong with it.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS: its function is the default export, or the module itself.
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule
export const schema = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'answer.schema.json'), 'utf8'))
const ajv = new Ajv2020({ allErrors: false, strict: true })
addFormats(ajv)
/** The compiled schema: check(body) is true for a valid wire body; check.errors says why not. */
export const check = ajv.compile(schema)

/**
 * One line for a schema error: "/answers/0/score must be <= 10", with the unknown property or the
 * allowed values where ajv keeps them apart.
 * @param {import('ajv').ErrorObject | undefined} e
 */
export const describe = (e) => {
  if (!e) return 'body does not match the schema'
  const where = e.instancePath || '/'
  const params = /** @type {any} */ (e.params)
  const extra = e.keyword == 'additionalProperties' ? ` (${params.additionalProperty})` : ''
  const allowed = e.keyword == 'enum' ? ` (${params.allowedValues.join(', ')})` : ''
  return `${where} ${e.message}${extra}${allowed}`
}

/** @param {unknown} body @returns {{ body: any, error?: undefined } | { error: string, body?: undefined }} */
export const validateBody = (body) => (check(body) ? { body } : { error: describe(check.errors?.[0]) })

/**
 * Parses and validates a raw body: { body } when it is a valid wire body, or { error } naming the problem.
 * @param {string} raw
 * @returns {{ body: any, error?: undefined } | { error: string, body?: undefined }}
 */
export const parseBody = (raw) => {
  let body
  try {
    body = JSON.parse(raw)
  } catch {
    return { error: 'body is not JSON' }
  }
  return validateBody(body)
}
