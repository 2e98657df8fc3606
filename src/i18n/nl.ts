// Dutch
import type { Strings } from '../contract'

const nl: Strings = {
  dir: 'ltr',
  csatQuestion: 'Hoe tevreden bent u over uw ervaring?',
  npsQuestion: 'Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?',
  cesQuestion: 'Hoe gemakkelijk kon u vandaag regelen wat u nodig had?',
  thumbsQuestion: 'Was dit nuttig?',
  csatLow: 'Zeer ontevreden',
  csatHigh: 'Zeer tevreden',
  npsLow: 'Zeer onwaarschijnlijk',
  npsHigh: 'Zeer waarschijnlijk',
  cesLow: 'Zeer moeilijk',
  cesHigh: 'Zeer gemakkelijk',
  thumbsDown: 'Nee',
  thumbsUp: 'Ja',
  outOf: '{score} van {max}',
  commentLabel: 'Vertel ons meer',
  commentLow: 'Wat kunnen we beter doen?',
  commentHigh: 'Wat sprak u het meest aan?',
  commentOptional: '(optioneel)',
  commentRequired: '(verplicht)',
  send: 'Versturen',
  close: 'Sluiten',
  thanks: 'Bedankt voor uw feedback!',
  contactQuestion: 'Mogen we hierover contact met u opnemen?',
  contactConsent: 'Ja, u mag contact met mij opnemen',
  contactEmail: 'Uw e-mailadres',
  contactInvalid: 'Vul een geldig e-mailadres in of vink het vakje uit.',
  tabLabel: 'Feedback',
  tabHide: 'Niet meer tonen',
}

export default nl
