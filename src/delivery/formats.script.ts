// Where the delivery formats come from for the script tag: dist/touchpoint.format.<name>.js, beside
// the engine's own file (and so beside touchpoint.js), fetched with import() as the core fetches
// the engine (src/core/modules.script.ts says why import()).
import type { FormatPart } from '../contract'

/**
 * The file of a format the engine has checked the name of (or of `transport`), resolved against
 * the engine's own URL. A fetch that failed stays failed in the page's module map: the engine
 * keeps the answers stored, and the next page fetches it again.
 */
export const importFormat = (name: string): Promise<FormatPart> =>
  import(/* @vite-ignore */ './touchpoint.format.' + name + '.js') as Promise<FormatPart>
