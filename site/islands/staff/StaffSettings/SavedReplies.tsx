/** Settings: the saved replies, listed for every staff member; admins add, change and remove them (a title and a text in Dutch and English, for a team or all). */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { call, portalApi, type Success } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { FailureNote, Pending, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useSubmit } from '../../lib/use-submit.ts'
import { bodyHint, placeholderList, teamLabel, titleOf } from '../saved-replies-view.ts'
import type { StaffCommon } from '../props.ts'

type Listed = Success<Awaited<ReturnType<ReturnType<typeof portalApi>['saved-replies']['$get']>>>
type Reply = Listed['savedReplies'][number]
type Teams = Success<Awaited<ReturnType<ReturnType<typeof portalApi>['staff']['people']['$get']>>>['teams']

/** The form's fields, as the inputs hold them. */
interface Draft { team: string; titleNl: string; titleEn: string; bodyNl: string; bodyEn: string }
const EMPTY: Draft = { team: '', titleNl: '', titleEn: '', bodyNl: '', bodyEn: '' }
const draftOf = (reply: Reply): Draft => ({ team: reply.team ?? '', titleNl: reply.title.nl, titleEn: reply.title.en, bodyNl: reply.body.nl, bodyEn: reply.body.en })
const inputOf = (draft: Draft) => ({ team: draft.team || null, title: { nl: draft.titleNl, en: draft.titleEn }, body: { nl: draft.bodyNl, en: draft.bodyEn } })

export function SavedReplies({ lang, strings }: StaffCommon) {
  const list = useLoad(async () => {
    const [listed, people] = await Promise.all([call(portalApi(lang)['saved-replies'].$get(), strings), call(portalApi(lang).staff.people.$get(), strings)])
    return { ...listed, teams: people.teams }
  }, [], strings)
  const [editing, setEditing] = useState<Reply>()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const submit = useSubmit({
    texts: strings, refusal: 'result',
    fields: {
      'title.nl': strings['settings.savedReplies.titleInvalid'], 'title.en': strings['settings.savedReplies.titleInvalid'],
      'body.nl': strings['settings.savedReplies.bodyInvalid'], 'body.en': strings['settings.savedReplies.bodyInvalid'],
    },
  })
  const action = useSubmit({ texts: strings, refusal: 'result' })
  const data = list.data

  const edit = (reply: Reply | undefined) => {
    setEditing(reply)
    setDraft(reply ? draftOf(reply) : EMPTY)
    submit.say(undefined)
    if (reply) document.getElementById('saved-reply-title-nl')?.focus()
  }
  const save = (event: Event) => {
    event.preventDefault()
    return submit.run(async () => {
      const json = inputOf(draft)
      const saved = editing
        ? (await call(portalApi(lang)['saved-replies'][':id'].$put({ param: { id: editing.id }, json }), strings)).savedReply
        : (await call(portalApi(lang)['saved-replies'].$post({ json }), strings)).savedReply
      setEditing(undefined)
      setDraft(EMPTY)
      await list.reload()
      return { kind: 'ok', text: format(strings[editing ? 'settings.savedReplies.saved' : 'settings.savedReplies.added'], { title: titleOf(saved, lang) }) }
    })
  }
  const remove = (reply: Reply) => action.run(async () => {
    await call(portalApi(lang)['saved-replies'][':id'].$delete({ param: { id: reply.id } }), strings)
    if (editing?.id === reply.id) edit(undefined)
    await list.reload()
    return { kind: 'ok', text: format(strings['settings.savedReplies.deleted'], { title: titleOf(reply, lang) }) }
  }, { key: reply.id })

  const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.currentTarget.value }))
  const errors = submit.errors.fields

  return (
    <section aria-labelledby="saved-replies-title">
      <h2 id="saved-replies-title">{strings['settings.savedReplies.title']}</h2>
      <p class="hint">{format(strings['settings.savedReplies.intro'], { list: placeholderList(strings) })}</p>
      {!data ? <Pending message={list.message} loading={strings.loading} /> : (
        <>
          <FailureNote message={list.message} />
          {!data.mayManage && <p class="notice">{strings['settings.savedReplies.readOnly']}</p>}
          {data.savedReplies.length === 0
            ? <p class="meta">{strings['settings.savedReplies.none']}</p>
            : <ReplyTable replies={data.savedReplies} teams={data.teams} mayManage={data.mayManage} isBusy={action.isBusy} onEdit={edit} onDelete={remove} lang={lang} strings={strings} />}
          <ResultMessage result={action.result} target={action.resultRef} />

          {data.mayManage && (
            <form class="portal-form" ref={submit.formRef} onSubmit={save} aria-labelledby="saved-reply-form-title">
              <h3 id="saved-reply-form-title">{editing ? format(strings['settings.savedReplies.editing'], { title: titleOf(editing, lang) }) : strings['settings.savedReplies.new']}</h3>
              <Field id="saved-reply-team" label={strings['settings.savedReplies.team']} error={errors.team}>
                {(aria) => (
                  <select {...aria} name="team" value={draft.team} onChange={set('team')}>
                    <option value="">{strings['settings.savedReplies.allTeams']}</option>
                    {data.teams.map((t) => <option key={t.key} value={t.key}>{t.name[lang]}</option>)}
                  </select>
                )}
              </Field>
              <Field id="saved-reply-title-nl" label={strings['settings.savedReplies.titleNl']} error={errors['title.nl']}>
                {(aria) => <input {...aria} name="titleNl" lang="nl" required maxLength={120} value={draft.titleNl} onInput={set('titleNl')} />}
              </Field>
              <Field id="saved-reply-title-en" label={strings['settings.savedReplies.titleEn']} error={errors['title.en']}>
                {(aria) => <input {...aria} name="titleEn" lang="en" required maxLength={120} value={draft.titleEn} onInput={set('titleEn')} />}
              </Field>
              <Field id="saved-reply-body-nl" label={strings['settings.savedReplies.bodyNl']} hint={bodyHint(strings)} hintId="saved-reply-body-hint" error={errors['body.nl']}>
                {(aria) => <textarea {...aria} name="bodyNl" lang="nl" required maxLength={20_000} rows={6} value={draft.bodyNl} onInput={set('bodyNl')} />}
              </Field>
              <Field id="saved-reply-body-en" label={strings['settings.savedReplies.bodyEn']} hint={bodyHint(strings)} hintId="saved-reply-body-hint-en" error={errors['body.en']}>
                {(aria) => <textarea {...aria} name="bodyEn" lang="en" required maxLength={20_000} rows={6} value={draft.bodyEn} onInput={set('bodyEn')} />}
              </Field>
              <ResultMessage result={submit.result} target={submit.resultRef} />
              <div class="actions">
                <button type="submit" disabled={submit.isBusy()}>{strings[editing ? 'settings.savedReplies.save' : 'settings.savedReplies.add']}</button>
                {editing && <button type="button" class="secondary" onClick={() => edit(undefined)}>{strings['settings.savedReplies.cancel']}</button>}
              </div>
            </form>
          )}
        </>
      )}
    </section>
  )
}

function ReplyTable({ replies, teams, mayManage, isBusy, onEdit, onDelete, lang, strings }: StaffCommon & {
  replies: Reply[]; teams: Teams; mayManage: boolean; isBusy: (key?: string) => boolean; onEdit: (reply: Reply) => void; onDelete: (reply: Reply) => void
}) {
  return (
    <table class="stack">
      <caption class="visually-hidden">{strings['settings.savedReplies.title']}</caption>
      <thead>
        <tr>
          <th scope="col">{strings['settings.savedReplies.columnTitle']}</th>
          <th scope="col">{strings['settings.savedReplies.columnTeam']}</th>
          {mayManage && <th scope="col">{strings['settings.savedReplies.columnActions']}</th>}
        </tr>
      </thead>
      <tbody>
        {replies.map((reply) => (
          <tr key={reply.id}>
            <td data-label={strings['settings.savedReplies.columnTitle']}>{titleOf(reply, lang)}</td>
            <td data-label={strings['settings.savedReplies.columnTeam']}>{teamLabel(reply.team, teams, lang, strings)}</td>
            {mayManage && (
              <td class="actions" data-label={strings['settings.savedReplies.columnActions']}>
                <button type="button" class="secondary" aria-label={format(strings['settings.savedReplies.editLabel'], { title: titleOf(reply, lang) })} onClick={() => onEdit(reply)}>
                  {strings['settings.savedReplies.edit']}
                </button>{' '}
                <button type="button" class="secondary" disabled={isBusy(reply.id)} aria-label={format(strings['settings.savedReplies.deleteLabel'], { title: titleOf(reply, lang) })} onClick={() => onDelete(reply)}>
                  {strings['settings.savedReplies.delete']}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
