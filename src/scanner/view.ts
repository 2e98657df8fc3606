import type { Trigger } from './trigger'

/**
 * `view`: at least half of the element has been visible for a moment (1 s, so scrolling past
 * does not count). Coming within a screen's height of the viewport is the sign that it may fire.
 */
export const view: Trigger = (el, fire, soon) => {
  let t: ReturnType<typeof setTimeout> | undefined
  const io = new IntersectionObserver(
    ([e]) => {
      clearTimeout(t)
      if (e!.intersectionRatio >= 0.5) t = setTimeout(fire, 1000)
    },
    { threshold: 0.5 },
  )
  const near = new IntersectionObserver(([e]) => e!.isIntersecting && soon(), { rootMargin: '100% 0px' })
  io.observe(el)
  near.observe(el)
  return () => {
    clearTimeout(t)
    io.disconnect()
    near.disconnect()
  }
}
