// Every text a visitor can see or hear, in one place per locale.
export const en = {
  question: {
    csat: 'How satisfied are you with your experience?',
    nps: 'How likely are you to recommend us to a friend or colleague?',
    ces: 'How easy was it to get what you needed today?',
    thumbs: 'Was this helpful?',
  },
  // Words under the two ends of each scale; they are also part of the end choices' accessible names.
  low: { csat: 'Very dissatisfied', nps: 'Not at all likely', ces: 'Very difficult', thumbs: 'No' },
  high: { csat: 'Very satisfied', nps: 'Extremely likely', ces: 'Very easy', thumbs: 'Yes' },
  /** Accessible name of a numeric choice, e.g. "9 of 10". */
  outOf: (score: number, max: number) => score + ' of ' + max,
  commentLabel: 'Tell us more',
  commentOptional: '(optional)',
  send: 'Send',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
}
export type Strings = typeof en
