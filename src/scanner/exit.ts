import { listen, type Trigger } from './trigger'

/**
 * `exit`: exit intent. With a mouse, the pointer leaves the page through its top edge (towards
 * the tabs or the address bar); moving up through the top tenth of the window is the early sign.
 * On touch screens, where no pointer leaves, a quick scroll back up — a third of the screen within
 * half a second, after reading further down — stands for it, and any scroll back up is the sign.
 */
export const exit: Trigger = (_, fire, soon) => {
  let from = 0
  let since = 0
  let lastY = Infinity
  const offMove = listen(document, 'mousemove', (e) => {
    const y = (e as MouseEvent).clientY
    if (y < lastY && y < innerHeight / 10) soon()
    lastY = y
  })
  const offMouse = listen(document, 'mouseout', (e) => {
    if (!(e as MouseEvent).relatedTarget && (e as MouseEvent).clientY <= 0) fire()
  })
  let lastScrollY = 0
  const offScroll = listen(window, 'scroll', () => {
    const now = performance.now()
    const up = scrollY < lastScrollY
    lastScrollY = scrollY
    // `from`: the lowest point of the last half second.
    if (scrollY >= from || now - since > 500) {
      from = scrollY
      since = now
    }
    if (!up || scrollY < innerHeight / 2 || !matchMedia('(pointer:coarse)').matches) return
    soon()
    if (from - scrollY > innerHeight / 3) fire()
  })
  return () => (offMove(), offMouse(), offScroll())
}
