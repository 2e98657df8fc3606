export type Engine = 'chromium' | 'firefox' | 'webkit'
export const ENGINES: Engine[]
export const APT: Record<Engine, string>
export const FIREFOX_MIN: number
export const CHROMIUM_ARGS: string[]
export function chromiumPath(): string | null
export function firefoxPath(): string | null
export function firefoxVersion(bin: string): number | null
export function webkitPaths(): { driver: string | null; browser: string | null; xvfb: string | null }
export function missing(engine: Engine): string | null
