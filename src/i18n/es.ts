// Spanish
import type { Strings } from '../contract'

const es: Strings = {
  dir: 'ltr',
  csatQuestion: '¿Cuál es su grado de satisfacción con su experiencia?',
  npsQuestion: '¿Qué probabilidad hay de que nos recomiende a un amigo o colega?',
  cesQuestion: '¿En qué medida le resultó fácil obtener hoy lo que necesitaba?',
  thumbsQuestion: '¿Le resultó útil?',
  csatLow: 'Muy insatisfecho',
  csatHigh: 'Muy satisfecho',
  npsLow: 'Nada probable',
  npsHigh: 'Muy probable',
  cesLow: 'Muy difícil',
  cesHigh: 'Muy fácil',
  thumbsDown: 'No',
  thumbsUp: 'Sí',
  outOf: '{score} de {max}',
  commentLabel: 'Cuéntenos más',
  commentLow: '¿Qué podríamos mejorar?',
  commentHigh: '¿Qué es lo que más le gustó?',
  commentOptional: '(opcional)',
  commentRequired: '(obligatorio)',
  send: 'Enviar',
  close: 'Cerrar',
  thanks: '¡Gracias por sus comentarios!',
  contactQuestion: '¿Podemos contactarle al respecto?',
  contactConsent: 'Sí, pueden contactarme',
  contactEmail: 'Su correo electrónico',
  contactInvalid: 'Escriba un correo electrónico válido o desmarque la casilla.',
  tabLabel: 'Comentarios',
  tabHide: 'No mostrar más',
}

export default es
