import { h, render } from 'preact'
import type { CommentMode, Metric, PromptStrings } from '../contract'
import { band, choices, metrics } from '../shared/metrics'

/** What the view shows: the question as show() resolved it (its text, the strings with `texts` over them). */
export interface ViewInput {
  metric: Metric
  question: string
  comment: CommentMode
  /** The contact step: `low` (after a low score), `always`, or anything else for none. */
  contact: string
  /** The site knows who the visitor is: the contact step is the checkbox alone. */
  known: boolean
  t: PromptStrings
  /** The locale shown: numbers are written in its digits (Arabic ٠–١٠, Persian ۰–۱۰). */
  locale: string
  /** Move keyboard focus into the prompt (it was opened by the visitor's own action). */
  autofocus: boolean
}

/** What the visitor did: the view's only way out. (`_` names are internal: the build mangles them.) */
export interface ViewEvents {
  /** A score was chosen; `more` tells whether a comment step follows. */
  _score(score: number, more: boolean): void
  /**
   * The comment step is over: a comment sent, or closed without one. `email` only when the
   * visitor ticked the contact box: the address, or '' when the site knows who they are.
   */
  _comment(comment: string | undefined, email?: string): void
  /** Closed before a score was chosen. */
  _dismiss(): void
  /** The prompt may go (its thank-you shown long enough, or closed after the score). */
  _close(): void
}

let uid = 0
// An address the collector's schema accepts (JSON Schema `format: email`, as ajv-formats checks
// it): a looser check here would let the collector refuse the whole answer.
export const EMAIL = /^[\w!#$%&'*+/=?^`{|}~-]+(\.[\w!#$%&'*+/=?^`{|}~-]+)*@([a-z\d]([a-z\d-]*[a-z\d])?\.)+[a-z\d]([a-z\d-]*[a-z\d])?$/i

/**
 * Renders the prompt into `root` and runs it: score, comment step (when on), thank-you. State
 * lives in this closure and each change renders the whole (small) tree again: no components,
 * no hooks, no classes, which keeps the prompt file small. Returns the function that stops it.
 */
export const showView = (root: ShadowRoot, q: ViewInput, on: ViewEvents, floating: boolean): (() => void) => {
  const { t, metric, comment, contact } = q
  const { min, max } = metrics[metric]
  const scores = choices(metric)
  const thumbs = metric == 'thumbs'
  const rtl = t.dir == 'rtl'
  const id = 'touchpoint' + ++uid
  // What the two ends mean: words under the scale, and thumbs' own names.
  const low = metric == 'thumbs' ? t.thumbsDown : t[`${metric}Low`]
  const high = metric == 'thumbs' ? t.thumbsUp : t[`${metric}High`]
  // Digits of their own (as the browser's CLDR data says) are possible only in Arabic and Persian
  // of our packs, both right to left: every other language shows the number as it is, in Western
  // digits, without asking Intl, whose first call on a page loads ICU's data (20 ms or more, all
  // before the first paint). replace() and Preact write a number as its string.
  const number = (n: number) => (rtl ? n.toLocaleString(q.locale) : n) as string
  // The accessible name of a choice: "9 of 10"; the ends say what they mean.
  const name = (n: number) =>
    thumbs
      ? n
        ? high
        : low
      : t.outOf.replace('{score}', number(n)).replace('{max}', number(max)) + (n == min ? ', ' + low : n == max ? ', ' + high : '')

  let step: 'score' | 'comment' | 'thanks' = 'score'
  let score = 0
  /** Index of the choice that is the radio group's single tab stop. */
  let focus = 0
  let text = ''
  // The step after the score: its comment part and its contact part, each on or off.
  let writes = false
  let asks = false
  let invalid = false
  let announce = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let gone = false
  const find = (selector: string) => root.querySelector<HTMLElement>(selector)
  const focusChoice = () => find('[tabindex="0"]')?.focus()

  const thank = () => {
    step = 'thanks'
    announce = t.thanks
    draw()
    find('.x')?.focus()
    timer = setTimeout(on._close, 2500)
  }
  const choose = (n: number) => {
    score = n
    const low = band(metric, n) == 'low'
    writes = comment == 'low' ? low : comment != 'off'
    asks = contact == 'always' || (contact == 'low' && low)
    on._score(n, writes || asks)
    if (!writes && !asks) return thank()
    step = 'comment'
    draw()
    find('textarea,input')?.focus()
  }
  const dismiss = () => {
    if (step == 'comment') on._comment(undefined)
    if (step == 'score') on._dismiss()
    else on._close()
  }
  // Radio group keyboard model (WAI-ARIA APG): one tab stop; arrows move (mirrored right to left),
  // Home/End jump. Enter/Space choose (native on <button>): choosing sends, so arrows never do.
  const key = (e: KeyboardEvent) => {
    const count = scores.length
    const d = ({ ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 } as Record<string, number>)[e.key]
    const next = d ? (focus + d + count) % count : e.key == 'Home' ? 0 : e.key == 'End' ? count - 1 : -1
    if (next < 0) return
    e.preventDefault()
    focus = next
    draw()
    focusChoice()
  }
  const blocked = () => comment == 'required' && !text.trim()
  const qid = id + 'q'
  const cid = id + 'c'
  const eid = id + 'e'

  const view = () => (
    <div
      class="card"
      role={floating ? 'dialog' : 'region'}
      aria-labelledby={qid}
      dir={t.dir}
      lang={q.locale}
      onKeyDown={(e) => {
        if (e.key == 'Escape') {
          e.stopPropagation()
          dismiss()
        }
      }}
    >
      <p id={qid} class="q">
        {step == 'thanks' ? t.thanks : q.question}
      </p>
      <button type="button" class="x" aria-label={t.close} onClick={dismiss}>
        ×
      </button>
      {step == 'score' && (
        <div role="radiogroup" aria-labelledby={qid} class="row" onKeyDown={key}>
          {scores.map((n, i) => (
            <button
              type="button"
              role="radio"
              data-score={n}
              aria-checked="false"
              aria-label={name(n)}
              tabIndex={i == focus ? 0 : -1}
              onFocus={() => {
                if (focus != i) {
                  focus = i
                  draw()
                }
              }}
              onClick={() => choose(n)}
            >
              {thumbs ? (n ? '👍 ' : '👎 ') + name(n) : number(n)}
            </button>
          ))}
        </div>
      )}
      {step == 'score' && !thumbs && (
        <div class="ends" aria-hidden="true">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      )}
      {step == 'comment' && (
        // The comment and the contact question share one screen and one send button; our own
        // check of the address (noValidate) runs only when the box is ticked.
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (blocked()) return
            // The box and the field are left to the browser (Preact sets neither): read at sending.
            const field = find('[type=email]') as HTMLInputElement | null
            const ticked = (find('[type=checkbox]') as HTMLInputElement | null)?.checked
            invalid = !!(ticked && field && !EMAIL.test(field.value))
            if (invalid) return draw(), field!.focus()
            // A type=email field's value comes without surrounding spaces; '' when the site knows who this is.
            on._comment(text.trim() || undefined, ticked ? (field?.value ?? '') : undefined)
            thank()
          }}
        >
          {writes && (
            <label for={cid}>
              {(({ low: t.commentLow, high: t.commentHigh }) as Record<string, string>)[band(metric, score)] ?? t.commentLabel}{' '}
              {comment == 'required' ? t.commentRequired : t.commentOptional}
            </label>
          )}
          {writes && (
            <textarea
              id={cid}
              maxLength={2000}
              required={comment == 'required'}
              value={text}
              onInput={(e) => {
                text = (e.target as HTMLTextAreaElement).value
                draw()
              }}
            />
          )}
          {asks && (
            // A group named by its question (no fieldset: a div needs no style reset); the
            // e-mail field only when the site does not know who the visitor is.
            <div role="group" aria-labelledby={eid + 'q'}>
              <label id={eid + 'q'}>{t.contactQuestion}</label>
              <label>
                <input type="checkbox" /> {t.contactConsent}
              </label>
              {!q.known && [
                <label for={eid}>{t.contactEmail}</label>,
                <input
                  id={eid}
                  type="email"
                  autocomplete="email"
                  aria-invalid={invalid}
                  aria-describedby={eid + 'x'}
                />,
              ]}
              <div id={eid + 'x'} role="alert">
                {invalid && t.contactInvalid}
              </div>
            </div>
          )}
          <button type="submit" class="send" disabled={blocked()}>
            {t.send}
          </button>
        </form>
      )}
      <p class="sr" role="status">
        {announce}
      </p>
    </div>
  )
  const draw = () => gone || render(view(), root)

  draw()
  if (q.autofocus) focusChoice()
  // A live region must change after insertion to be read: announces a prompt nobody focused.
  setTimeout(() => announce || ((announce = q.question), draw()), 150)
  return () => {
    gone = true
    clearTimeout(timer)
  }
}
