import type { Trigger } from './trigger'

/** `view`: at least half of the element has been visible for a moment (1 s, so scrolling past does not count). */
export const view: Trigger = (el, fire) => {
  let t: ReturnType<typeof setTimeout> | undefined
  const io = new IntersectionObserver(
    ([e]) => {
      clearTimeout(t)
      if (e!.intersectionRatio >= 0.5) t = setTimeout(fire, 1000)
    },
    { threshold: 0.5 },
  )
  io.observe(el)
  return () => {
    clearTimeout(t)
    io.disconnect()
  }
}
