/** The reply form's saved replies: the ones of the staff member's teams, found by title, inserted filled for this incident in the customer's language. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, messageOf, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { FailureNote } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { matchingReplies, titleOf, type ReplyTitle } from '../saved-replies-view.ts'
import type { Common } from './common.ts'

export function SavedReplyPicker({ incidentId, lang, strings, onInsert }: Common & { incidentId: string; onInsert: (text: string) => void }) {
  const list = useLoad(async () => (await call(portalApi(lang)['saved-replies'].$get(), strings)).savedReplies, [], strings)
  const [query, setQuery] = useState('')
  const [said, setSaid] = useState<{ kind: 'ok' | 'error'; text: string }>()
  const [busy, setBusy] = useState<string>()
  const replies = list.data ?? []
  const matches = matchingReplies(replies, query)

  const insert = async (reply: ReplyTitle) => {
    setBusy(reply.id)
    setSaid(undefined)
    try {
      const filled = await call(portalApi(lang)['saved-replies'][':id'].filled.$get({ param: { id: reply.id }, query: { incidentId } }), strings)
      onInsert(filled.text)
      setSaid({ kind: 'ok', text: format(strings['incident.savedReply.inserted'], { language: strings[`incident.savedReply.language.${filled.lang}`] }) })
    } catch (failure) {
      setSaid({ kind: 'error', text: messageOf(failure, strings) })
    } finally {
      setBusy(undefined)
    }
  }

  if (!list.data) return <FailureNote message={list.message} />
  return (
    <section class="saved-reply-picker" aria-labelledby="saved-reply-title">
      <h4 id="saved-reply-title">{strings['incident.savedReply.title']}</h4>
      {replies.length === 0
        ? <p class="meta">{strings['incident.savedReply.none']}</p>
        : (
          <>
            <Field id="saved-reply-search" label={strings['incident.savedReply.search']}>
              {(aria) => (
                <input {...aria} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)}
                  // Enter here must not send the reply: it inserts the only match, if there is one.
                  onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (matches.length === 1) void insert(matches[0]!) } }} />
              )}
            </Field>
            {matches.length === 0
              ? <p class="meta">{strings['incident.savedReply.noMatch']}</p>
              : (
                <ul class="saved-replies">
                  {matches.map((reply) => (
                    <li key={reply.id}>
                      <button type="button" class="secondary" disabled={busy !== undefined} aria-label={format(strings['incident.savedReply.insert'], { title: titleOf(reply, lang) })}
                        onClick={() => void insert(reply)}>{titleOf(reply, lang)}</button>
                    </li>
                  ))}
                </ul>
              )}
          </>
        )}
      <p role="status" class={said?.kind === 'error' ? 'error' : 'hint'}>{said?.text}</p>
    </section>
  )
}
