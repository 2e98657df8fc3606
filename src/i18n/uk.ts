// Ukrainian
import type { Strings } from '../contract'

const uk: Strings = {
  dir: 'ltr',
  csatQuestion: 'Наскільки ви задоволені своїм досвідом?',
  npsQuestion: 'Наскільки ймовірно, що ви порекомендуєте нас другові чи колезі?',
  cesQuestion: 'Наскільки легко вам було сьогодні вирішити своє питання?',
  thumbsQuestion: 'Це було корисно?',
  csatLow: 'Дуже незадоволений',
  csatHigh: 'Дуже задоволений',
  npsLow: 'Точно не пораджу',
  npsHigh: 'Неодмінно пораджу',
  cesLow: 'Дуже складно',
  cesHigh: 'Дуже легко',
  thumbsDown: 'Ні',
  thumbsUp: 'Так',
  outOf: '{score} з {max}',
  commentLabel: 'Розкажіть докладніше',
  commentLow: 'Що ми могли б покращити?',
  commentHigh: 'Що вам сподобалося найбільше?',
  commentOptional: '(необов’язково)',
  commentRequired: '(обов’язково)',
  send: 'Надіслати',
  close: 'Закрити',
  thanks: 'Дякуємо за ваш відгук!',
  contactQuestion: 'Можна зв’язатися з вами щодо цього?',
  contactConsent: 'Так, зв’яжіться зі мною',
  contactEmail: 'Ваша електронна адреса',
  contactInvalid: 'Введіть дійсну електронну адресу або зніміть позначку.',
  tabLabel: 'Відгук',
  tabHide: 'Не показувати',
}

export default uk
