// dist/touchpoint.format.posthog.js: answers as PostHog `survey sent` events in one request to
// its /batch/ endpoint. The answer's id is the event's uuid (the key PostHog dedupes on) and its
// $survey_submission_id (PostHog's surveys count each submission once, its latest event).
import type { FormatPart, Send } from '../contract'
import { eventKey, json, needKey, through, userId } from './common'

export const createFormat: FormatPart['createFormat'] = ({ formatKey }, post): Send | null => {
  const apiKey = needKey(formatKey, 'posthog', 'your PostHog project API key (phc_…)')
  return (
    apiKey ? through(post, ({ sdk, answers }) => {
      const batch = answers.map((a) => {
        const user = userId(a)
        const distinct_id = user ?? a.id
        return {
          event: 'survey sent',
          uuid: eventKey(a),
          distinct_id,
          timestamp: a.createdAt,
          properties: {
            ...a,
            distinct_id,
            // The touchpoint stands for the survey, the score for its first question and the
            // comment for its second (PostHog's names for an API survey's responses).
            $survey_id: a.touchpoint,
            $survey_name: a.touchpoint,
            $survey_response: a.score,
            ...(a.comment != null && { $survey_response_1: a.comment }),
            $survey_questions: [{ id: 'score', question: a.question, response: a.score }],
            $survey_submission_id: a.id,
            $survey_completed: true,
            $survey_language: a.locale,
            $current_url: a.page.url,
            $lib: sdk.name,
            $lib_version: sdk.version,
            // No userId: an anonymous event, no person profile made for it.
            ...(!user && { $process_person_profile: false }),
          },
        }
      })
      return json({ api_key: apiKey, batch }, 'application/json', batch.map((e) => e.uuid))
    }) : null
  )
}
