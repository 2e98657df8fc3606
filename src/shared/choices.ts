// The values of init()'s options that take one of a few words: the core checks them
// (src/core/options.ts) and the explain file lists them in its warnings (src/explain/).
export const themes = ['auto', 'light', 'dark'] as const
export const positions = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const
export const prefetchModes = ['none', 'idle'] as const
