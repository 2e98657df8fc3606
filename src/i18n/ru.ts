// Russian
import type { Strings } from '../contract'

const ru: Strings = {
  dir: 'ltr',
  csatQuestion: 'Насколько вы довольны своим опытом?',
  npsQuestion: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
  cesQuestion: 'Насколько легко вам было сегодня решить свой вопрос?',
  thumbsQuestion: 'Это было полезно?',
  csatLow: 'Очень недоволен',
  csatHigh: 'Очень доволен',
  npsLow: 'Точно не порекомендую',
  npsHigh: 'Точно порекомендую',
  cesLow: 'Очень сложно',
  cesHigh: 'Очень легко',
  thumbsDown: 'Нет',
  thumbsUp: 'Да',
  outOf: '{score} из {max}',
  commentLabel: 'Расскажите подробнее',
  commentLow: 'Что мы могли бы улучшить?',
  commentHigh: 'Что вам понравилось больше всего?',
  commentOptional: '(необязательно)',
  commentRequired: '(обязательно)',
  send: 'Отправить',
  close: 'Закрыть',
  thanks: 'Спасибо за ваш отзыв!',
  contactQuestion: 'Можно связаться с вами по этому поводу?',
  contactConsent: 'Да, со мной можно связаться',
  contactEmail: 'Ваш адрес электронной почты',
  contactInvalid: 'Введите корректный адрес электронной почты или снимите флажок.',
  tabLabel: 'Отзыв',
  tabHide: 'Не показывать',
}

export default ru
