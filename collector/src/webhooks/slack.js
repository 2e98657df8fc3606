// @ts-check
// The Slack-compatible body (`"format": "slack"`): one human-readable line per event, `{ "text" }`.
// Slack reads `<`, `>` and `&` as markup, so a visitor's comment is escaped.

/** @param {unknown} s */
const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** @param {any} a */
const score = (a) => `${String(a.metric).toUpperCase()} ${a.score} on ${esc(a.touchpoint)}${a.stage ? ` (${esc(a.stage)})` : ''}`

/** @param {{ type: string, data: any }} event */
export const slackText = ({ type, data }) => {
  if (type == 'answer.low') return `Low score: ${score(data)}${data.comment ? ` — “${esc(data.comment)}”` : ''}${data.contact?.consent ? ' · may be contacted' : ''}`
  if (type == 'answer.created') return `New answer: ${score(data)}${data.comment ? ` — “${esc(data.comment)}”` : ''}`
  if (type == 'followup.overdue') return `Follow-up overdue: ${data.answer ? score(data.answer) : esc(data.id)}, due ${esc(data.due)}${data.assignee ? `, assigned to ${esc(data.assignee)}` : ', unassigned'}`
  if (type == 'digest.daily') {
    const tps = Object.entries(data.touchpoints ?? {}).map(([tp, c]) => `${esc(tp)}: ${/** @type {any} */ (c).answers} answers, ${/** @type {any} */ (c).low} low`)
    return `Touchpoint, last 24 h: ${data.answers} answers, ${data.low} low scores, ${data.overdue} overdue follow-ups${tps.length ? '\n' + tps.join('\n') : ''}`
  }
  if (type == 'score.dropped') return `Score dropped: ${esc(data.metric)} on ${esc(data.touchpoint)}${data.stage ? ` (${esc(data.stage)})` : ''}, change ${esc(data.change)}`
  return `${esc(type)}: ${esc(JSON.stringify(data))}`
}
