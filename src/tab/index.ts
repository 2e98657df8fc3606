// Entry of the feedback tab's file (dist/touchpoint.tab.js; the npm module's tab chunk): one
// button and its ×, fetched when the page is idle, only on sites that turn the tab on.
export { showTab } from './tab'
