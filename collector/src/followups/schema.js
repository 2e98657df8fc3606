// @ts-check
// The tables of the follow-up queue, the webhook deliveries and the erasure log, created with the
// answers' table (store/sql.js) by the same SQL on PGlite and PostgreSQL.

export const LOOP_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS cases (
  id            text PRIMARY KEY,
  touchpoint    text NOT NULL,
  stage         text,
  status        text NOT NULL DEFAULT 'open',
  assignee      text,
  created_at    timestamptz NOT NULL,
  due           timestamptz NOT NULL,
  contact_email text,
  contact_user  text,
  recovered_by  text,
  overdue_sent  boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS cases_due ON cases (due);
CREATE TABLE IF NOT EXISTS case_history (
  seq      bigserial PRIMARY KEY,
  case_id  text NOT NULL,
  at       timestamptz NOT NULL,
  actor    text NOT NULL,
  status   text,
  assignee text,
  note     text
);
CREATE INDEX IF NOT EXISTS case_history_case ON case_history (case_id);
CREATE TABLE IF NOT EXISTS deliveries (
  id         bigserial PRIMARY KEY,
  msg_id     text NOT NULL,
  type       text NOT NULL,
  url        text NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL,
  attempts   integer NOT NULL DEFAULT 0,
  next_at    timestamptz NOT NULL,
  state      text NOT NULL DEFAULT 'pending',
  last_error text,
  UNIQUE (msg_id, url)
);
CREATE INDEX IF NOT EXISTS deliveries_next ON deliveries (state, next_at);
CREATE TABLE IF NOT EXISTS erasures (
  at   timestamptz NOT NULL,
  rows integer NOT NULL
);
`
