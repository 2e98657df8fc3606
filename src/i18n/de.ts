// German
import type { Strings } from '../contract'

const de: Strings = {
  dir: 'ltr',
  csatQuestion: 'Wie zufrieden sind Sie mit Ihrem Erlebnis?',
  npsQuestion: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?',
  cesQuestion: 'Wie einfach war es heute, Ihr Anliegen zu erledigen?',
  thumbsQuestion: 'War das hilfreich?',
  csatLow: 'Sehr unzufrieden',
  csatHigh: 'Sehr zufrieden',
  npsLow: 'Äußerst unwahrscheinlich',
  npsHigh: 'Äußerst wahrscheinlich',
  cesLow: 'Sehr schwierig',
  cesHigh: 'Sehr einfach',
  thumbsDown: 'Nein',
  thumbsUp: 'Ja',
  outOf: '{score} von {max}',
  commentLabel: 'Erzählen Sie uns mehr',
  commentLow: 'Was könnten wir besser machen?',
  commentHigh: 'Was hat Ihnen am besten gefallen?',
  commentOptional: '(optional)',
  commentRequired: '(erforderlich)',
  send: 'Senden',
  close: 'Schließen',
  thanks: 'Vielen Dank für Ihr Feedback!',
  contactQuestion: 'Dürfen wir Sie dazu kontaktieren?',
  contactConsent: 'Ja, Sie dürfen mich kontaktieren',
  contactEmail: 'Ihre E-Mail-Adresse',
  contactInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein oder entfernen Sie das Häkchen.',
  tabLabel: 'Feedback',
  tabHide: 'Nicht mehr anzeigen',
}

export default de
