// The floor of "script at load", measured by npm run bench beside the core, never shipped: the
// least a script can run that does what Touchpoint's core must do at load on a page that asks
// nothing. It reads its own tag's data-* attributes and checks the endpoint, defines its one
// global, and once the page is idle (1 s deadline) looks for answers an earlier visit left (is
// there an outbox database?) and for data-touchpoint elements, now and added later. Everything
// else the core does at load is the core's own cost, above this floor.
;(() => {
  const tag = document.currentScript
  const options = { ...tag.dataset }
  if (!/^https?:$/.test(new URL(options.endpoint, document.baseURI).protocol)) return
  window.Touchpoint = { version: 'floor' }
  requestIdleCallback(
    () => {
      indexedDB.databases().then((all) => all.some((d) => d.name == 'touchpoint'))
      const found = () => document.querySelector('[data-touchpoint]')
      if (!found()) new MutationObserver(found).observe(document.documentElement, { childList: true, subtree: true })
    },
    { timeout: 1000 },
  )
})()
