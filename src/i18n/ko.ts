// Korean
import type { Strings } from '../contract'

const ko: Strings = {
  dir: 'ltr',
  csatQuestion: '이용 경험에 얼마나 만족하셨나요?',
  npsQuestion: '저희를 친구나 동료에게 추천할 가능성은 얼마나 되나요?',
  cesQuestion: '오늘 필요한 일을 처리하기가 얼마나 쉬웠나요?',
  thumbsQuestion: '도움이 되었나요?',
  csatLow: '매우 불만족',
  csatHigh: '매우 만족',
  npsLow: '전혀 추천하지 않음',
  npsHigh: '적극 추천함',
  cesLow: '매우 어려움',
  cesHigh: '매우 쉬움',
  thumbsDown: '아니요',
  thumbsUp: '예',
  outOf: '{max}점 중 {score}점',
  commentLabel: '자세히 알려 주세요',
  commentLow: '어떤 점을 개선하면 좋을까요?',
  commentHigh: '어떤 점이 가장 좋았나요?',
  commentOptional: '(선택)',
  commentRequired: '(필수)',
  send: '보내기',
  close: '닫기',
  thanks: '소중한 의견 감사합니다!',
  contactQuestion: '이 건으로 연락드려도 될까요?',
  contactConsent: '네, 연락해도 됩니다',
  contactEmail: '이메일 주소',
  contactInvalid: '올바른 이메일 주소를 입력하거나 선택을 해제하세요.',
  tabLabel: '피드백',
  tabHide: '다시 보지 않기',
}

export default ko
