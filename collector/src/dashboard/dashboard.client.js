// The dashboard in the browser: polls /dashboard.json and draws it with Observable Plot (SVG).
// Every text from answers (touchpoints, stages, comments) goes in as text, never as HTML.
/* global Plot */
;(() => {
  const NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES', thumbs: 'Thumbs up' }
  const ORDER = ['nps', 'csat', 'ces', 'thumbs']
  // Score axes: NPS −100…100, shares 0–100 %, CES on its own scale, which /dashboard.json brings
  // (the collector reads it from schema/metrics.json).
  const DOMAIN = { nps: [-100, 100], csat: [0, 100], ces: [1, 7], thumbs: [0, 100] }
  const RATINGS = ['good', 'needs-improvement', 'poor']
  const RATING_NAMES = { good: 'good', 'needs-improvement': 'needs improvement', poor: 'poor' }
  const RATING_COLORS = ['#1a7f37', '#bf8700', '#b42318']
  const SMALL = 30

  const fmt = (m, v) => (v == null ? '–' : m == 'ces' ? v.toFixed(1) : m == 'nps' ? (v > 0 ? '+' : '') + Math.round(v) : Math.round(v) + '%')
  const fmtI = (m, i) => (i ? `${fmt(m, i[0])} to ${fmt(m, i[1])}` : 'n < 2')

  /** el('td', { class: 'num' }, 'text', child…): children are strings (as text) or nodes. */
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) if (v != null && v !== false) e.setAttribute(k, v === true ? '' : String(v))
    for (const k of kids.flat(Infinity)) if (k != null) e.append(k instanceof Node ? k : document.createTextNode(String(k)))
    return e
  }
  const table = (caption, head, rows, numeric = []) =>
    el('div', { class: 'scroll' },
      el('table', {},
        el('caption', {}, caption),
        el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, h)))),
        el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i == 0 ? el('th', { scope: 'row' }, c) : el('td', { class: numeric.includes(i) ? 'num' : null }, c))))))))
  const pair = (chart, tbl) => el('div', { class: 'pair' }, el('div', { class: 'charts' }, chart), tbl)
  const fill = (id, ...kids) => document.getElementById(id).replaceChildren(...kids.flat(Infinity).filter((k) => k != null))
  const small = (n) => (n < SMALL ? el('span', { class: 'small' }, ` small sample (${n})`) : null)
  const figure = (caption, svg) => el('figure', {}, el('figcaption', {}, caption), svg)

  const kpis = (metrics) =>
    ORDER.filter((m) => metrics[m]).map((m) => {
      const f = metrics[m]
      return el('div', { class: 'kpi' },
        el('div', { class: 'label' }, NAMES[m] + (m == 'ces' ? ' (mean, 1–7)' : m == 'nps' ? '' : ' %')),
        el('div', { class: 'value' }, fmt(m, f.score)),
        m == 'nps' ? el('div', { class: 'mix' }, `${f.promoters} promoters · ${f.passives} passives · ${f.detractors} detractors`) : null,
        el('div', { class: 'sub' }, `${f.count} answers · 95% interval ${fmtI(m, f.interval)}`, small(f.count)))
    })

  /** One small chart per metric: x categories, a dot per score and a rule for its interval. */
  const scoreCharts = (rows, x, domain, label, marked = () => false) =>
    ORDER.filter((m) => rows.some((r) => r.metric == m)).map((m) => {
      const data = rows.filter((r) => r.metric == m)
      return figure(NAMES[m], Plot.plot({
        width: Math.max(250, 52 * domain.length), height: 190, marginBottom: 56, marginLeft: 44,
        ariaLabel: `${NAMES[m]} by ${label}`,
        x: { domain, label: null, tickRotate: domain.length > 3 ? -30 : 0, tickFormat: (d) => (d == 'needs-improvement' ? 'needs impr.' : d) },
        y: { domain: DOMAIN[m], label: NAMES[m], grid: true },
        marks: [
          m == 'nps' ? Plot.ruleY([0], { stroke: '#8c959f' }) : null,
          Plot.ruleX(data.filter((d) => d.interval), { x, y1: (d) => d.interval[0], y2: (d) => d.interval[1], stroke: (d) => (marked(m, d) ? '#b42318' : '#0550ae'), strokeWidth: 2 }),
          Plot.dot(data, { x, y: 'score', fill: (d) => (marked(m, d) ? '#b42318' : '#0550ae'), r: 4 }),
        ],
      }))
    })

  const render = (d) => {
    if (d.scales) DOMAIN.ces = d.scales.ces
    const s = d.summary
    document.getElementById('status').textContent =
      `${s.count} answers${d.samples ? `, ${d.samples} of them sample data` : ''} · updated ${new Date(d.generatedAt).toLocaleTimeString()}`
    const flag = document.getElementById('small')
    flag.hidden = s.count >= SMALL
    flag.textContent = s.count >= SMALL ? '' : `Small sample: ${s.count} answers (fewer than ${SMALL}); read the figures as a first hint only.`
    fill('kpis', ...(s.count ? kpis(s.metrics) : [el('p', {}, 'No answers yet.')]))

    // Journey map: stages left to right.
    const weakest = d.weakest
    fill('journey', ...s.stages.map((st) => {
      const weak = ORDER.filter((m) => weakest[m] == st.stage)
      return el('li', { class: weak.length ? 'weakest' : null },
        weak.length ? el('span', { class: 'badge' }, 'Weakest: ' + weak.map((m) => NAMES[m]).join(', ')) : null,
        el('h3', {}, st.stage),
        el('div', { class: 'sub' }, `${st.count} answers`, small(st.count)),
        el('dl', {}, ORDER.filter((m) => st.metrics[m]).map((m) => [
          el('dt', {}, `${NAMES[m]} ${fmt(m, st.metrics[m].score)}`),
          el('dd', {}, `n ${st.metrics[m].count} · 95% ${fmtI(m, st.metrics[m].interval)}`),
        ])))
    }))
    const stageRows = s.stages.flatMap((st) => ORDER.filter((m) => st.metrics[m]).map((m) => ({ stage: st.stage, metric: m, ...st.metrics[m] })))
    const stageNames = s.stages.map((st) => st.stage)
    fill('journey-charts', pair(
      scoreCharts(stageRows, 'stage', stageNames, 'stage', (m, r) => weakest[m] == r.stage),
      table('Scores by stage', ['Stage', 'Metric', 'Score', '95% interval', 'Answers'],
        stageRows.map((r) => [r.stage, NAMES[r.metric], fmt(r.metric, r.score), fmtI(r.metric, r.interval), r.count]), [2, 4])))

    // Touchpoints.
    const tps = Object.entries(s.touchpoints)
    fill('touchpoints', tps.length ? table('Scores by touchpoint', ['Touchpoint', 'Answers', ...ORDER.map((m) => NAMES[m]), '95% intervals'],
      tps.map(([id, t]) => [id, String(t.count) + (t.count < SMALL ? ' (small)' : ''), ...ORDER.map((m) => (t.metrics[m] ? fmt(m, t.metrics[m].score) : '')),
        ORDER.filter((m) => t.metrics[m]).map((m) => `${NAMES[m]} ${fmtI(m, t.metrics[m].interval)}`).join('; ')]), [1, 2, 3, 4, 5]) : el('p', {}, 'No answers yet.'))

    // Web vitals by stage.
    const vs = d.vitalsByStage
    fill('vitals', vs.length ? pair(
      figure('Share of answers by rating', Plot.plot({
        width: Math.max(420, 90 * stageNames.length), height: 230, marginBottom: 56,
        ariaLabel: 'Web-vitals ratings by stage',
        fx: { domain: ['LCP', 'INP'], label: null },
        x: { domain: stageNames, label: null, tickRotate: -30 },
        y: { domain: [0, 100], label: '% of answers', grid: true },
        color: { domain: RATINGS, range: RATING_COLORS, legend: true, tickFormat: (r) => RATING_NAMES[r] },
        marks: [Plot.barY(vs, { fx: 'vital', x: 'stage', y: 'share', fill: 'rating', order: RATINGS })],
      })),
      table('Web-vitals ratings by stage', ['Stage', 'Vital', 'Rating', 'Share', 'Answers'],
        vs.map((r) => [r.stage, r.vital, RATING_NAMES[r.rating], Math.round(r.share) + '%', r.n]), [3, 4])) : el('p', {}, 'No answers with web vitals yet.'))

    // Scores by rating.
    const br = d.byRating
    fill('rating', br.length ? ['LCP', 'INP'].map((v) => {
      const rows = br.filter((r) => r.vital == v)
      return el('div', {}, el('h3', {}, v == 'LCP' ? 'By LCP (loading)' : 'By INP (responsiveness)'), pair(
        scoreCharts(rows, 'rating', RATINGS, v + ' rating'),
        table(`Scores by ${v} rating`, ['Rating', 'Metric', 'Score', '95% interval', 'Answers'],
          rows.map((r) => [RATING_NAMES[r.rating], NAMES[r.metric], fmt(r.metric, r.score), fmtI(r.metric, r.interval), r.count]), [2, 4])))
    }) : el('p', {}, 'No answers with web vitals yet.'))

    // Distributions.
    const dist = Object.entries(d.distributions)
    fill('dist', dist.length ? pair(
      dist.map(([m, rows]) => figure(NAMES[m], Plot.plot({
        width: 260, height: 180, marginLeft: 40, ariaLabel: `Distribution of ${NAMES[m]} scores`,
        x: { label: 'score', tickFormat: m == 'thumbs' ? (s) => (s ? 'up' : 'down') : undefined },
        y: { label: 'answers', grid: true },
        marks: [Plot.barY(rows, { x: 'score', y: 'n', fill: '#0550ae' }), Plot.ruleY([0])],
      }))),
      table('Answers per score', ['Metric', 'Score', 'Answers'], dist.flatMap(([m, rows]) => rows.map((r) => [NAMES[m], m == 'thumbs' ? (r.score ? 'up' : 'down') : r.score, r.n])), [1, 2])) : el('p', {}, 'No answers yet.'))

    // Trend by day.
    const tr = d.trend.map((r) => ({ ...r, date: new Date(r.day + 'T00:00:00Z') }))
    fill('trend', tr.length ? pair(
      ORDER.filter((m) => tr.some((r) => r.metric == m)).map((m) => {
        const rows = tr.filter((r) => r.metric == m)
        return figure(NAMES[m], Plot.plot({
          width: 340, height: 190, marginLeft: 44, ariaLabel: `${NAMES[m]} by day`,
          x: { type: 'utc', label: null }, y: { domain: DOMAIN[m], label: NAMES[m], grid: true },
          marks: [
            Plot.areaY(rows.filter((r) => r.interval), { x: 'date', y1: (r) => r.interval[0], y2: (r) => r.interval[1], fill: '#0550ae', fillOpacity: 0.12 }),
            Plot.lineY(rows, { x: 'date', y: 'score', stroke: '#0550ae' }),
            Plot.dot(rows, { x: 'date', y: 'score', fill: '#0550ae', r: 2 }),
          ],
        }))
      }),
      table('Scores by day', ['Day', 'Metric', 'Score', 'Answers'], tr.slice().reverse().map((r) => [r.day, NAMES[r.metric], fmt(r.metric, r.score), r.count]), [2, 3])) : el('p', {}, 'No answers yet.'))

    // Comments.
    fill('comments', ...(d.comments.length ? d.comments.map((c) =>
      el('li', {},
        el('div', { class: 'meta' }, `${NAMES[c.metric]} ${c.metric == 'thumbs' ? (c.score ? 'up' : 'down') : c.score} · ${c.touchpoint}${c.stage ? ' · ' + c.stage : ''} · `,
          el('time', { datetime: c.createdAt }, new Date(c.createdAt).toLocaleString())),
        el('blockquote', {}, c.comment))) : [el('li', {}, 'No comments on low scores yet.')]))
  }

  let last = ''
  const tick = async () => {
    try {
      const res = await fetch('/dashboard.json', { cache: 'no-store' })
      if (!res.ok) throw new Error('HTTP ' + res.status)
      const d = await res.json()
      const key = JSON.stringify({ ...d, generatedAt: 0 })
      if (key != last) {
        last = key
        render(d)
      }
    } catch (e) {
      document.getElementById('status').textContent = 'Could not load the figures (' + (e && e.message) + '); retrying.'
    }
  }
  tick()
  setInterval(tick, 4000)
})()
