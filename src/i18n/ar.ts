// Arabic (Modern Standard)
import type { Strings } from '../contract'

const ar: Strings = {
  dir: 'rtl',
  csatQuestion: 'ما مدى رضاك عن تجربتك؟',
  npsQuestion: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟',
  cesQuestion: 'ما مدى سهولة حصولك على ما تحتاجه اليوم؟',
  thumbsQuestion: 'هل كان هذا مفيدًا؟',
  csatLow: 'غير راضٍ إطلاقًا',
  csatHigh: 'راضٍ جدًا',
  npsLow: 'غير محتمل إطلاقًا',
  npsHigh: 'محتمل جدًا',
  cesLow: 'صعب جدًا',
  cesHigh: 'سهل جدًا',
  thumbsDown: 'لا',
  thumbsUp: 'نعم',
  outOf: '{score} من {max}',
  commentLabel: 'أخبرنا بالمزيد',
  commentLow: 'ما الذي يمكننا تحسينه؟',
  commentHigh: 'ما أكثر ما أعجبك؟',
  commentOptional: '(اختياري)',
  commentRequired: '(مطلوب)',
  send: 'إرسال',
  close: 'إغلاق',
  thanks: 'شكرًا لك على ملاحظاتك!',
  contactQuestion: 'هل يمكننا التواصل معك بشأن هذا؟',
  contactConsent: 'نعم، يمكنكم التواصل معي',
  contactEmail: 'بريدك الإلكتروني',
  contactInvalid: 'أدخل بريدًا إلكترونيًا صالحًا أو ألغِ تحديد المربع.',
  tabLabel: 'ملاحظات',
  tabHide: 'لا تعرض هذا',
}

export default ar
