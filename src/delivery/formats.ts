// Where the delivery formats come from in the npm module: one chunk per format, each imported by
// a static specifier so that every bundler makes it a chunk of its own. The script-tag build swaps
// this file for ./formats.script.ts (rollup.config.ts); both export the same name.
import type { FormatPart } from '../contract'

const formats: Record<string, () => Promise<FormatPart>> = {
  segment: () => import('../formats/segment'),
  cloudevents: () => import('../formats/cloudevents'),
  posthog: () => import('../formats/posthog'),
  transport: () => import('../formats/transport'),
}
/** The file of a format the engine has checked the name of (or of `transport`). */
export const importFormat = (name: string): Promise<FormatPart> => formats[name]!()
