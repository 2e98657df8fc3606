// Every text a visitor can see or hear, in one flat table per locale: flat keys are what
// `texts` / `data-texts` override, and what a translator fills in. English ships inside the
// prompt file; every other locale is a file of its own (src/i18n/<code>.ts), fetched on demand.
export const en = {
  /** Writing direction of the language: 'rtl' for Arabic, Hebrew, Persian. */
  dir: 'ltr' as 'ltr' | 'rtl',
  csatQuestion: 'How satisfied are you with your experience?',
  npsQuestion: 'How likely are you to recommend us to a friend or colleague?',
  cesQuestion: 'How easy was it to get what you needed today?',
  thumbsQuestion: 'Was this helpful?',
  // Words under the two ends of each scale; also part of the end choices' accessible names.
  csatLow: 'Very dissatisfied',
  csatHigh: 'Very satisfied',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  thumbsDown: 'No',
  thumbsUp: 'Yes',
  /** Accessible name of a numeric choice: {score} and {max} are replaced, e.g. "9 of 10". */
  outOf: '{score} of {max}',
  /** The comment step after a middle score (or whenever the band is not known). */
  commentLabel: 'Tell us more',
  /** The comment step after a low score (NPS 0–6, CSAT 1–3, CES 1–4, thumbs down). */
  commentLow: 'What could we do better?',
  /** The comment step after a high score (NPS 9–10, CSAT 4–5, CES 6–7, thumbs up). */
  commentHigh: 'What did you like most?',
  commentOptional: '(optional)',
  commentRequired: '(required)',
  send: 'Send',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
  /** Heading (legend) of the contact step, offered after a low score when the site enables `contact`. */
  contactQuestion: 'May we contact you about this?',
  /** Label of the contact step's checkbox (unticked by default): consent to be contacted about this answer. */
  contactConsent: 'Yes, you may contact me',
  /** Label of the contact step's e-mail field (not shown when the site already knows who the visitor is). */
  contactEmail: 'Your e-mail address',
  /** Error shown (and announced) when the box is ticked but the e-mail is not valid. */
  contactInvalid: 'Enter a valid e-mail address, or untick the box.',
  /** Visible label and accessible name of the feedback tab fixed at a screen edge (`data-tab`). */
  tabLabel: 'Feedback',
  /** Accessible name (and tooltip) of the tab's small ×, which hides the tab for some days. */
  tabHide: "Don't show this",
}
export type Strings = typeof en
export type TextKey = keyof Strings
