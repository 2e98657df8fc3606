// The dashboard in the browser: reads the filters from its URL, fetches /dashboard.json with them
// (and /comments.json for other comment pages), draws with dashboard.view.js, and writes every
// change of a filter back to the URL so that a filtered view can be shared. Every text from
// answers goes in as text, never as HTML. A bad filter shows the collector's own message.
;(() => {
  const V = window.TouchpointView
  const { NAMES, ORDER, SMALL, el, fill, fmt, fmtI, plural, table, pair, small, figure } = V
  const RATINGS = ['good', 'needs-improvement', 'poor']
  const RATING_NAMES = { good: 'good', 'needs-improvement': 'needs improvement', poor: 'poor' }
  const FILTERS = ['from', 'to', 'touchpoint', 'stage', 'metric', 'site', 'locale']
  const form = document.getElementById('filters')
  const tools = document.getElementById('comment-tools')
  const $ = (id) => document.getElementById(id)

  // The URL is the state: filters, ctx.<key>, sample, period, and the comments' q, band, page.
  let params = new URLSearchParams(location.search)
  params.delete('token')
  const filterQuery = () => {
    const p = new URLSearchParams()
    for (const [k, v] of params) if (v && !['q', 'band', 'page'].includes(k)) p.append(k, v)
    return p.toString()
  }
  const commentQuery = () => {
    const p = new URLSearchParams(filterQuery())
    for (const k of ['q', 'band', 'page']) if (params.get(k)) p.set(k, params.get(k))
    p.set('limit', '20') // as the first page in /dashboard.json
    return p.toString()
  }
  const setUrl = () => {
    const qs = params.toString()
    history.replaceState(null, '', qs ? '?' + qs : location.pathname)
    $('csv').href = '/answers.csv' + (filterQuery() ? '?' + filterQuery() : '')
    $('json').href = '/summary.json' + (filterQuery() ? '?' + filterQuery() : '')
  }

  const daysAgo = (n) => new Date(Date.now() - n * 864e5).toISOString().slice(0, 10)
  const writeForm = () => {
    for (const k of [...FILTERS, 'sample']) if (form.elements[k]) form.elements[k].value = params.get(k) ?? ''
    form.elements.period.value = params.get('period') ?? 'week'
    const from = params.get('from')
    const preset = ['7', '30', '90', '365'].find((n) => !params.get('to') && from == daysAgo(Number(n)))
    form.elements.range.value = preset ?? (from || params.get('to') ? 'custom' : '')
    for (const s of $('ctx').querySelectorAll('select')) s.value = params.get(s.name) ?? ''
    tools.elements.q.value = params.get('q') ?? ''
    tools.elements.band.value = params.get('band') ?? 'all'
  }
  /** The choices of a select: "All", the values found in the data, and the current one if not among them. */
  const options = (select, values) => {
    const cur = params.get(select.name) ?? ''
    const vals = [...new Set([...(values ?? []), ...(cur ? [cur] : [])])]
    select.replaceChildren(el('option', { value: '' }, 'All'), ...vals.map((v) => el('option', { value: v }, v)))
    select.value = cur
  }
  const fillOptions = (o) => {
    for (const k of ['touchpoint', 'stage', 'site', 'locale']) options(form.elements[k], o[k])
    const keys = [...new Set([...Object.keys(o).filter((k) => k.startsWith('ctx.')), ...[...params.keys()].filter((k) => k.startsWith('ctx.'))])].sort()
    fill('ctx', keys.map((k) => {
      const s = el('select', { name: k })
      options(s, o[k])
      return el('label', {}, k.slice(4) + ' ', s)
    }))
  }

  const showError = (msg) => {
    $('error').hidden = !msg
    $('error').textContent = msg ? `The filters cannot be used: ${msg}` : ''
    if (msg) {
      for (const id of ['figures', 'empty', 'drops-section']) $(id).hidden = true
      $('status').textContent = 'No figures: fix the filter named below.'
    }
  }

  const kpis = (metrics) =>
    ORDER.filter((m) => metrics[m]).map((m) => {
      const f = metrics[m]
      return el('div', { class: 'kpi' },
        el('div', { class: 'label' }, NAMES[m] + (m == 'ces' ? ' (mean, 1–7)' : m == 'nps' ? '' : ' %')),
        el('div', { class: 'value' }, fmt(m, f.score)),
        m == 'nps' ? el('div', { class: 'mix' }, [plural(f.promoters, 'promoter'), plural(f.passives, 'passive'), plural(f.detractors, 'detractor')].join(' · ')) : null,
        el('div', { class: 'sub' }, `${plural(f.count, 'answer')} · 95% interval ${fmtI(m, f.interval)}`, small(f.count)))
    })
  const scoreCell = (m, v) => [fmt(m, v), v]

  const renderComments = (c) => {
    $('comment-count').textContent = c.total ? `${plural(c.total, 'comment')}, newest first` : 'No comments match.'
    fill('comments', c.comments.map((x) =>
      el('li', { class: 'band-' + x.band },
        el('div', { class: 'meta' }, `${x.label} · ${x.touchpoint}${x.stage ? ' · ' + x.stage : ''} · `, el('time', { datetime: x.createdAt }, new Date(x.createdAt).toLocaleString())),
        el('blockquote', {}, x.comment))))
    $('pageinfo').textContent = `Page ${c.page} of ${c.pages}`
    $('prev').disabled = c.page <= 1
    $('next').disabled = c.page >= c.pages
  }

  let last = null
  const render = (d) => {
    if (d.scales) V.DOMAIN.ces = d.scales.ces
    const s = d.summary
    const filtered = filterQuery().replace(/(^|&)period=[^&]*/, '') != ''
    fillOptions(d.options)
    const samples = d.sample != 'exclude' && d.samples ? `, ${d.samples.toLocaleString('en-US')} of them sample data` : ''
    $('status').textContent = `${plural(s.count, 'answer')}${filtered ? ' match the filters' : ''}${samples} · updated ${new Date(d.generatedAt).toLocaleTimeString()}`
    $('empty').hidden = s.count > 0 || filtered
    $('figures').hidden = s.count == 0
    $('snippet').textContent = `<script async src="https://cdn.example.com/touchpoint.js"\n        data-endpoint="${location.origin}/v1/responses"></script>`
    if (s.count == 0 && filtered) $('status').textContent = 'No answers match these filters. Clear some to see more.'
    $('drops-section').hidden = !d.drops.length
    fill('drops', d.drops.map((x) => el('li', {}, el('strong', {}, x.text), ` · ${x.touchpoint}${x.stage ? ' · ' + x.stage : ''}`)))
    if (!s.count) return
    const flag = $('small')
    flag.hidden = s.count >= SMALL
    flag.textContent = s.count >= SMALL ? '' : `Small sample: ${plural(s.count, 'answer')} (fewer than ${SMALL}); read the figures as a first hint only.`
    fill('kpis', kpis(s.metrics))

    // Trend per metric, by the chosen period.
    const tr = d.trend.metrics
    const trendRows = ORDER.filter((m) => tr[m]).flatMap((m) => tr[m].map((p) => ({ ...p, metric: m })))
    fill('trend', pair(ORDER.filter((m) => tr[m]).map((m) => V.trendChart(m, tr[m], d.trend.period)),
      table(`Scores by ${d.trend.period}`, [d.trend.period[0].toUpperCase() + d.trend.period.slice(1) + ' from', 'Metric', 'Score', '95% interval', 'Answers'],
        trendRows.slice().reverse().map((r) => [r.start, NAMES[r.metric], scoreCell(r.metric, r.score), fmtI(r.metric, r.interval), [r.count + (r.small ? ' (small)' : ''), r.count]]), [2, 4])))

    // Journey map: stages left to right.
    const weakest = d.weakest
    fill('journey', s.stages.map((st) => {
      const weak = ORDER.filter((m) => weakest[m] == st.stage)
      return el('li', { class: weak.length ? 'weakest' : null },
        weak.length ? el('span', { class: 'badge' }, 'Weakest: ' + weak.map((m) => NAMES[m]).join(', ')) : null,
        el('h3', {}, st.stage),
        el('div', { class: 'sub' }, plural(st.count, 'answer'), small(st.count)),
        el('dl', {}, ORDER.filter((m) => st.metrics[m]).map((m) => [
          el('dt', {}, `${NAMES[m]} ${fmt(m, st.metrics[m].score)}`),
          el('dd', {}, `n ${st.metrics[m].count} · 95% ${fmtI(m, st.metrics[m].interval)}`),
        ])))
    }))
    const stageRows = s.stages.flatMap((st) => ORDER.filter((m) => st.metrics[m]).map((m) => ({ stage: st.stage, metric: m, ...st.metrics[m] })))
    const stageNames = s.stages.map((st) => st.stage)
    fill('journey-charts', stageRows.length ? pair(V.scoreCharts(stageRows, 'stage', stageNames, 'stage', (m, r) => weakest[m] == r.stage),
      table('Scores by stage', ['Stage', 'Metric', 'Score', '95% interval', 'Answers'],
        stageRows.map((r) => [r.stage, NAMES[r.metric], scoreCell(r.metric, r.score), fmtI(r.metric, r.interval), r.count]), [2, 4])) : el('p', {}, 'No answers with a stage.'))

    const tps = Object.entries(s.touchpoints)
    fill('touchpoints', table('Scores by touchpoint', ['Touchpoint', 'Answers', ...ORDER.map((m) => NAMES[m])],
      tps.map(([id, t]) => [id, [String(t.count) + (t.count < SMALL ? ' (small)' : ''), t.count],
        ...ORDER.map((m) => (t.metrics[m] ? [`${fmt(m, t.metrics[m].score)} (${fmtI(m, t.metrics[m].interval)})`, t.metrics[m].score] : ['', null]))]), [1, 2, 3, 4, 5]))

    const c = V.colors()
    const vs = d.vitalsByStage
    fill('vitals', vs.length ? pair(
      figure('Share of answers by rating', V.plot({
        style: V.STYLE, width: Math.max(420, 90 * stageNames.length), height: 230, marginBottom: 56, ariaLabel: 'Web-vitals ratings by stage',
        fx: { domain: ['LCP', 'INP'], label: null }, x: { domain: stageNames, label: null, tickRotate: -30 },
        y: { domain: [0, 100], label: '% of answers', grid: true },
        color: { domain: RATINGS, range: c.ratings, legend: true, tickFormat: (r) => RATING_NAMES[r] },
        marks: [Plot.barY(vs, { fx: 'vital', x: 'stage', y: 'share', fill: 'rating', order: RATINGS })],
      })),
      table('Web-vitals ratings by stage', ['Stage', 'Vital', 'Rating', 'Share', 'Answers'],
        vs.map((r) => [r.stage, r.vital, RATING_NAMES[r.rating], [Math.round(r.share) + '%', r.share], r.n]), [3, 4])) : el('p', {}, 'No answers with web vitals.'))

    const br = d.byRating
    fill('rating', br.length ? ['LCP', 'INP'].map((v) => {
      const rows = br.filter((r) => r.vital == v)
      return el('div', {}, el('h3', {}, v == 'LCP' ? 'By LCP (loading)' : 'By INP (responsiveness)'), pair(
        V.scoreCharts(rows, 'rating', RATINGS, v + ' rating'),
        table(`Scores by ${v} rating`, ['Rating', 'Metric', 'Score', '95% interval', 'Answers'],
          rows.map((r) => [RATING_NAMES[r.rating], NAMES[r.metric], scoreCell(r.metric, r.score), fmtI(r.metric, r.interval), r.count]), [2, 4])))
    }) : el('p', {}, 'No answers with web vitals.'))

    const dist = Object.entries(d.distributions)
    const scoreName = (m, s) => (m == 'thumbs' ? (s ? 'up' : 'down') : s)
    fill('dist', pair(
      dist.map(([m, rows]) => figure(NAMES[m], V.plot({
        style: V.STYLE, width: 260, height: 180, marginLeft: 40, ariaLabel: `Distribution of ${NAMES[m]} scores`,
        x: { label: 'score', tickFormat: m == 'thumbs' ? (s) => (s ? 'up' : 'down') : undefined }, y: { label: 'answers', grid: true },
        marks: [Plot.barY(rows, { x: 'score', y: 'n', fill: c.accent }), Plot.ruleY([0])],
      }))),
      table('Answers per score', ['Metric', 'Score', 'Answers'], dist.flatMap(([m, rows]) => rows.map((r) => [NAMES[m], [scoreName(m, r.score), r.score], r.n])), [1, 2])))
    if (!params.get('q') && !params.get('band') && !params.get('page')) renderComments(d.comments)
  }

  let key = ''
  const load = async () => {
    try {
      const res = await fetch('/dashboard.json?' + filterQuery(), { cache: 'no-store' })
      const d = await res.json()
      if (res.status == 400) return showError(d.error)
      if (!res.ok) throw new Error(d.error || 'HTTP ' + res.status)
      showError('')
      if (params.get('q') || params.get('band') || params.get('page')) await loadComments()
      const k = JSON.stringify({ ...d, generatedAt: 0 })
      last = d
      if (k != key || $('status').textContent.startsWith('Loading')) {
        key = k
        render(d)
      } else $('status').textContent = $('status').textContent.replace(/updated .*$/, 'updated ' + new Date(d.generatedAt).toLocaleTimeString())
    } catch (e) {
      $('status').textContent = 'Could not load the figures (' + (e && e.message) + '); retrying.'
    }
  }
  const loadComments = async () => {
    const res = await fetch('/comments.json?' + commentQuery(), { cache: 'no-store' })
    const c = await res.json()
    if (res.status == 400) return showError(c.error)
    renderComments(c)
  }
  const change = () => {
    key = ''
    setUrl()
    load()
  }

  form.addEventListener('submit', (e) => e.preventDefault())
  tools.addEventListener('submit', (e) => e.preventDefault())
  form.addEventListener('change', (e) => {
    const t = e.target
    if (t.name == 'range') {
      if (t.value == 'custom') return form.elements.from.focus()
      params.delete('to')
      if (t.value) params.set('from', daysAgo(Number(t.value)))
      else params.delete('from')
    } else if (t.name) {
      if (t.value && !(t.name == 'period' && t.value == 'week')) params.set(t.name, t.value)
      else params.delete(t.name)
    }
    params.delete('page')
    writeForm()
    change()
  })
  let typing = 0
  tools.addEventListener('input', (e) => {
    const t = e.target
    clearTimeout(typing)
    typing = setTimeout(() => {
      if (t.value && t.value != 'all') params.set(t.name, t.value)
      else params.delete(t.name)
      params.delete('page')
      setUrl()
      loadComments()
    }, t.name == 'q' ? 300 : 0)
  })
  const page = (by) => {
    const p = Math.max(1, Number(params.get('page') || 1) + by)
    if (p > 1) params.set('page', String(p))
    else params.delete('page')
    setUrl()
    loadComments()
  }
  $('prev').addEventListener('click', () => page(-1))
  $('next').addEventListener('click', () => page(1))
  $('reset').addEventListener('click', (e) => {
    e.preventDefault()
    params = new URLSearchParams()
    writeForm()
    change()
  })
  const theme = $('theme')
  const dark = () => document.documentElement.dataset.theme == 'dark' || (!document.documentElement.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches)
  const showTheme = () => theme.setAttribute('aria-pressed', String(dark()))
  theme.addEventListener('click', () => {
    const next = dark() ? 'light' : 'dark'
    document.documentElement.dataset.theme = next
    try {
      localStorage.setItem('touchpoint-theme', next)
    } catch {
      // Not remembered, but switched all the same.
    }
    showTheme()
    if (last) render(last) // Plot's colours are the theme's
  })
  showTheme()
  writeForm()
  setUrl()
  load()
  setInterval(load, 5000)
})()
