import type { TabHost } from '../contract'
import { safe } from '../shared/log'
import { pageQuestion, readTab, tabStrings } from './options'
import { styles } from './tab.css'

// When the visitor's × hid the tab (ms since the epoch), per site: it stays hidden dismissDays.
const HIDDEN = 'touchpoint:tab'
const DAY = 864e5
const SVG = 'http://www.w3.org/2000/svg'

const hiddenAt = (): number => {
  try {
    return Number(localStorage.getItem(HIDDEN)) || 0
  } catch {
    return 0
  }
}

let sheet: CSSStyleSheet | undefined

// A speech bubble, drawn with SVG attributes (a style attribute is refused under a strict CSP).
const icon = (): SVGSVGElement => {
  const svg = document.createElementNS(SVG, 'svg')
  const path = document.createElementNS(SVG, 'path')
  for (const [k, v] of [['viewBox', '0 0 24 24'], ['width', '18'], ['height', '18'], ['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2'], ['aria-hidden', 'true']])
    svg.setAttribute(k!, v!)
  path.setAttribute('d', 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H10l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z')
  svg.append(path)
  return svg
}

/**
 * Puts the feedback tab on the page: a real button (WAI-ARIA disclosure: aria-expanded follows
 * its prompt) and a × that hides it for `dismissDays`. It sits in its own shadow root, appended
 * at the end of body so it comes after the page's own content in the focus order. Pressing it
 * opens the same prompt as any other, through the core (host.ask). Returns its removal.
 */
export const showTab = (host: TabHost): (() => void) => {
  // tab: false is off (the core fetched this file for anything but null or undefined).
  if (host.tab === false) return () => {}
  const o = readTab(host.tab)
  if (Date.now() - hiddenAt() < o.dismissDays * DAY) return () => {}
  let removed = false
  let unsubscribe = () => {}
  // A custom element name: host rules written for div, button… never match it.
  const el = document.createElement('touchpoint-tab')
  const remove = () => {
    removed = true
    unsubscribe()
    el.remove()
  }
  void Promise.resolve(host.pack(host.locale)).then(
    safe((pack) => {
      if (removed) return
      const t = { ...tabStrings(pack), ...host.options.texts }
      const theme = host.options.theme
      const dark = theme == 'dark' || (theme == 'auto' && matchMedia('(prefers-color-scheme:dark)').matches)
      el.className = o.position + ' m-' + o.mobile + (dark ? ' dark' : '')
      el.dir = t.dir
      // delegatesFocus: focusing the host (as the prompt does to give focus back) focuses the tab.
      const shadow = el.attachShadow({ mode: 'open', delegatesFocus: true })
      if (shadow.adoptedStyleSheets) {
        if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(styles)
        shadow.adoptedStyleSheets = [sheet]
      } else {
        // Browsers without constructable stylesheets: a <style> carrying the script tag's nonce.
        const style = document.createElement('style')
        style.nonce = host.nonce
        style.textContent = styles
        shadow.append(style)
      }
      const tab = document.createElement('button')
      const label = document.createElement('span')
      const x = document.createElement('button')
      tab.type = x.type = 'button'
      tab.className = 'tab'
      label.className = 'label'
      label.textContent = o.label || t.tabLabel
      tab.append(icon(), label)
      x.className = 'x'
      x.textContent = '×'
      x.title = t.tabHide
      x.setAttribute('aria-label', t.tabHide)
      let mine = false
      let asked = ''
      // aria-expanded: true while the prompt this tab opened is being fetched or on screen.
      const expanded = (a = host.asking.get()) => tab.setAttribute('aria-expanded', String(mine && a?.touchpoint == asked))
      // The prompt's file is fetched as soon as the visitor reaches for the tab: the core's
      // fetch-ahead, for an id no answer has and every visitor sampled, so only a missing
      // consent stands in its way (the tab's ask() is forced past sampling and cooldowns).
      const prepare = safe(() => host.prepare('', 1))
      for (const type of ['pointerenter', 'focus', 'pointerdown']) tab.addEventListener(type, prepare)
      tab.addEventListener(
        'click',
        safe(() => {
          if (tab.getAttribute('aria-expanded') == 'true') return
          // Safari does not focus a clicked button: focus it, so the prompt gives focus back here.
          tab.focus()
          const q = pageQuestion(o)
          asked = q.ask.touchpoint
          mine = true
          expanded({ touchpoint: asked })
          // force: no sampling, no cooldown (the visitor asked); not auto: outside the per-visit cap;
          // focus: the visitor's own press.
          const context = { via: 'tab' }
          void host.askFrom(q.metric, { ...q.ask, force: true, context }, false, true).then((answer) => {
            if (answer && o.after == 'hide') remove()
            else expanded()
          })
        }),
      )
      x.addEventListener(
        'click',
        safe(() => {
          try {
            localStorage.setItem(HIDDEN, String(Date.now()))
          } catch {
            /* storage blocked: hidden for this page only */
          }
          remove()
        }),
      )
      shadow.append(tab, x)
      const stopAsking = host.asking.listen((a) => expanded(a))
      // No prompt may show (consent withdrawn, destroy()): no tab either.
      const off = (granted: boolean) => el.classList.toggle('off', !granted)
      off(host.consent.get())
      const stopConsent = host.consent.listen(off)
      unsubscribe = () => (stopAsking(), stopConsent())
      expanded()
      document.body.append(el)
    }),
  )
  return remove
}
