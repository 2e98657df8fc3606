// Hindi
import type { Strings } from '../contract'

const hi: Strings = {
  dir: 'ltr',
  csatQuestion: 'आप अपने अनुभव से कितने संतुष्ट हैं?',
  npsQuestion: 'आप हमें किसी मित्र या सहकर्मी को सुझाएँगे, इसकी कितनी संभावना है?',
  cesQuestion: 'आज आपको जो चाहिए था, उसे पाना कितना आसान रहा?',
  thumbsQuestion: 'क्या यह उपयोगी था?',
  csatLow: 'बहुत असंतुष्ट',
  csatHigh: 'बहुत संतुष्ट',
  npsLow: 'बिल्कुल संभावना नहीं',
  npsHigh: 'पूरी संभावना',
  cesLow: 'बहुत कठिन',
  cesHigh: 'बहुत आसान',
  thumbsDown: 'नहीं',
  thumbsUp: 'हाँ',
  outOf: '{max} में से {score}',
  commentLabel: 'हमें और बताएँ',
  commentLow: 'हम क्या बेहतर कर सकते हैं?',
  commentHigh: 'आपको सबसे अच्छा क्या लगा?',
  commentOptional: '(वैकल्पिक)',
  commentRequired: '(आवश्यक)',
  send: 'भेजें',
  close: 'बंद करें',
  thanks: 'आपकी प्रतिक्रिया के लिए धन्यवाद!',
  contactQuestion: 'क्या हम इस बारे में आपसे संपर्क कर सकते हैं?',
  contactConsent: 'हाँ, मुझसे संपर्क करें',
  contactEmail: 'आपका ईमेल पता',
  contactInvalid: 'मान्य ईमेल पता दर्ज करें या निशान हटाएँ।',
  tabLabel: 'प्रतिक्रिया',
  tabHide: 'इसे न दिखाएँ',
}

export default hi
