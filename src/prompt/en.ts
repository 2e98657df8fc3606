// English: the prompt file carries it, so a page in English fetches no pack. Every other locale
// is a file of its own (src/i18n/<code>.ts), fetched on demand. Keys and their meaning: Strings
// in ../contract.ts. The feedback tab's two strings are in its own file (../tab/en.ts).
import type { PromptStrings } from '../contract'

export const en: PromptStrings = {
  dir: 'ltr',
  csatQuestion: 'How satisfied are you with your experience?',
  npsQuestion: 'How likely are you to recommend us to a friend or colleague?',
  cesQuestion: 'How easy was it to get what you needed today?',
  thumbsQuestion: 'Was this helpful?',
  csatLow: 'Very dissatisfied',
  csatHigh: 'Very satisfied',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  thumbsDown: 'No',
  thumbsUp: 'Yes',
  outOf: '{score} of {max}',
  commentLabel: 'Tell us more',
  commentLow: 'What could we do better?',
  commentHigh: 'What did you like most?',
  commentOptional: '(optional)',
  commentRequired: '(required)',
  send: 'Send',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
  contactQuestion: 'May we contact you about this?',
  contactConsent: 'Yes, you may contact me',
  contactEmail: 'Your e-mail address',
  contactInvalid: 'Enter a valid e-mail address, or untick the box.',
}
