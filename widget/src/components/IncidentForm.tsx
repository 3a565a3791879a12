/** The incident form: who, what kind, which part, what happened; articles suggested while typing; server errors as words. */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import type { DeskStatusReply } from '#domain/desk-status.ts'
import type { IncidentInput } from '#domain/incident.ts'
import { format } from '#lib/format.ts'
import type { PagefindResult } from '#lib/pagefind.ts'
import type { RegisterOutcome, SignedInContact } from '../api.ts'
import type { Shown } from '../engine.ts'
import css from '../form.css'
import { fieldIssue } from '../form.ts'
import { ArticleLink } from './ArticleLink.tsx'
import { BUNDLE_FORM_STRINGS } from '../form-strings.ts'

type Kind = IncidentInput['kind']
/** Written out rather than imported, so zod stays out of the bundle; the check below fails the build when the server gains a kind. */
const KINDS = ['bug', 'outage', 'wish', 'question'] as const satisfies readonly Kind[]
const everyKindOffered: Exclude<Kind, (typeof KINDS)[number]> extends never ? true : false = true
void everyKindOffered
/** The form's own styles, adopted into the widget's shadow root when the form first loads. */
export const FORM_CSS = css

/** How long typing must pause before the suggestions are looked up. */
const SUGGEST_DELAY_MS = 300
/** Articles suggested beside the form, at most. */
export const SUGGESTIONS = 5

type Field = 'name' | 'email' | 'kind' | 'productArea' | 'subject' | 'description'
type Values = Record<Field, string> & { website: string }

export interface IncidentFormProps {
  lang: Language
  /** The KB query that led here: the subject to start with, and sent along. */
  query: string
  /** Articles the visitor was shown before the form (translation keys), sent along for support with those suggested beside it. */
  shownArticles: string[]
  productArea: string
  productAreas: DeskStatusReply['productAreas'] | undefined
  contact: SignedInContact | null
  /** Articles for the incident as typed: the subject and the description, relaxed by the engine; with every article shown so far. */
  suggest(subject: string, description: string): Promise<Shown | undefined>
  register(input: IncidentInput): Promise<RegisterOutcome>
  onSent(outcome: Extract<RegisterOutcome, { kind: 'check_email' | 'registered' }>): void
  onOpenResult(url: string): void
  onBack(): void
  isForeign: boolean
}

export function IncidentForm(props: IncidentFormProps) {
  const { lang, contact } = props
  const strings = BUNDLE_FORM_STRINGS
  const [values, setValues] = useState<Values>({
    name: contact?.name ?? '', email: contact?.email ?? '', kind: '', productArea: props.productArea,
    subject: props.query.slice(0, 200), description: '', website: '',
  })
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({})
  const [alert, setAlert] = useState('')
  const [isSending, setSending] = useState(false)
  const [suggestions, setSuggestions] = useState<PagefindResult[]>([])
  // Every article shown so far, the suggestions beside this form included.
  const [shown, setShown] = useState<string[]>([])
  const form = useRef<HTMLFormElement>(null)
  // When the form was shown: the server takes a submission faster than a person types for a bot.
  const [openedAt] = useState(() => performance.now())

  useEffect(() => {
    const timer = setTimeout(() => {
      props.suggest(values.subject, values.description).then((found) => {
        if (!found) return
        setSuggestions(found.results.slice(0, SUGGESTIONS))
        setShown(found.shown)
      }).catch(() => {})
    }, SUGGEST_DELAY_MS)
    return () => clearTimeout(timer)
  }, [values.subject, values.description])

  const set = (field: keyof Values) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value
    setValues((v) => ({ ...v, [field]: value }))
    if (field in issues) setIssues(({ [field as Field]: _, ...rest }) => rest)
  }

  /** The form's own checks, from each control's HTML constraints. */
  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {}
    for (const el of form.current?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input.lw-input, textarea') ?? []) {
      const issue = fieldIssue({ value: el.value, required: el.required, minLength: el.minLength, maxLength: el.maxLength, type: el.type, needsLetter: el.name === 'name' }, strings)
      if (issue) found[el.name as Field] = issue
    }
    if (!values.kind) found.kind = strings.chooseKind
    if (!values.productArea) found.productArea = strings.chooseArea
    return found
  }

  function showIssues(found: Partial<Record<Field, string>>, message: string) {
    setIssues(found)
    setAlert(message)
    // The first field in the form's order, as a keyboard user would meet it.
    const first = (['name', 'email', 'kind', 'productArea', 'subject', 'description'] as const).find((f) => found[f])
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus())
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (isSending) return
    const found = check()
    if (Object.keys(found).length) return showIssues(found, strings.fixFields)
    setAlert('')
    setSending(true)
    const outcome = await props.register({
      name: values.name, email: values.email, kind: values.kind as Kind, productArea: values.productArea,
      subject: values.subject, description: values.description, lang,
      ...(props.query.trim() ? { kbQuery: props.query.trim().slice(0, 200) } : {}),
      kbArticles: [...new Set([...props.shownArticles, ...shown])].slice(0, 20),
      ...(values.website ? { website: values.website } : {}),
      fillMs: Math.round(performance.now() - openedAt),
    })
    setSending(false)
    if (outcome.kind === 'check_email' || outcome.kind === 'registered') return props.onSent(outcome)
    if (outcome.kind === 'invalid') {
      const known = Object.fromEntries(outcome.fields.filter((f) => f.path in values).map((f) => [f.path,
        f.path === 'productArea' ? strings.chooseArea : f.path === 'kind' ? strings.chooseKind : f.message]))
      return showIssues(known, outcome.message || strings.fixFields)
    }
    setAlert(outcome.kind === 'rate_limited'
      ? format(strings.rateLimited, { minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) })
      : outcome.status === null ? strings.networkError
      : outcome.status >= 500 ? strings.serverError
      : outcome.message ?? strings.serverError)
  }

  const described = (field: Field, help?: string) => ({
    'aria-invalid': issues[field] ? ('true' as const) : undefined,
    'aria-describedby': [help, issues[field] && `lw-${field}-issue`].filter(Boolean).join(' ') || undefined,
  })
  const issue = (field: Field) => issues[field] && <p class="lw-issue" id={`lw-${field}-issue`}>{issues[field]}</p>
  const text = (field: 'name' | 'email' | 'subject', label: string, attrs: Record<string, unknown>) => (
    <div class="lw-field">
      <label class="lw-label" for={`lw-${field}`}>{label} *</label>
      <input id={`lw-${field}`} class="lw-input" name={field} value={values[field]} onInput={set(field)} required {...attrs} {...described(field)} />
      {issue(field)}
    </div>
  )

  return (
    <div class="lw-form-view">
      <button type="button" class="lw-link" onClick={props.onBack}>← {strings.back}</button>
      <h3 class="lw-h">{strings.formTitle}</h3>
      <p class="lw-note">{strings.formIntro}</p>
      <form ref={form} noValidate onSubmit={submit}>
        {text('name', strings.name, { autocomplete: 'name', minLength: 2, maxLength: 120 })}
        {text('email', strings.email, { type: 'email', autocomplete: 'email', maxLength: 254 })}
        <fieldset class="lw-field lw-kinds" aria-describedby={issues.kind ? 'lw-kind-issue' : undefined}>
          <legend class="lw-label">{strings.kind} *</legend>
          {KINDS.map((kind) => (
            <label class="lw-kind" key={kind}>
              <input type="radio" name="kind" value={kind} checked={values.kind === kind} onChange={set('kind')} />
              <span><strong>{strings[`kind.${kind}`]}</strong> — {strings[`kind.${kind}.help`]}</span>
            </label>
          ))}
          {issue('kind')}
        </fieldset>
        <div class="lw-field">
          <label class="lw-label" for="lw-productArea">{strings.productArea} *</label>
          <select id="lw-productArea" class="lw-select" name="productArea" value={values.productArea} onChange={set('productArea')} required {...described('productArea')}>
            <option value="">{strings.productAreaChoose}</option>
            {props.productAreas?.map((area) => <option key={area.key} value={area.key}>{area.name[lang]}</option>)}
          </select>
          {issue('productArea')}
        </div>
        {text('subject', strings.subject, { minLength: 3, maxLength: 200 })}
        <div class="lw-field">
          <label class="lw-label" for="lw-description">{strings.description} *</label>
          <p class="lw-note" id="lw-description-help">{strings.descriptionHelp}</p>
          <textarea id="lw-description" name="description" rows={5} value={values.description} onInput={set('description')} required minLength={10} maxLength={10_000} {...described('description', 'lw-description-help')} />
          {issue('description')}
        </div>
        {suggestions.length > 0 && (
          <aside class="lw-suggestions" aria-labelledby="lw-suggestions">
            <h4 id="lw-suggestions" class="lw-h">{strings.suggestions}</h4>
            <ul>
              {suggestions.map((r) => (
                <li key={r.url}><ArticleLink result={r} isForeign={props.isForeign} onOpen={props.onOpenResult} /></li>
              ))}
            </ul>
          </aside>
        )}
        <div class="lw-hp" aria-hidden="true">
          <label>{strings.honeypot}<input name="website" tabIndex={-1} autocomplete="off" value={values.website} onInput={set('website')} /></label>
        </div>
        {alert && <p class="lw-alert" role="alert">{alert}</p>}
        <button type="submit" class="lw-primary" disabled={isSending}>{isSending ? strings.sending : strings.send}</button>
      </form>
    </div>
  )
}
