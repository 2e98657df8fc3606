// Entry of the prompt file (dist/touchpoint.prompt.js; the npm module's prompt chunk): Preact,
// the view, its styles, the English strings and the building of answers, fetched the first
// time a prompt is wanted.
export { show } from './show'
