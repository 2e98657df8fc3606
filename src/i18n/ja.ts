// Japanese
import type { Strings } from '../contract'

const ja: Strings = {
  dir: 'ltr',
  csatQuestion: '今回のご利用にどの程度満足されましたか？',
  npsQuestion: '当社を友人や同僚にすすめる可能性はどのくらいありますか？',
  cesQuestion: '本日、目的をどのくらい簡単に達成できましたか？',
  thumbsQuestion: 'この情報は役に立ちましたか？',
  csatLow: '非常に不満',
  csatHigh: '非常に満足',
  npsLow: '全くすすめない',
  npsHigh: '強くすすめたい',
  cesLow: '非常に難しい',
  cesHigh: '非常に簡単',
  thumbsDown: 'いいえ',
  thumbsUp: 'はい',
  outOf: '{max}点中{score}点',
  commentLabel: '詳しくお聞かせください',
  commentLow: '改善できる点があれば教えてください',
  commentHigh: '特によかった点を教えてください',
  commentOptional: '（任意）',
  commentRequired: '（必須）',
  send: '送信',
  close: '閉じる',
  thanks: 'ご意見ありがとうございました！',
  contactQuestion: 'この件でご連絡してもよろしいですか？',
  contactConsent: 'はい、連絡しても構いません',
  contactEmail: 'メールアドレス',
  contactInvalid: '有効なメールアドレスを入力するか、チェックを外してください。',
  tabLabel: 'ご意見',
  tabHide: '表示しない',
}

export default ja
