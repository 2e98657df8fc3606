// The dashboard's building blocks: elements from text (never HTML), sortable tables, plurals,
// number formats and the Plot charts. dashboard.client.js fetches and composes them.
/* global Plot */
;(() => {
  const NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES', thumbs: 'Thumbs up' }
  const ORDER = ['nps', 'csat', 'ces', 'thumbs']
  const SMALL = 30
  // Score axes: NPS −100…100, shares 0–100 %, CES on its own scale (from /dashboard.json).
  const DOMAIN = { nps: [-100, 100], csat: [0, 100], ces: [1, 7], thumbs: [0, 100] }

  const fmt = (m, v) => (v == null ? '–' : m == 'ces' ? v.toFixed(1) : m == 'nps' ? (v > 0 ? '+' : '') + Math.round(v) : Math.round(v) + '%')
  const fmtI = (m, i) => (i ? `${fmt(m, i[0])} to ${fmt(m, i[1])}` : 'n < 2')
  /** "1 answer", "2 answers"; `many` for irregular plurals. */
  const plural = (n, one, many = one + 's') => `${n.toLocaleString('en-US')} ${n == 1 ? one : many}`

  /** el('td', { class: 'num' }, 'text', child…): children are strings (as text) or nodes. */
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) if (v != null && v !== false) e.setAttribute(k, v === true ? '' : String(v))
    for (const k of kids.flat(Infinity)) if (k != null) e.append(k instanceof Node ? k : document.createTextNode(String(k)))
    return e
  }
  const fill = (id, ...kids) => document.getElementById(id).replaceChildren(...kids.flat(Infinity).filter((k) => k != null))

  /**
   * A table whose column headers are sort buttons (aria-sort on the sorted one). A cell is a
   * value, or [shown, sortKey] when the text does not sort right ("+20", "60%", "–").
   * On a phone each row becomes a card, its cells labelled by their column (data-label).
   */
  const table = (caption, head, rows, numeric = []) => {
    const sortKey = (c) => (Array.isArray(c) ? c[1] : c)
    const shown = (c) => (Array.isArray(c) ? c[0] : c)
    const body = el('tbody')
    const draw = (rs) =>
      body.replaceChildren(...rs.map((r) => el('tr', {}, r.map((c, i) =>
        el(i == 0 ? 'th' : 'td', { scope: i == 0 ? 'row' : null, class: numeric.includes(i) ? 'num' : null, 'data-label': head[i] }, shown(c))))))
    const ths = head.map((h, i) => {
      const th = el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null })
      const b = el('button', { type: 'button', class: 'sort' }, h)
      b.addEventListener('click', () => {
        const dir = th.getAttribute('aria-sort') == 'ascending' ? 'descending' : 'ascending'
        for (const o of ths) o.removeAttribute('aria-sort')
        th.setAttribute('aria-sort', dir)
        const sorted = rows.slice().sort((a, z) => {
          const x = sortKey(a[i])
          const y = sortKey(z[i])
          const c = x == null ? 1 : y == null ? -1 : typeof x == 'number' && typeof y == 'number' ? x - y : String(x).localeCompare(String(y))
          return dir == 'ascending' || x == null || y == null ? c : -c
        })
        draw(sorted)
      })
      th.append(b)
      return th
    })
    draw(rows)
    return el('div', { class: 'tablebox' }, el('table', {}, el('caption', {}, caption), el('thead', {}, el('tr', {}, ths)), body))
  }
  const pair = (chart, tbl) => el('div', { class: 'pair' }, el('div', { class: 'charts' }, chart), tbl)
  const small = (n) => (n < SMALL ? el('span', { class: 'small' }, ` small sample (${n})`) : null)
  const figure = (caption, svg) => el('figure', {}, el('figcaption', {}, caption), svg)
  /** The theme's colours for Plot, read from the stylesheet's custom properties. */
  const colors = () => {
    const s = getComputedStyle(document.documentElement)
    const v = (k) => s.getPropertyValue(k).trim()
    return { accent: v('--accent'), bad: v('--bad'), muted: v('--muted'), ratings: [v('--ok'), v('--warn'), v('--bad')] }
  }
  /**
   * Plot.plot, then one accessible image per chart: Plot labels each <g> of marks ("dot", "rule"),
   * which ARIA prohibits on an element without a role; the table beside each chart carries the
   * figures for a screen reader.
   */
  const plot = (options) => {
    const node = Plot.plot(options)
    for (const g of node.querySelectorAll('g[aria-label], g[aria-description]')) g.removeAttribute('aria-label'), g.removeAttribute('aria-description')
    // The chart is the labelled <svg>; a legend's colour swatches are decoration beside their text.
    for (const svg of [node, ...node.querySelectorAll('svg')].filter((n) => n.tagName.toLowerCase() == 'svg'))
      svg.setAttribute(...(svg.hasAttribute('aria-label') ? ['role', 'img'] : ['aria-hidden', 'true']))
    return node
  }
  // Transparent, so the page's own background (light or dark) shows; text in the page's colour.
  const STYLE = 'background: transparent; color: inherit; max-width: 100%; height: auto;'

  /** One small chart per metric: x categories, a dot per score and a rule for its interval. */
  const scoreCharts = (rows, x, domain, label, marked = () => false) => {
    const c = colors()
    return ORDER.filter((m) => rows.some((r) => r.metric == m)).map((m) => {
      const data = rows.filter((r) => r.metric == m)
      return figure(NAMES[m], plot({
        style: STYLE, width: Math.max(250, 52 * domain.length), height: 190, marginBottom: 56, marginLeft: 44,
        ariaLabel: `${NAMES[m]} by ${label}`,
        x: { domain, label: null, tickRotate: domain.length > 3 ? -30 : 0, tickFormat: (d) => (d == 'needs-improvement' ? 'needs impr.' : d) },
        y: { domain: DOMAIN[m], label: NAMES[m], grid: true },
        marks: [
          m == 'nps' ? Plot.ruleY([0], { stroke: c.muted }) : null,
          Plot.ruleX(data.filter((d) => d.interval), { x, y1: (d) => d.interval[0], y2: (d) => d.interval[1], stroke: (d) => (marked(m, d) ? c.bad : c.accent), strokeWidth: 2 }),
          Plot.dot(data, { x, y: 'score', fill: (d) => (marked(m, d) ? c.bad : c.accent), r: 4 }),
        ],
      }))
    })
  }

  /** Trend of one metric: the 95% band, the line, solid points; hollow points and dashes when small. */
  const trendChart = (m, points, period) => {
    const c = colors()
    const rows = points.map((p) => ({ ...p, date: new Date(p.start + 'T00:00:00Z') }))
    const sure = rows.filter((r) => r.score != null && !r.small)
    return figure(NAMES[m], plot({
      style: STYLE, width: 340, height: 190, marginLeft: 44, ariaLabel: `${NAMES[m]} by ${period}`,
      x: { type: 'utc', label: null }, y: { domain: DOMAIN[m], label: NAMES[m], grid: true },
      marks: [
        Plot.areaY(rows.map((r) => (r.small || !r.interval ? { ...r, lo: null, hi: null } : { ...r, lo: r.interval[0], hi: r.interval[1] })), { x: 'date', y1: 'lo', y2: 'hi', fill: c.accent, fillOpacity: 0.15 }),
        Plot.lineY(rows, { x: 'date', y: 'score', stroke: c.accent, strokeDasharray: '4 3', strokeOpacity: 0.6 }),
        Plot.lineY(rows.map((r) => (r.small ? { ...r, score: null } : r)), { x: 'date', y: 'score', stroke: c.accent }),
        Plot.dot(sure, { x: 'date', y: 'score', fill: c.accent, r: 3 }),
        Plot.dot(rows.filter((r) => r.score != null && r.small), { x: 'date', y: 'score', stroke: c.accent, fill: 'none', r: 3 }),
      ],
    }))
  }

  window.TouchpointView = { NAMES, ORDER, SMALL, DOMAIN, fmt, fmtI, plural, el, fill, table, pair, small, figure, colors, STYLE, plot, scoreCharts, trendChart }
})()
