// React: a hook that starts Touchpoint once and asks when the component says so.
//   const ask = useTouchpoint({ endpoint: '/v1/responses' })
//   <button onClick={() => ask('csat', { touchpoint: 'checkout-done', stage: 'purchase' })}>Done</button>
import { useCallback, useEffect } from 'react'
import { ask, init, type Answer, type AskOptions, type Metric, type Options } from 'touchpoint'

let started = false

export function useTouchpoint(options: Partial<Options>): (metric: Metric, o: AskOptions) => Promise<Answer | null> {
  useEffect(() => {
    // init() once per page, whatever React mounts twice (strict mode, several components).
    if (!started) (started = true), init(options)
  }, [])
  return useCallback((metric: Metric, o: AskOptions) => ask(metric, o), [])
}
