// Hebrew (addressed in the plural, the usual gender-neutral form)
import type { Strings } from '../contract'

const he: Strings = {
  dir: 'rtl',
  csatQuestion: 'עד כמה אתם מרוצים מהחוויה?',
  npsQuestion: 'מה הסיכוי שתמליצו עלינו לחבר או לעמית?',
  cesQuestion: 'כמה קל היה לכם לקבל היום את מה שחיפשתם?',
  thumbsQuestion: 'האם זה עזר לכם?',
  csatLow: 'מאוד לא מרוצה',
  csatHigh: 'מאוד מרוצה',
  npsLow: 'כלל לא סביר',
  npsHigh: 'סביר מאוד',
  cesLow: 'קשה מאוד',
  cesHigh: 'קל מאוד',
  thumbsDown: 'לא',
  thumbsUp: 'כן',
  outOf: '{score} מתוך {max}',
  commentLabel: 'ספרו לנו עוד',
  commentLow: 'מה נוכל לשפר?',
  commentHigh: 'מה הכי אהבתם?',
  commentOptional: '(לא חובה)',
  commentRequired: '(חובה)',
  send: 'שליחה',
  close: 'סגירה',
  thanks: 'תודה על המשוב!',
  contactQuestion: 'אפשר ליצור איתכם קשר בנושא?',
  contactConsent: 'כן, אפשר ליצור איתי קשר',
  contactEmail: 'כתובת האימייל שלכם',
  contactInvalid: 'הזינו כתובת אימייל תקינה, או בטלו את הסימון.',
  tabLabel: 'משוב',
  tabHide: 'לא להציג שוב',
}

export default he
