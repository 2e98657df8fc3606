// @ts-check
// The collector's flags (one line each: adding a flag is adding a line) and what the command
// prints. bin.js parses, checks and starts; the demo (demo/serve.js) reuses the parser.
import { origins, port, positive } from './flags.js'
import { readConfig, webhookUrl } from './webhooks/config.js'

/** @type {import('./flags.js').Flag[]} */
export const FLAGS = [
  { name: 'data', value: 'DIR', default: './touchpoint-data', help: 'keep answers in an embedded PostgreSQL (PGlite) in this folder; one collector per folder' },
  { name: 'database-url', value: 'URL', env: 'DATABASE_URL', help: 'keep answers on a PostgreSQL server instead, e.g. postgres://user:password@db:5432/cx' },
  { name: 'host', value: 'HOST', default: '127.0.0.1', help: 'address to listen on; on any but loopback (127.0.0.1, ::1, localhost) reading needs the token' },
  { name: 'port', value: 'PORT', default: 5174, parse: port, help: 'port to listen on (0: any free port)' },
  { name: 'allowed-origins', value: 'LIST', default: '*', parse: origins, help: 'origins whose pages may post answers, comma-separated, e.g. https://shop.example.com' },
  { name: 'token', value: 'TOKEN', env: 'TOUCHPOINT_TOKEN', help: 'the token that reading needs (dashboard, JSON); without one, a collector off loopback makes one and prints it' },
  { name: 'rate-limit', value: 'N', default: 300, parse: positive, help: 'answer POSTs a client address may make per minute; more get 429 with Retry-After' },
  { name: 'workers', value: 'N', default: 1, parse: positive, help: 'collector processes sharing the port (Node cluster), PostgreSQL only; each has its own rate-limit counts' },
  { name: 'config', value: 'FILE', parse: readConfig, help: 'JSON with webhooks: { "webhooks": [ { "url", "events", "secret": "whsec_…", "format": "standard" | "slack" } ] }' },
  { name: 'webhook', value: 'URL', parse: webhookUrl, help: 'POST every event to this URL, signed with TOUCHPOINT_WEBHOOK_SECRET (or a secret made and printed at start)' },
  { name: 'follow-up-hours', value: 'N', parse: positive, help: 'a low score\'s follow-up case is due N hours after the answer (default: 2 business days, Mon–Fri UTC)' },
  { name: 'retention-days', value: 'N', parse: positive, help: 'delete answers, follow-up cases and webhook deliveries older than N days, at start and daily' },
  { name: 'debug', help: 'log every request, and print stack traces of errors' },
  { name: 'help', help: 'print this and exit' },
]

export const USAGE = `touchpoint-collector: stores Touchpoint answers and shows them on a dashboard.

Usage: npx touchpoint-collector [flags]     (in the repository: npm run collector -- [flags])`

export const AFTER = `
Answers are POSTed to /v1/responses; the dashboard is /, its figures /summary.json and
/dashboard.json, the latest answers /answers.json; /healthz checks the database.
Low scores become follow-up cases at /follow-ups; changing them needs the token.
SIGTERM or Ctrl+C stops it after the requests in flight, losing nothing acknowledged.
`
