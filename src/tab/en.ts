// The feedback tab's English: the tab file carries it, so a page in English fetches no pack for
// it. In every pack these two keys come last (after the prompt's), so the tab reads a built pack's
// last two entries (rollup.config.ts puts the keys in that order). Meaning: Strings in ../contract.ts.
import type { TabStrings } from '../contract'

export const en: TabStrings = {
  tabLabel: 'Feedback',
  tabHide: "Don't show this",
}
