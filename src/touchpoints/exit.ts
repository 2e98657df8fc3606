import { listen, type Trigger } from './trigger'

/**
 * `exit`: exit intent. With a mouse, the pointer leaves the page through its top edge (towards
 * the tabs or the address bar). On touch screens, where no pointer leaves, a quick scroll back up
 * — a third of the screen within half a second, after reading further down — stands for it.
 */
export const exit: Trigger = (_, fire) => {
  let from = 0
  let since = 0
  const offMouse = listen(document, 'mouseout', (e) => {
    if (!(e as MouseEvent).relatedTarget && (e as MouseEvent).clientY <= 0) fire()
  })
  const offScroll = listen(window, 'scroll', () => {
    const now = performance.now()
    // `from`: the lowest point of the last half second.
    if (scrollY >= from || now - since > 500) (from = scrollY), (since = now)
    if (from > innerHeight / 2 && from - scrollY > innerHeight / 3 && matchMedia('(pointer:coarse)').matches) fire()
  })
  return () => (offMouse(), offScroll())
}
