// Indonesian
import type { Strings } from '../contract'

const id: Strings = {
  dir: 'ltr',
  csatQuestion: 'Seberapa puas Anda dengan pengalaman Anda?',
  npsQuestion: 'Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman atau kolega?',
  cesQuestion: 'Seberapa mudah Anda mendapatkan apa yang Anda butuhkan hari ini?',
  thumbsQuestion: 'Apakah ini membantu?',
  csatLow: 'Sangat tidak puas',
  csatHigh: 'Sangat puas',
  npsLow: 'Sangat tidak mungkin',
  npsHigh: 'Sangat mungkin',
  cesLow: 'Sangat sulit',
  cesHigh: 'Sangat mudah',
  thumbsDown: 'Tidak',
  thumbsUp: 'Ya',
  outOf: '{score} dari {max}',
  commentLabel: 'Ceritakan lebih lanjut',
  commentLow: 'Apa yang bisa kami perbaiki?',
  commentHigh: 'Apa yang paling Anda sukai?',
  commentOptional: '(opsional)',
  commentRequired: '(wajib)',
  send: 'Kirim',
  close: 'Tutup',
  thanks: 'Terima kasih atas masukan Anda!',
  contactQuestion: 'Bolehkah kami menghubungi Anda tentang hal ini?',
  contactConsent: 'Ya, silakan hubungi saya',
  contactEmail: 'Alamat email Anda',
  contactInvalid: 'Masukkan alamat email yang valid, atau hapus centang.',
  tabLabel: 'Masukan',
  tabHide: 'Jangan tampilkan lagi',
}

export default id
