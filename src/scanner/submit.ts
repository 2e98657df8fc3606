import { listen, listenAll, type Trigger } from './trigger'

/**
 * `submit`: its form is submitted — the element itself when it is a form, else the form it is in.
 * A visitor filling in the form is the sign that a submit may follow.
 */
export const submit: Trigger = (el, fire, soon) => {
  const form = el.closest('form') ?? (el as HTMLButtonElement).form
  if (!form) return () => {}
  const offSoon = listenAll(form, ['focusin', 'pointerenter'], soon)
  const offSubmit = listen(form, 'submit', fire)
  return () => (offSoon(), offSubmit())
}
