// Italian
import type { Strings } from '../contract'

const it: Strings = {
  dir: 'ltr',
  csatQuestion: 'Quanto è soddisfatto della sua esperienza?',
  npsQuestion: 'Quanto è probabile che ci consigli a un amico o a un collega?',
  cesQuestion: 'Quanto è stato facile ottenere ciò di cui aveva bisogno oggi?',
  thumbsQuestion: 'È stato utile?',
  csatLow: 'Molto insoddisfatto',
  csatHigh: 'Molto soddisfatto',
  npsLow: 'Per niente probabile',
  npsHigh: 'Molto probabile',
  cesLow: 'Molto difficile',
  cesHigh: 'Molto facile',
  thumbsDown: 'No',
  thumbsUp: 'Sì',
  outOf: '{score} su {max}',
  commentLabel: 'Ci dica di più',
  commentLow: 'Cosa potremmo migliorare?',
  commentHigh: 'Cosa le è piaciuto di più?',
  commentOptional: '(facoltativo)',
  commentRequired: '(obbligatorio)',
  send: 'Invia',
  close: 'Chiudi',
  thanks: 'Grazie per il suo feedback!',
  contactQuestion: 'Possiamo contattarla in merito?',
  contactConsent: 'Sì, potete contattarmi',
  contactEmail: 'Il suo indirizzo e-mail',
  contactInvalid: 'Inserisca un indirizzo e-mail valido o tolga la spunta.',
  tabLabel: 'Feedback',
  tabHide: 'Non mostrare più',
}

export default it
