// The follow-ups page: lists /follow-ups.json with the page's filters and posts changes to
// /follow-ups/<id>. Every text from an answer is inserted as text (textContent), never as HTML.
// The changes carry the cookie the page was opened with (?token= once); the collector also checks
// that they come from its own origin.
;(() => {
  const $ = (id) => document.getElementById(id)
  const params = new URLSearchParams(location.search)
  const say = (text) => ($('status').textContent = text)
  const el = (tag, props = {}, ...kids) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(props)) if (v != null) e[k] = v
    for (const k of kids) e.append(k)
    return e
  }
  const label = (text, control) => el('label', {}, text, control)
  const by = $('by')
  by.value = localStorage.getItem('touchpoint.by') || ''
  by.addEventListener('change', () => localStorage.setItem('touchpoint.by', by.value))
  for (const name of ['status', 'touchpoint', 'stage']) {
    const control = $('filters').elements.namedItem(name)
    if (control && params.get(name)) control.value = params.get(name)
  }

  const change = async (id, body) => {
    const res = await fetch('/follow-ups/' + encodeURIComponent(id), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ ...body, by: by.value.trim() || undefined }),
    })
    const json = await res.json().catch(() => ({}))
    if (!res.ok) throw new Error(json.error || 'HTTP ' + res.status)
    return json
  }

  const caseItem = (c) => {
    const a = c.answer
    const li = el('li', { className: 'case' + (c.overdue ? ' overdue' : '') })
    const head = el('p', { className: 'head' }, `${String(a.metric).toUpperCase()} ${a.score} · ${a.touchpoint}${a.stage ? ' · ' + a.stage : ''}`)
    if (c.overdue) head.append(' ', el('span', { className: 'flag' }, 'overdue'))
    li.append(head)
    if (a.comment) li.append(el('blockquote', {}, a.comment))
    const who = a.contact?.email ? `contact: ${a.contact.email}` : a.contact?.consent ? `contact: user ${a.context?.userId ?? ''}` : 'no contact'
    li.append(el('p', { className: 'meta' }, `${c.status.replace('_', ' ')} · due ${new Date(c.due).toLocaleString()} · ${c.assignee ? 'assigned to ' + c.assignee : 'unassigned'} · ${who}${c.recovered ? ' · recovered' : ''}`))
    if (c.history.length) {
      const ul = el('ul', { className: 'history' })
      for (const h of c.history)
        ul.append(el('li', {}, `${new Date(h.at).toLocaleString()} ${h.by}: ${[h.status && 'status ' + h.status, h.assignee != null && 'assignee ' + (h.assignee || 'nobody'), h.note && '“' + h.note + '”'].filter(Boolean).join(', ')}`))
      li.append(ul)
    }
    const status = el('select', { name: 'status' })
    for (const s of ['open', 'in_progress', 'closed']) status.append(el('option', { value: s, selected: s == c.status }, s.replace('_', ' ')))
    const assignee = el('input', { name: 'assignee', value: c.assignee ?? '', autocomplete: 'off' })
    const note = el('textarea', { name: 'note', rows: 1 })
    const form = el('form', {}, label('Status', status), label('Assignee', assignee), label('Note', note), el('button', { type: 'submit' }, 'Save'))
    form.setAttribute('aria-label', `Change the case of ${a.touchpoint}`)
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault()
      const body = {}
      if (status.value != c.status) body.status = status.value
      if (assignee.value != (c.assignee ?? '')) body.assignee = assignee.value
      if (note.value.trim()) body.note = note.value.trim()
      if (!Object.keys(body).length) return say('Nothing changed.')
      try {
        await change(c.id, body)
        say('Saved.')
        await load()
      } catch (e) {
        say('Not saved: ' + e.message)
      }
    })
    li.append(form)
    return li
  }

  const load = async () => {
    const q = new URLSearchParams()
    for (const name of ['status', 'touchpoint', 'stage']) if (params.get(name)) q.set(name, params.get(name))
    const res = await fetch('/follow-ups.json?' + q, { credentials: 'same-origin' })
    if (!res.ok) return say('Could not load the cases: ' + ((await res.json().catch(() => ({}))).error || 'HTTP ' + res.status))
    const { cases } = await res.json()
    $('cases').replaceChildren(...cases.map(caseItem))
    const overdue = cases.filter((c) => c.overdue).length
    say(cases.length ? `${cases.length} case${cases.length == 1 ? '' : 's'}, ${overdue} overdue.` : 'No cases: low scores appear here.')
    const w = await fetch('/webhooks.json', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null))
    if (w) {
      $('webhooks').textContent = w.destinations.length ? `${w.destinations.length} destination(s), ${w.pending} delivery(ies) waiting, ${w.dead.length} failed for good.` : 'No webhooks configured (--config or --webhook).'
      $('dead').replaceChildren(...w.dead.map((d) => el('li', {}, `${new Date(d.at).toLocaleString()} ${d.type} to ${d.destination}: ${d.attempts} attempt(s), ${d.error ?? ''} (webhook-id ${d.webhookId})`)))
    }
  }
  load().catch((e) => say('Could not load the cases: ' + e.message))
})()
