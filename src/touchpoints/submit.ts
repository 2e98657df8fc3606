import { listen, type Trigger } from './trigger'

/** `submit`: its form is submitted — the element itself when it is a form, else the form it is in. */
export const submit: Trigger = (el, fire) => {
  const form = el.closest('form') ?? (el as HTMLButtonElement).form
  return form ? listen(form, 'submit', fire) : () => {}
}
