// Chinese, Simplified
import type { Strings } from '../contract'

const zhCN: Strings = {
  dir: 'ltr',
  csatQuestion: '您对本次体验的满意度如何？',
  npsQuestion: '您有多大可能向朋友或同事推荐我们？',
  cesQuestion: '您今天完成所需事项的难易程度如何？',
  thumbsQuestion: '这对您有帮助吗？',
  csatLow: '非常不满意',
  csatHigh: '非常满意',
  npsLow: '完全不可能',
  npsHigh: '极有可能',
  cesLow: '非常困难',
  cesHigh: '非常容易',
  thumbsDown: '否',
  thumbsUp: '是',
  outOf: '{score}分，满分{max}分',
  commentLabel: '请告诉我们更多详情',
  commentLow: '我们可以在哪些方面做得更好？',
  commentHigh: '您最喜欢哪些方面？',
  commentOptional: '（选填）',
  commentRequired: '（必填）',
  send: '提交',
  close: '关闭',
  thanks: '感谢您的反馈！',
  contactQuestion: '我们可以就此联系您吗？',
  contactConsent: '是的，可以联系我',
  contactEmail: '您的电子邮箱',
  contactInvalid: '请输入有效的电子邮箱，或取消勾选。',
  tabLabel: '意见反馈',
  tabHide: '不再显示',
}

export default zhCN
