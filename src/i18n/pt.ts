// Portuguese (neutral between Brazil and Portugal; pt-BR resolves here)
import type { Strings } from '../contract'

const pt: Strings = {
  dir: 'ltr',
  csatQuestion: 'Qual é o seu nível de satisfação com a sua experiência?',
  npsQuestion: 'Qual é a probabilidade de nos recomendar a um amigo ou colega?',
  cesQuestion: 'Quão fácil foi obter o que precisava hoje?',
  thumbsQuestion: 'Isso foi útil?',
  csatLow: 'Muito insatisfeito',
  csatHigh: 'Muito satisfeito',
  npsLow: 'Nada provável',
  npsHigh: 'Muito provável',
  cesLow: 'Muito difícil',
  cesHigh: 'Muito fácil',
  thumbsDown: 'Não',
  thumbsUp: 'Sim',
  outOf: '{score} de {max}',
  commentLabel: 'Conte-nos mais',
  commentLow: 'O que poderíamos melhorar?',
  commentHigh: 'Do que mais gostou?',
  commentOptional: '(opcional)',
  commentRequired: '(obrigatório)',
  send: 'Enviar',
  close: 'Fechar',
  thanks: 'Obrigado pela sua opinião!',
  contactQuestion: 'Podemos contactá-lo sobre isso?',
  contactConsent: 'Sim, podem contactar-me',
  contactEmail: 'O seu e-mail',
  contactInvalid: 'Insira um e-mail válido ou desmarque a caixa.',
  tabLabel: 'Opinião',
  tabHide: 'Não mostrar mais',
}

export default pt
