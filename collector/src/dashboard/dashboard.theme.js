// Runs before the page paints, so a remembered dark theme never flashes white. The choice lives
// in localStorage ('touchpoint-theme': 'dark' | 'light'); without one, the system's preference
// rules through the stylesheet's prefers-color-scheme.
;(() => {
  try {
    const t = localStorage.getItem('touchpoint-theme')
    if (t == 'dark' || t == 'light') document.documentElement.dataset.theme = t
  } catch {
    // Storage refused (a private window's policy): the system preference still applies.
  }
})()
