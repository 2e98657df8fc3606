// For unit tests only (nothing shipped imports it): one complete answer, as a prompt gives it.
import type { Answer } from '../contract'

/** A CSAT 4 answer on touchpoint `tp`, created now; `over` changes any field. */
export const testAnswer = (id: string, over: Partial<Answer> = {}): Answer => ({
  id,
  touchpoint: 'tp',
  metric: 'csat',
  score: 4,
  scale: { min: 1, max: 5 },
  question: 'Q?',
  createdAt: new Date().toISOString(),
  revision: 1,
  page: { url: 'https://shop.example.com/', title: '', referrer: '' },
  ...over,
})
