// Vue 3: a composable with the last answer as a ref.
//   const { answer, ask } = useTouchpoint({ endpoint: '/v1/responses' })
//   <button @click="ask('nps', { touchpoint: 'onboarding-done', stage: 'onboarding' })">Done</button>
import { onMounted, ref, type Ref } from 'vue'
import { ask as askTouchpoint, init, type Answer, type AskOptions, type Metric, type Options } from 'touchpoint'

let started = false

export function useTouchpoint(options: Partial<Options>): { answer: Ref<Answer | null>; ask: (metric: Metric, o: AskOptions) => Promise<Answer | null> } {
  const answer = ref<Answer | null>(null) as Ref<Answer | null>
  onMounted(() => {
    if (!started) (started = true), init(options)
  })
  const ask = async (metric: Metric, o: AskOptions) => (answer.value = await askTouchpoint(metric, o))
  return { answer, ask }
}
