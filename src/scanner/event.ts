import { listen } from './trigger'

/** `event:NAME`: a CustomEvent NAME is dispatched on window (the app says when). */
export const event = (name: string) => (_: Element, fire: () => void) => listen(window, name, fire)
