declare const __VERSION__: string
/** Replaced at build time with package.json's version. */
export const VERSION: string = typeof __VERSION__ == 'string' ? __VERSION__ : '0.0.0'
