// Validates a POST body against schema/answer.schema.json (ajv, JSON Schema draft 2020-12).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule
export const schema = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'answer.schema.json'), 'utf8'))
const ajv = new Ajv2020({ allErrors: false, strict: true })
addFormats(ajv)
const check = ajv.compile(schema)

/**
 * Parses and validates a raw body. Returns { body } when it is a valid wire body, or
 * { error } naming the problem (the JSON pointer of the bad value and what is wrong with it).
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

/** @param {unknown} body */
export const validateBody = (body) => {
  if (check(body)) return { body }
  const e = check.errors?.[0]
  if (!e) return { error: 'body does not match the schema' }
  const where = e.instancePath || '/'
  const extra = e.keyword == 'additionalProperties' ? ` (${/** @type {any} */ (e.params).additionalProperty})` : ''
  const allowed = e.keyword == 'enum' ? ` (${/** @type {any} */ (e.params).allowedValues.join(', ')})` : ''
  return { error: `${where} ${e.message}${extra}${allowed}` }
}
