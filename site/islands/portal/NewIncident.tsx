/** Registering from the portal: the KnowledgeBase first, with suggestions, then the form; the number at once. */
import { useEffect, useRef, useState } from 'preact/hooks'
import { format } from '#lib/format.ts'
import { excerptParts } from '#lib/excerpt.ts'
import type { Language } from '#lib/language.ts'
import { loadPagefind, type PagefindResult } from '#lib/pagefind.ts'
import { incidentQuery } from '#lib/search/query-words.ts'
import { loadVocabulary, searchRelaxed } from '#lib/search/relaxed-search.ts'
import { withShown } from '#lib/search/shown-articles.ts'
import { ApiFailure, call, messageOf, portalApi } from '../lib/api.ts'
import { Field, FieldSet } from '../lib/Field.tsx'
import { FailureNote } from '../lib/ResultMessage.tsx'
import { useSubmit } from '../lib/use-submit.ts'
import { SignedIn, type Viewer } from '../lib/SignedIn.tsx'
import { KINDS, kindName, useDesk } from './labels.ts'
import type { PortalProps } from './paths.ts'

type Props = PortalProps

/** Suggestions shown at most, as in the widget. */
const MAX_SUGGESTIONS = 5
/** Quiet time after typing before the KnowledgeBase is searched. */
const SEARCH_DELAY_MS = 250

const KIND_HINT = { bug: 'new.kindBug', outage: 'new.kindOutage', wish: 'new.kindWish', question: 'new.kindQuestion' } as const

export default function NewIncident(props: Props) {
  return <SignedIn as="contact" lang={props.lang} strings={props.strings}>{(viewer) => <Register {...props} viewer={viewer} />}</SignedIn>
}

/**
 * Up to five KnowledgeBase articles for `query`, newest answer only: an older, slower search is
 * dropped. `shown` keeps every article any answer showed, for support: a later search that finds
 * others (or none) does not take them away.
 */
function useSuggestions(query: string, lang: Language): { results: PagefindResult[] | undefined; shown: string[]; hasFailed: boolean } {
  const [results, setResults] = useState<PagefindResult[] | undefined>()
  const [shown, setShown] = useState<string[]>([])
  const [hasFailed, setFailed] = useState(false)
  const counter = useRef(0)
  useEffect(() => {
    const term = query.trim()
    const ticket = ++counter.current
    if (term.length < 3) {
      setResults(undefined)
      return
    }
    const timer = setTimeout(async () => {
      try {
        // The customer's own words, relaxed as in the KB's search.
        const search = await searchRelaxed(await loadPagefind('/'), term, { lang, vocabulary: () => loadVocabulary('/', lang) })
        const found = await Promise.all(search.hits.slice(0, MAX_SUGGESTIONS).map((r) => r.data()))
        if (ticket !== counter.current) return
        setResults(found)
        setShown((before) => withShown(before, found))
      } catch {
        if (ticket === counter.current) setFailed(true)
      }
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [query])
  return { results, shown, hasFailed }
}

type Fields = 'kind' | 'productArea' | 'subject' | 'description' | 'file'

function Register({ lang, strings, paths, viewer }: Props & { viewer: Viewer }) {
  const desk = useDesk(lang)
  const [query, setQuery] = useState('')
  const [isFormShown, setFormShown] = useState(false)
  const [kind, setKind] = useState<(typeof KINDS)[number] | ''>('')
  const [productArea, setProductArea] = useState('')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [registered, setRegistered] = useState<{ number: string; url: string; warning?: string } | undefined>()
  // The server's field notes are for developers (English): beside a field goes our own sentence.
  const submit = useSubmit({
    texts: strings,
    fields: {
      kind: strings['new.required'], productArea: strings['new.required'],
      subject: format(strings['new.tooShort'], { count: 3 }), description: format(strings['new.tooShort'], { count: 10 }),
    },
  })
  const errors: Partial<Record<Fields, string>> = submit.errors.fields
  const fileInput = useRef<HTMLInputElement>(null)
  const subjectInput = useRef<HTMLInputElement>(null)
  // While the form is open, subject and description drive the suggestions, as in the widget.
  const { results, shown, hasFailed } = useSuggestions(isFormShown ? incidentQuery(subject, description, lang) : query, lang)

  useEffect(() => {
    if (isFormShown) subjectInput.current?.focus()
  }, [isFormShown])

  function openForm() {
    if (!subject) setSubject(query.trim())
    setFormShown(true)
  }

  /** The browser's own checks, worded by us; the server checks again and has the last word. */
  function check(): Partial<Record<Fields, string>> {
    const found: Partial<Record<Fields, string>> = {}
    if (!kind) found.kind = strings['new.required']
    if (!productArea) found.productArea = strings['new.required']
    if (subject.trim().length < 3) found.subject = format(strings['new.tooShort'], { count: 3 })
    if (description.trim().length < 10) found.description = format(strings['new.tooShort'], { count: 10 })
    return found
  }

  function send(event: Event) {
    event.preventDefault()
    const found = check()
    if (Object.keys(found).length > 0) return submit.refuse({ fields: found })
    return submit.run(async () => {
      const reply = await call(portalApi(lang).incidents.$post({
        json: {
          name: viewer.name, email: viewer.email, kind: kind as (typeof KINDS)[number], productArea, subject, description, lang,
          // Every article the page suggested, not only the last answer's: support sees what the customer already read.
          kbArticles: shown,
          ...(query.trim() ? { kbQuery: query.trim().slice(0, 200) } : {}),
        },
      }), strings)
      if (reply.status !== 'registered') throw new ApiFailure(500, 'unexpected', strings.unexpected)
      const file = fileInput.current?.files?.[0]
      let warning: string | undefined
      if (file) {
        const body = new FormData()
        body.set('file', file)
        await call(fetch(`/api/incidents/${encodeURIComponent(reply.id)}/attachments`, { method: 'POST', body, headers: { 'Accept-Language': lang } }), strings)
          .catch((error) => { warning = format(strings['new.attachmentFailed'], { reason: messageOf(error, strings) }) })
      }
      setRegistered({ number: reply.number, url: reply.url, warning })
      return { kind: 'ok', text: reply.number }
    })
  }

  if (registered) {
    return (
      <div class="notice ok" role="status" tabIndex={-1} ref={submit.resultRef as { current: HTMLDivElement | null }}>
        <h2>{format(strings['new.registered'], { number: registered.number })}</h2>
        {registered.warning && <p>{registered.warning}</p>}
        <p><a href={registered.url}>{strings['new.follow']}</a> · <a href={paths.newIncident}>{strings['new.another']}</a></p>
      </div>
    )
  }

  return (
    <>
      <p>{strings['new.intro']}</p>
      {!isFormShown && (
        <div class="portal-form" role="search">
          <Field id="new-query" label={strings['new.searchLabel']} hint={strings['new.searchHint']} isHintBelow>
            {(aria) => <input {...aria} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autocomplete="off" />}
          </Field>
        </div>
      )}
      <section aria-live="polite" aria-label={strings['new.suggestions']}>
        {hasFailed && <p class="meta">{strings['new.searchFailed']}</p>}
        {results && results.length === 0 && !isFormShown && <p class="meta">{strings['new.noSuggestions']}</p>}
        {results && results.length > 0 && (
          <>
            <h2>{strings['new.suggestions']}</h2>
            <ul class="search-results">
              {results.map((r) => (
                <li key={r.url}>
                  <a href={r.url} target="_blank" rel="noopener">{r.meta.title ?? r.url}</a>
                  <p>{excerptParts(r.excerpt).map((part, i) => (part.isMark ? <mark key={i}>{part.text}</mark> : part.text))}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {!isFormShown && <p><button type="button" onClick={openForm}>{strings['new.toForm']}</button></p>}
      {isFormShown && (
        <form class="portal-form" ref={submit.formRef} onSubmit={send} noValidate>
          <h2>{strings['new.formTitle']}</h2>
          <p class="meta">{format(strings['new.as'], { name: viewer.name, email: viewer.email })}</p>
          <FieldSet id="new-kind" legend={strings['new.kind']} error={errors.kind}>
            {KINDS.map((k) => (
              <label class="choice" key={k}>
                <input type="radio" name="kind" value={k} id={k === KINDS[0] ? 'new-kind' : undefined} checked={kind === k} onChange={() => setKind(k)} required aria-invalid={errors.kind ? true : undefined} />
                <span><strong>{kindName(strings, k)}</strong> — {strings[KIND_HINT[k]]}</span>
              </label>
            ))}
          </FieldSet>
          <Field id="new-productArea" label={strings['new.productArea']} error={errors.productArea}>
            {(aria) => (
              <select {...aria} value={productArea} onChange={(e) => setProductArea(e.currentTarget.value)} required>
                <option value="">{strings['new.choose']}</option>
                {desk?.productAreas.map((a) => <option value={a.key} key={a.key}>{a.name[lang]}</option>)}
              </select>
            )}
          </Field>
          <Field id="new-subject" label={strings['new.subject']} error={errors.subject}>
            {(aria) => <input {...aria} ref={subjectInput} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} required minLength={3} maxLength={200} />}
          </Field>
          <Field id="new-description" label={strings['new.description']} hint={strings['new.descriptionHint']} isHintBelow error={errors.description}>
            {(aria) => <textarea {...aria} value={description} onInput={(e) => setDescription(e.currentTarget.value)} required minLength={10} maxLength={10_000} />}
          </Field>
          <Field id="new-file" label={strings['incidents.attachment']} hint={strings['incidents.attachmentHint']} isHintBelow>
            {(aria) => <input {...aria} type="file" ref={fileInput} accept=".png,.jpg,.jpeg,.pdf,.txt,.log,.csv,.zip" />}
          </Field>
          <p class="hint">{strings['new.priorityNote']}</p>
          <FailureNote message={submit.errors.summary} />
          <div class="actions"><button type="submit" disabled={submit.isBusy()}>{strings['new.submit']}</button></div>
        </form>
      )}
    </>
  )
}
