// Persian (words such as می‌توانیم hold a zero-width non-joiner, U+200C)
import type { Strings } from '../contract'

const fa: Strings = {
  dir: 'rtl',
  csatQuestion: 'چقدر از تجربه‌تان راضی هستید؟',
  npsQuestion: 'چقدر احتمال دارد ما را به یک دوست یا همکار توصیه کنید؟',
  cesQuestion: 'امروز دستیابی به آنچه نیاز داشتید چقدر آسان بود؟',
  thumbsQuestion: 'آیا این مفید بود؟',
  csatLow: 'بسیار ناراضی',
  csatHigh: 'بسیار راضی',
  npsLow: 'اصلاً محتمل نیست',
  npsHigh: 'بسیار محتمل',
  cesLow: 'بسیار دشوار',
  cesHigh: 'بسیار آسان',
  thumbsDown: 'خیر',
  thumbsUp: 'بله',
  outOf: '{score} از {max}',
  commentLabel: 'بیشتر برایمان بگویید',
  commentLow: 'چه چیزی را می‌توانیم بهتر کنیم؟',
  commentHigh: 'چه چیزی را بیشتر از همه پسندیدید؟',
  commentOptional: '(اختیاری)',
  commentRequired: '(الزامی)',
  send: 'ارسال',
  close: 'بستن',
  thanks: 'از بازخورد شما سپاسگزاریم!',
  contactQuestion: 'می‌توانیم در این باره با شما تماس بگیریم؟',
  contactConsent: 'بله، می‌توانید با من تماس بگیرید',
  contactEmail: 'نشانی ایمیل شما',
  contactInvalid: 'یک ایمیل معتبر وارد کنید یا تیک را بردارید.',
  tabLabel: 'بازخورد',
  tabHide: 'دیگر نشان نده',
}

export default fa
