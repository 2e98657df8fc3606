// Danish
import type { Strings } from '../contract'

const da: Strings = {
  dir: 'ltr',
  csatQuestion: 'Hvor tilfreds er du med din oplevelse?',
  npsQuestion: 'Hvor sandsynligt er det, at du vil anbefale os til en ven eller kollega?',
  cesQuestion: 'Hvor nemt var det at få det, du havde brug for i dag?',
  thumbsQuestion: 'Var dette nyttigt?',
  csatLow: 'Meget utilfreds',
  csatHigh: 'Meget tilfreds',
  npsLow: 'Slet ikke sandsynligt',
  npsHigh: 'Meget sandsynligt',
  cesLow: 'Meget svært',
  cesHigh: 'Meget nemt',
  thumbsDown: 'Nej',
  thumbsUp: 'Ja',
  outOf: '{score} ud af {max}',
  commentLabel: 'Fortæl os mere',
  commentLow: 'Hvad kunne vi gøre bedre?',
  commentHigh: 'Hvad var du mest glad for?',
  commentOptional: '(valgfrit)',
  commentRequired: '(påkrævet)',
  send: 'Send',
  close: 'Luk',
  thanks: 'Tak for din feedback!',
  contactQuestion: 'Må vi kontakte dig om dette?',
  contactConsent: 'Ja, I må gerne kontakte mig',
  contactEmail: 'Din e-mailadresse',
  contactInvalid: 'Indtast en gyldig e-mailadresse, eller fjern markeringen.',
  tabLabel: 'Feedback',
  tabHide: 'Vis ikke igen',
}

export default da
