// Chinese, Traditional (Taiwan)
import type { Strings } from '../contract'

const zhTW: Strings = {
  dir: 'ltr',
  csatQuestion: '您對本次體驗的滿意度如何？',
  npsQuestion: '您向朋友或同事推薦我們的可能性有多高？',
  cesQuestion: '您今天完成所需事項的難易度如何？',
  thumbsQuestion: '這對您有幫助嗎？',
  csatLow: '非常不滿意',
  csatHigh: '非常滿意',
  npsLow: '完全不可能',
  npsHigh: '極有可能',
  cesLow: '非常困難',
  cesHigh: '非常容易',
  thumbsDown: '否',
  thumbsUp: '是',
  outOf: '{score}分，滿分{max}分',
  commentLabel: '請告訴我們更多詳情',
  commentLow: '我們有哪些地方可以做得更好？',
  commentHigh: '您最喜歡哪些方面？',
  commentOptional: '（選填）',
  commentRequired: '（必填）',
  send: '送出',
  close: '關閉',
  thanks: '感謝您的意見回饋！',
  contactQuestion: '我們可以就此與您聯絡嗎？',
  contactConsent: '是的，可以與我聯絡',
  contactEmail: '您的電子郵件地址',
  contactInvalid: '請輸入有效的電子郵件地址，或取消勾選。',
  tabLabel: '意見回饋',
  tabHide: '不再顯示',
}

export default zhTW
