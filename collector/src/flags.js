// @ts-check
// Command-line flags from a table: each flag is one line (name, value, environment variable,
// default, check, help), and the parser, --help and the errors all come from it. A bad flag is
// one line naming it and what to do.

/**
 * @typedef {object} Flag
 * @property {string} name without the dashes: `data` is --data
 * @property {string} [value] what it takes (`DIR`); a flag without one is a switch
 * @property {string} [env] an environment variable read when the flag is not given
 * @property {unknown} [default]
 * @property {(raw: string, label: string) => unknown} [parse] turns the text into a value, or throws a problem()
 * @property {string} help
 */

/**
 * An error a person can act on: its message is one line that names the flag or path and what to
 * do, printed as is on stderr (a stack trace only with --debug).
 * @param {string} message
 */
export const problem = (message) => Object.assign(new Error(message), { code: 'TOUCHPOINT_START' })
/** @param {unknown} e @returns {e is Error & { code: 'TOUCHPOINT_START' }} */
export const isProblem = (e) => /** @type {any} */ (e)?.code == 'TOUCHPOINT_START'

/** @param {string} label @param {string} raw */
export const port = (raw, label) => {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw problem(`${label} ${raw} is not a port: give a whole number from 1 to 65535 (0 picks a free one)`)
  return Number(raw)
}
/** @param {string} raw @param {string} label */
export const positive = (raw, label) => {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw problem(`${label} ${raw} is not a whole number above 0`)
  return Number(raw)
}
/** `*`, or a comma-separated list of origins such as https://shop.example.com. @param {string} raw @param {string} label */
export const origins = (raw, label) => {
  if (raw.trim() == '*') return '*'
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean)
  for (const o of list) {
    let ok = false
    try {
      ok = new URL(o).origin == o
    } catch {}
    if (!ok) throw problem(`${label}: ${o} is not an origin: give scheme, host and port only, e.g. https://shop.example.com, separated by commas (or * for any)`)
  }
  if (!list.length) throw problem(`${label} is empty: give origins separated by commas, or * for any`)
  return list
}

/** --database-url → databaseUrl. @param {string} name */
const key = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase())

/**
 * Parses `argv` by `table`: `--name value`, `--name=value`, switches as `--name`. Flags win over
 * environment variables, which win over defaults. Returns the values by camel-case name, and in
 * `given` the names the user set (by flag or environment).
 * @param {Flag[]} table @param {string[]} argv @param {Record<string, string | undefined>} env
 * @returns {Record<string, any> & { given: Set<string> }}
 */
export const parseFlags = (table, argv, env = {}) => {
  /** @type {Record<string, any>} */
  const out = {}
  const given = new Set()
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i])
    if (!arg.startsWith('--')) throw problem(`unexpected ${JSON.stringify(arg)}: flags start with --; see --help`)
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq > 0 ? eq : undefined)
    const flag = table.find((f) => f.name == name)
    if (!flag) throw problem(`unknown flag --${name}; see --help for the flags there are`)
    const label = '--' + name
    if (!flag.value) {
      if (eq > 0) throw problem(`${label} takes no value`)
      out[key(name)] = true
    } else {
      const raw = eq > 0 ? arg.slice(eq + 1) : argv[++i]
      if (raw == null || (eq < 0 && raw.startsWith('--'))) throw problem(`${label} needs a value: ${label} ${flag.value}`)
      out[key(name)] = flag.parse ? flag.parse(raw, label) : raw
    }
    given.add(name)
  }
  for (const flag of table) {
    const k = key(flag.name)
    if (k in out) continue
    const fromEnv = flag.env ? env[flag.env] : undefined
    if (flag.env && fromEnv) {
      out[k] = flag.parse ? flag.parse(fromEnv, flag.env) : fromEnv
      given.add(flag.name)
    } else out[k] = flag.value ? flag.default : false
  }
  return Object.assign(out, { given })
}

/** The --help text: usage, then one line per flag. @param {string} usage @param {Flag[]} table @param {string} [after] */
export const helpText = (usage, table, after = '') => {
  const left = table.map((f) => `  --${f.name}${f.value ? ' ' + f.value : ''}`)
  const width = Math.max(...left.map((l) => l.length)) + 2
  const lines = table.map((f, i) => {
    const extra = [f.env ? `env ${f.env}` : '', f.default != null && f.default !== false ? `default ${f.default}` : ''].filter(Boolean).join('; ')
    return /** @type {string} */ (left[i]).padEnd(width) + f.help + (extra ? ` (${extra})` : '')
  })
  return `${usage}\n\n${lines.join('\n')}\n${after}`
}
