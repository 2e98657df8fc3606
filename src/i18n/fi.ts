// Finnish
import type { Strings } from '../contract'

const fi: Strings = {
  dir: 'ltr',
  csatQuestion: 'Kuinka tyytyväinen olet kokemukseesi?',
  npsQuestion: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?',
  cesQuestion: 'Kuinka helppoa oli hoitaa asiasi tänään?',
  thumbsQuestion: 'Oliko tästä apua?',
  csatLow: 'Erittäin tyytymätön',
  csatHigh: 'Erittäin tyytyväinen',
  npsLow: 'Hyvin epätodennäköistä',
  npsHigh: 'Hyvin todennäköistä',
  cesLow: 'Erittäin vaikeaa',
  cesHigh: 'Erittäin helppoa',
  thumbsDown: 'Ei',
  thumbsUp: 'Kyllä',
  outOf: '{score} {max}:stä',
  commentLabel: 'Kerro lisää',
  commentLow: 'Mitä voisimme tehdä paremmin?',
  commentHigh: 'Mistä pidit eniten?',
  commentOptional: '(vapaaehtoinen)',
  commentRequired: '(pakollinen)',
  send: 'Lähetä',
  close: 'Sulje',
  thanks: 'Kiitos palautteestasi!',
  contactQuestion: 'Saammeko ottaa sinuun yhteyttä tästä?',
  contactConsent: 'Kyllä, minuun saa ottaa yhteyttä',
  contactEmail: 'Sähköpostiosoitteesi',
  contactInvalid: 'Anna kelvollinen sähköpostiosoite tai poista valinta.',
  tabLabel: 'Palaute',
  tabHide: 'Älä näytä tätä',
}

export default fi
