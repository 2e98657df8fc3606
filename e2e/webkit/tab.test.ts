// The feedback tab in WebKit (no requestIdleCallback: the tab comes right after the page's task):
// it shows, opens by mouse and keyboard, delivers its touchpoint, stage and context.via, honours
// the page's override, Escape gives focus back, and its × hides it across a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, startCollector } from '../helpers'
import { page, perFile, serve, until } from './kit'

const kit = perFile()
beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  await kit.start()
})
afterAll(() => kit.stop())

const TAB = `(() => { const h = document.querySelector('touchpoint-tab'); return h && h.shadowRoot && h.shadowRoot.querySelector('button.tab') })()`

describe('the feedback tab in WebKit', () => {
  it('opens the prompt by mouse and by keyboard, delivers via the tab, follows the override, and its × lasts', async () => {
    const collector = await startCollector()
    const web = await serve({
      '/tab': page({ endpoint: collector.endpoint, attrs: 'data-tab="csat" data-tab-stage="usage" data-sample-rate="0"' }),
      '/checkout': page({
        endpoint: collector.endpoint,
        attrs: 'data-tab',
        body: '<div data-touchpoint-tab data-touchpoint="checkout-tab" data-touchpoint-ask="ces"></div>',
      }),
    })
    try {
      const s = kit.s
      await s.open(web.url + '/tab')
      await until('the tab', () => s.js<boolean>('!!' + TAB))
      expect(await s.js<string>(TAB + '.getAttribute("aria-expanded")')).toBe('false')
      const tab = await s.inPrompt('button.tab', 'touchpoint-tab')
      await tab.click()
      await (await s.inPrompt('[role=radio][data-score="4"]')).click()
      await until('the answer delivered', () => collector.answers.some((a) => a.touchpoint == 'tab'))
      expect(collector.answers.find((a) => a.touchpoint == 'tab')).toMatchObject({ metric: 'csat', score: 4, stage: 'usage', context: { via: 'tab' } })
      await until('the prompt gone', async () => (await s.count('touchpoint-prompt')) == 0)

      // Keyboard: Enter opens, Escape closes and gives focus back to the tab.
      await s.js(TAB + '.focus()')
      await s.press('Enter')
      await s.inPrompt('[role=radio]')
      await until('focus in the prompt', () => s.js<boolean>(`document.activeElement && document.activeElement.localName == 'touchpoint-prompt'`))
      await s.press('Escape')
      await until('the prompt gone', async () => (await s.count('touchpoint-prompt')) == 0)
      await until('focus back on the tab', () => s.js<boolean>(`document.activeElement && document.activeElement.localName == 'touchpoint-tab'`))

      // The page's override.
      await s.open(web.url + '/checkout')
      await (await s.inPrompt('button.tab', 'touchpoint-tab')).click()
      await (await s.inPrompt('[role=radio][data-score="6"]')).click()
      await until('the checkout answer', () => collector.answers.some((a) => a.touchpoint == 'checkout-tab'))
      expect(collector.answers.find((a) => a.touchpoint == 'checkout-tab')).toMatchObject({ metric: 'ces', context: { via: 'tab' } })
      await until('the prompt gone', async () => (await s.count('touchpoint-prompt')) == 0)

      // The ×, then a reload: no tab.
      await (await s.inPrompt('button.x', 'touchpoint-tab')).click()
      expect(await s.count('touchpoint-tab')).toBe(0)
      await s.open(web.url + '/checkout')
      await until('the tab file fetched', () => s.js<boolean>(`performance.getEntriesByType('resource').some((e) => e.name.includes('touchpoint.tab.js'))`))
      await s.await('new Promise((r) => setTimeout(r, 0))')
      expect(await s.count('touchpoint-tab')).toBe(0)
      await s.js(`localStorage.removeItem('touchpoint:tab')`)
    } finally {
      await web.close()
      await collector.close()
    }
  })
})
