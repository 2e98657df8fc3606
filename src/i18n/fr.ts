// French (a narrow no-break space, U+202F, comes before ? and !, as French typography wants)
import type { Strings } from '../contract'

const fr: Strings = {
  dir: 'ltr',
  csatQuestion: 'Quel est votre niveau de satisfaction concernant votre expérience ?',
  npsQuestion: 'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue ?',
  cesQuestion: 'À quel point a-t-il été facile d’obtenir ce dont vous aviez besoin aujourd’hui ?',
  thumbsQuestion: 'Cela vous a-t-il été utile ?',
  csatLow: 'Très insatisfait',
  csatHigh: 'Très satisfait',
  npsLow: 'Pas du tout probable',
  npsHigh: 'Extrêmement probable',
  cesLow: 'Très difficile',
  cesHigh: 'Très facile',
  thumbsDown: 'Non',
  thumbsUp: 'Oui',
  outOf: '{score} sur {max}',
  commentLabel: 'Dites-nous-en plus',
  commentLow: 'Que pourrions-nous améliorer ?',
  commentHigh: 'Qu’avez-vous le plus apprécié ?',
  commentOptional: '(facultatif)',
  commentRequired: '(obligatoire)',
  send: 'Envoyer',
  close: 'Fermer',
  thanks: 'Merci pour votre retour !',
  contactQuestion: 'Pouvons-nous vous contacter à ce sujet ?',
  contactConsent: 'Oui, vous pouvez me contacter',
  contactEmail: 'Votre adresse e-mail',
  contactInvalid: 'Saisissez une adresse e-mail valide ou décochez la case.',
  tabLabel: 'Votre avis',
  tabHide: 'Ne plus afficher',
}

export default fr
