import type { TabHost } from '../contract'
import { askFrom, prepare } from './ask'
import { whenIdle } from './idle'
import { chooseLocale } from './locale'
import { importTab } from './modules'
import { fetchPack, fetchPart, supported } from './parts'
import { onDestroy, running, type State } from './state'

/**
 * The core's part of the feedback tab (`tab` option): once the page is idle it fetches the tab's
 * own file, which reads its options and draws it; pages without a tab never pay for it. Kept to
 * a few lines: every page view carries the core. destroy() removes the tab.
 */
export const startTab = (s: State, tab: unknown): void => {
  // askFrom and prepare as the scanner gets them (watch.ts): the same bytes compress to little.
  const host: TabHost = { ...s, askFrom, prepare, tab, pack: fetchPack, locale: chooseLocale(s.options.locale) }
  const show = () =>
    // A tab that cannot be fetched is said in debug mode only: its text would cost every page view.
    // A browser that could not show a prompt (parts.ts `supported`) gets no tab either.
    void (
      supported() &&
      fetchPart('tab', importTab, () => {}, false).then((m) => {
        // Not after destroy() (nor a later init()): this start is over.
        if (m && running() == s) onDestroy(m.showTab(host))
      })
    )
  // When the page is idle, at the latest after 2 s (a busy page still gets its tab); where
  // requestIdleCallback is missing (Safari), whenIdle's timer stands in for it.
  whenIdle(show, 2000)
}
