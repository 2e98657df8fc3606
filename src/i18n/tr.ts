// Turkish
import type { Strings } from '../contract'

const tr: Strings = {
  dir: 'ltr',
  csatQuestion: 'Deneyiminizden ne kadar memnun kaldınız?',
  npsQuestion: 'Bizi bir arkadaşınıza veya meslektaşınıza tavsiye etme olasılığınız nedir?',
  cesQuestion: 'Bugün işinizi ne kadar kolay halledebildiniz?',
  thumbsQuestion: 'Bu yardımcı oldu mu?',
  csatLow: 'Hiç memnun değilim',
  csatHigh: 'Çok memnunum',
  npsLow: 'Hiç olası değil',
  npsHigh: 'Son derece olası',
  cesLow: 'Çok zor',
  cesHigh: 'Çok kolay',
  thumbsDown: 'Hayır',
  thumbsUp: 'Evet',
  outOf: '{max} üzerinden {score}',
  commentLabel: 'Bize daha fazlasını anlatın',
  commentLow: 'Neyi daha iyi yapabilirdik?',
  commentHigh: 'En çok neyi beğendiniz?',
  commentOptional: '(isteğe bağlı)',
  commentRequired: '(zorunlu)',
  send: 'Gönder',
  close: 'Kapat',
  thanks: 'Geri bildiriminiz için teşekkür ederiz!',
  contactQuestion: 'Bu konuda sizinle iletişime geçebilir miyiz?',
  contactConsent: 'Evet, benimle iletişime geçebilirsiniz',
  contactEmail: 'E-posta adresiniz',
  contactInvalid: 'Geçerli bir e-posta adresi girin veya kutunun işaretini kaldırın.',
  tabLabel: 'Geri bildirim',
  tabHide: 'Bir daha gösterme',
}

export default tr
