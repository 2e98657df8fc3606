// Norwegian Bokmål
import type { Strings } from '../contract'

const nb: Strings = {
  dir: 'ltr',
  csatQuestion: 'Hvor fornøyd er du med opplevelsen din?',
  npsQuestion: 'Hvor sannsynlig er det at du vil anbefale oss til en venn eller kollega?',
  cesQuestion: 'Hvor enkelt var det å få det du trengte i dag?',
  thumbsQuestion: 'Var dette nyttig?',
  csatLow: 'Svært misfornøyd',
  csatHigh: 'Svært fornøyd',
  npsLow: 'Svært lite sannsynlig',
  npsHigh: 'Svært sannsynlig',
  cesLow: 'Svært vanskelig',
  cesHigh: 'Svært enkelt',
  thumbsDown: 'Nei',
  thumbsUp: 'Ja',
  outOf: '{score} av {max}',
  commentLabel: 'Fortell oss mer',
  commentLow: 'Hva kunne vi gjort bedre?',
  commentHigh: 'Hva likte du best?',
  commentOptional: '(valgfritt)',
  commentRequired: '(påkrevd)',
  send: 'Send',
  close: 'Lukk',
  thanks: 'Takk for tilbakemeldingen!',
  contactQuestion: 'Kan vi kontakte deg om dette?',
  contactConsent: 'Ja, dere kan kontakte meg',
  contactEmail: 'E-postadressen din',
  contactInvalid: 'Skriv inn en gyldig e-postadresse, eller fjern haken.',
  tabLabel: 'Tilbakemelding',
  tabHide: 'Ikke vis igjen',
}

export default nb
