import { buildAnswer, type Answer } from '../answer'
import type { Strings } from '../i18n/en'
import { metrics, type CommentMode, type Metric } from '../metrics'
import type { Vitals } from '../vitals'
import { mountPrompt } from './mount'

/** Everything the core knows about one question once it has decided to ask it. */
export interface Question {
  metric: Metric
  touchpoint: string
  question: string
  comment: CommentMode
  stage?: string | undefined
  context: Record<string, unknown>
  site: string
  /** The locale shown, sent as the answer's `locale`. */
  locale: string
  urlParams: string[]
  /** The page's web vitals at the moment of answering. */
  vitals: () => Vitals
  t: Strings
  autofocus: boolean
  /** Inline prompts render in this element; popovers float. */
  target?: Element | undefined
  position: string
  theme: string
  nonce: string
}

/** What the core does with the visitor's answers; the prompt never stores or sends anything itself. */
export interface Hooks {
  /** Persist (and, unless `hold`, send) this version of the answer. */
  store(answer: Answer, hold: boolean): void
  /** The answer is final: the score alone, or the score and the comment step. */
  answered(answer: Answer): void
  /** Closed before a score was chosen. */
  dismissed(): void
  /** The prompt is gone (its thank-you shown long enough, or closed after answering). */
  closed(): void
}

/**
 * Shows one question and turns the visitor's choices into answers. Lives in the prompt file:
 * building an answer is work for the page views that ask, so the core every page loads does
 * not carry it. Returns the function that removes the prompt.
 */
export const present = (q: Question, hooks: Hooks): (() => void) => {
  let answer: Answer | null = null
  return mountPrompt(
    {
      metric: q.metric,
      question: q.question,
      comment: q.comment,
      t: q.t,
      autofocus: q.autofocus,
      onScore(score, more) {
        answer = buildAnswer({
          touchpoint: q.touchpoint,
          metric: q.metric,
          score,
          scale: metrics[q.metric],
          question: q.question,
          stage: q.stage,
          site: q.site,
          locale: q.locale,
          vitals: q.vitals(),
          context: q.context,
          urlParams: q.urlParams,
        })
        hooks.store(answer, more)
        if (!more) hooks.answered(answer)
      },
      onComment(text) {
        if (!answer) return
        // The completed answer replaces the one stored (and perhaps already sent on page hide)
        // under the same id: a collector keeps the highest revision.
        answer = { ...answer, revision: answer.revision + 1 }
        if (text) answer.comment = text
        hooks.store(answer, false)
        hooks.answered(answer)
      },
      onDismiss: hooks.dismissed,
      onClose: hooks.closed,
    },
    { target: q.target, position: q.position, theme: q.theme, nonce: q.nonce },
  )
}
