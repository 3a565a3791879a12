/** The desk notice for exceptional busyness, as a section of its own: what runs now, and for support admins the form to set or remove it. Placed on the phone page; it fits a settings page as it is. */
import { useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import type { Language } from '#lib/language.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { call, portalApi } from '../../lib/api.ts'
import { Field } from '../../lib/Field.tsx'
import { FailureNote, Pending, ResultMessage } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { useSubmit } from '../../lib/use-submit.ts'
import { moment } from '../../portal/format.ts'
import { instantOf } from './phone-view.ts'

type Fields = 'text.nl' | 'text.en' | 'startsAt' | 'endsAt'

export function DeskNoticeSection({ lang, strings, isAdmin }: { lang: Language; strings: StaffStrings; isAdmin: boolean }) {
  const stored = useLoad(async () => (await call(portalApi(lang).staff['desk-notice'].$get(), strings)).notice, [lang], strings)
  const notice = stored.data
  const [nl, setNl] = useState('')
  const [en, setEn] = useState('')
  const [startsAt, setStartsAt] = useState('')
  const [endsAt, setEndsAt] = useState('')
  const submit = useSubmit({ texts: strings, fields: { 'text.nl': strings['notice.textHint'], 'text.en': strings['notice.textHint'] } })
  const errors: Partial<Record<Fields, string>> = submit.errors.fields

  function send(event: Event) {
    event.preventDefault()
    return submit.run(async () => {
      const from = instantOf(startsAt)
      await call(portalApi(lang).staff['desk-notice'].$put({ json: { text: { nl, en }, endsAt: instantOf(endsAt) ?? endsAt, ...(from ? { startsAt: from } : {}) } }), strings)
      await stored.reload()
      return { kind: 'ok', text: strings['notice.saved'] }
    })
  }
  const clear = () => submit.run(async () => {
    await call(portalApi(lang).staff['desk-notice'].$delete(), strings)
    await stored.reload()
    return { kind: 'ok', text: strings['notice.cleared'] }
  })

  const state = !notice ? strings['notice.none']
    : notice.isRunning ? format(strings['notice.running'], { until: moment(lang, notice.endsAt) })
    : new Date(notice.endsAt) <= new Date() ? format(strings['notice.ended'], { until: moment(lang, notice.endsAt) })
    : format(strings['notice.scheduled'], { from: moment(lang, notice.startsAt ?? notice.setAt), until: moment(lang, notice.endsAt) })

  return (
    <section aria-labelledby="notice-title" class="desk-notice-admin">
      <h2 id="notice-title">{strings['notice.title']}</h2>
      <p class="hint">{strings['notice.intro']}</p>
      {stored.data === undefined ? <Pending message={stored.message} loading={strings.loading} /> : (
        <>
          <p role="status">{state}</p>
          {notice && <blockquote lang="nl"><p>{notice.text.nl}</p></blockquote>}
          {notice && <blockquote lang="en"><p>{notice.text.en}</p></blockquote>}
        </>
      )}
      {!isAdmin && <p class="meta">{strings['notice.adminOnly']}</p>}
      {isAdmin && (
        <form class="portal-form" ref={submit.formRef} onSubmit={send} noValidate>
          <Field id="notice-nl" label={strings['notice.nl']} hint={strings['notice.textHint']} isHintBelow error={errors['text.nl']}>
            {(aria) => <textarea {...aria} lang="nl" value={nl} onInput={(e) => setNl(e.currentTarget.value)} required maxLength={300} />}
          </Field>
          <Field id="notice-en" label={strings['notice.en']} hint={strings['notice.textHint']} isHintBelow error={errors['text.en']}>
            {(aria) => <textarea {...aria} lang="en" value={en} onInput={(e) => setEn(e.currentTarget.value)} required maxLength={300} />}
          </Field>
          <Field id="notice-startsAt" label={strings['notice.startsAt']} error={errors.startsAt}>
            {(aria) => <input {...aria} type="datetime-local" value={startsAt} onInput={(e) => setStartsAt(e.currentTarget.value)} />}
          </Field>
          <Field id="notice-endsAt" label={strings['notice.endsAt']} error={errors.endsAt}>
            {(aria) => <input {...aria} type="datetime-local" value={endsAt} onInput={(e) => setEndsAt(e.currentTarget.value)} required />}
          </Field>
          <FailureNote message={submit.errors.summary} />
          <div class="actions">
            <button type="submit" disabled={submit.isBusy()}>{strings['notice.set']}</button>
            {notice && <button type="button" class="secondary" disabled={submit.isBusy()} onClick={clear}>{strings['notice.clear']}</button>}
          </div>
        </form>
      )}
      <ResultMessage result={submit.result} target={submit.resultRef} />
    </section>
  )
}
