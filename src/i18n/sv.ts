// Swedish
import type { Strings } from '../contract'

const sv: Strings = {
  dir: 'ltr',
  csatQuestion: 'Hur nöjd är du med din upplevelse?',
  npsQuestion: 'Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?',
  cesQuestion: 'Hur enkelt var det att få det du behövde i dag?',
  thumbsQuestion: 'Var det här till hjälp?',
  csatLow: 'Mycket missnöjd',
  csatHigh: 'Mycket nöjd',
  npsLow: 'Inte alls troligt',
  npsHigh: 'Mycket troligt',
  cesLow: 'Mycket svårt',
  cesHigh: 'Mycket enkelt',
  thumbsDown: 'Nej',
  thumbsUp: 'Ja',
  outOf: '{score} av {max}',
  commentLabel: 'Berätta mer',
  commentLow: 'Vad kan vi göra bättre?',
  commentHigh: 'Vad uppskattade du mest?',
  commentOptional: '(valfritt)',
  commentRequired: '(obligatoriskt)',
  send: 'Skicka',
  close: 'Stäng',
  thanks: 'Tack för dina synpunkter!',
  contactQuestion: 'Får vi kontakta dig om detta?',
  contactConsent: 'Ja, ni får kontakta mig',
  contactEmail: 'Din e-postadress',
  contactInvalid: 'Ange en giltig e-postadress eller avmarkera rutan.',
  tabLabel: 'Synpunkter',
  tabHide: 'Visa inte igen',
}

export default sv
