// Polish
import type { Strings } from '../contract'

const pl: Strings = {
  dir: 'ltr',
  csatQuestion: 'Jak bardzo są Państwo zadowoleni ze swoich doświadczeń?',
  npsQuestion: 'Jak prawdopodobne jest, że polecą nas Państwo znajomemu lub współpracownikowi?',
  cesQuestion: 'Jak łatwo było dziś załatwić Państwa sprawę?',
  thumbsQuestion: 'Czy to było pomocne?',
  csatLow: 'Bardzo niezadowolony',
  csatHigh: 'Bardzo zadowolony',
  npsLow: 'Bardzo mało prawdopodobne',
  npsHigh: 'Bardzo prawdopodobne',
  cesLow: 'Bardzo trudno',
  cesHigh: 'Bardzo łatwo',
  thumbsDown: 'Nie',
  thumbsUp: 'Tak',
  outOf: '{score} z {max}',
  commentLabel: 'Chętnie dowiemy się więcej',
  commentLow: 'Co moglibyśmy poprawić?',
  commentHigh: 'Co podobało się Państwu najbardziej?',
  commentOptional: '(opcjonalnie)',
  commentRequired: '(wymagane)',
  send: 'Wyślij',
  close: 'Zamknij',
  thanks: 'Dziękujemy za opinię!',
  contactQuestion: 'Czy możemy się z Państwem skontaktować w tej sprawie?',
  contactConsent: 'Tak, zgadzam się na kontakt',
  contactEmail: 'Państwa adres e-mail',
  contactInvalid: 'Proszę podać prawidłowy adres e-mail lub odznaczyć pole.',
  tabLabel: 'Opinia',
  tabHide: 'Nie pokazuj więcej',
}

export default pl
