import { h } from 'preact'
import type { Strings } from '../i18n/en'
import { choices, metrics, type CommentMode, type Metric } from '../metrics'

export interface ViewProps {
  metric: Metric
  question: string
  comment: CommentMode
  t: Strings
  floating: boolean
  /** Unique prefix for element ids inside this prompt. */
  id: string
}
export interface ViewState {
  step: 'score' | 'comment' | 'thanks'
  score: number | null
  /** Index of the choice that is the radio group's single tab stop. */
  focus: number
  text: string
  announce: string
}
export interface ViewActions {
  choose(score: number): void
  key(e: KeyboardEvent): void
  focus(i: number): void
  type(text: string): void
  send(): void
  dismiss(): void
}

/** The prompt as a pure function of its state: no hooks, no classes (they cost bytes). */
export const view = (p: ViewProps, s: ViewState, a: ViewActions) => {
  const { t, metric } = p
  const { min, max } = metrics[metric]
  const qid = p.id + 'q'
  const name = (n: number) =>
    metric == 'thumbs'
      ? n
        ? t.thumbsUp
        : t.thumbsDown
      : t.outOf.replace('{score}', '' + n).replace('{max}', '' + max) +
        (n == min ? ', ' + t[`${metric}Low`] : n == max ? ', ' + t[`${metric}High`] : '')
  const blocked = p.comment == 'required' && !s.text.trim()
  return (
    <div
      class={'card' + (p.floating ? ' pop' : '')}
      role={p.floating ? 'dialog' : 'region'}
      aria-labelledby={qid}
      onKeyDown={(e) => {
        if (e.key == 'Escape') {
          e.stopPropagation()
          a.dismiss()
        }
      }}
    >
      <p id={qid} class="q">
        {s.step == 'thanks' ? t.thanks : p.question}
      </p>
      <button type="button" class="x" aria-label={t.close} onClick={a.dismiss}>
        ×
      </button>
      {s.step == 'score' && (
        <div>
          <div role="radiogroup" aria-labelledby={qid} class={'row ' + metric} onKeyDown={a.key}>
            {choices(metric).map((n, i) => (
              <button
                type="button"
                role="radio"
                class="c"
                data-score={n}
                aria-checked={s.score === n}
                aria-label={name(n)}
                tabIndex={i == s.focus ? 0 : -1}
                onFocus={() => a.focus(i)}
                onClick={() => a.choose(n)}
              >
                {metric == 'thumbs' ? (n ? '👍 ' : '👎 ') + name(n) : n}
              </button>
            ))}
          </div>
          {metric != 'thumbs' && (
            <div class="ends" aria-hidden="true">
              <span>{t[`${metric}Low`]}</span>
              <span>{t[`${metric}High`]}</span>
            </div>
          )}
        </div>
      )}
      {s.step == 'comment' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!blocked) a.send()
          }}
        >
          <label for={p.id + 'c'}>
            {t.commentLabel} {p.comment == 'optional' && <span>{t.commentOptional}</span>}
          </label>
          <textarea
            id={p.id + 'c'}
            maxLength={2000}
            required={p.comment == 'required'}
            value={s.text}
            onInput={(e) => a.type((e.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" class="send" disabled={blocked}>
            {t.send}
          </button>
        </form>
      )}
      <p class="sr" role="status">
        {s.announce}
      </p>
    </div>
  )
}
