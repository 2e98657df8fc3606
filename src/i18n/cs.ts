// Czech
import type { Strings } from '../contract'

const cs: Strings = {
  dir: 'ltr',
  csatQuestion: 'Jak jste spokojeni se svou zkušeností?',
  npsQuestion: 'Jak pravděpodobné je, že nás doporučíte známému nebo kolegovi?',
  cesQuestion: 'Jak snadné bylo dnes vyřídit, co jste potřebovali?',
  thumbsQuestion: 'Pomohlo vám to?',
  csatLow: 'Velmi nespokojen',
  csatHigh: 'Velmi spokojen',
  npsLow: 'Vůbec nepravděpodobné',
  npsHigh: 'Velmi pravděpodobné',
  cesLow: 'Velmi obtížné',
  cesHigh: 'Velmi snadné',
  thumbsDown: 'Ne',
  thumbsUp: 'Ano',
  outOf: '{score} z {max}',
  commentLabel: 'Řekněte nám více',
  commentLow: 'Co bychom mohli zlepšit?',
  commentHigh: 'Co se vám líbilo nejvíc?',
  commentOptional: '(nepovinné)',
  commentRequired: '(povinné)',
  send: 'Odeslat',
  close: 'Zavřít',
  thanks: 'Děkujeme za zpětnou vazbu!',
  contactQuestion: 'Můžeme vás kvůli tomu kontaktovat?',
  contactConsent: 'Ano, můžete mě kontaktovat',
  contactEmail: 'Váš e-mail',
  contactInvalid: 'Zadejte platný e-mail, nebo zrušte zaškrtnutí.',
  tabLabel: 'Zpětná vazba',
  tabHide: 'Nezobrazovat',
}

export default cs
