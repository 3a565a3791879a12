/** The widget: a launcher, and a panel that searches the KB first and turns a failed search into an incident. */
import { Component, createRef } from 'preact'
import type { DeskStatusReply } from '#domain/desk-status.ts'
import { format } from '#lib/format.ts'
import { OriginNotAllowedError, type Api, type RegisterOutcome, type SignedInContact, type SupportContact as Support } from '../api.ts'
import type { WidgetConfig } from '../config.ts'
import type { Shown } from '../engine.ts'
import type { Insight } from '../insight.ts'
import type { Strings } from '../strings.ts'
import { adoptStyles } from '../styles.ts'
import type { IncidentForm as Form } from './IncidentForm.tsx'
import { OpeningHours } from './OpeningHours.tsx'
import { Results } from './Results.tsx'
import { SupportContact } from './SupportContact.tsx'

/** Results listed under the search box, at most. */
const RESULTS = 5
/** How often an open panel asks the desk's status again: "open until 17:00" must turn at 17:00. */
const DESK_REFRESH_MS = 60_000

export interface WidgetProps {
  config: WidgetConfig
  strings: Strings
  api: Api
  insight: Insight
  /** An answer carries every article the widget has shown so far, for the incident. */
  search(term: string, limit: number): Promise<Shown | undefined>
  suggest(subject: string, description: string, limit: number): Promise<Shown | undefined>
  /** Starts loading Pagefind ahead of the first search. */
  warm(): void
}

type Sent = Extract<RegisterOutcome, { kind: 'check_email' | 'registered' }>
type View = { kind: 'search' } | { kind: 'form' } | { kind: 'sent'; outcome: Sent }

interface State {
  isOpen: boolean
  /** Whether the panel was ever opened: until then only the launcher is rendered, the host page's cheapest start. */
  hasOpened: boolean
  view: View
  query: string
  found: Shown | null | 'error'
  isSearching: boolean
  desk?: DeskStatusReply
  now: Date
  contact: SignedInContact | null
  IncidentForm?: typeof Form
  /** The article the page handed over with "ask support" (its translation key). */
  askedArticle?: string
  /** How to reach support once the API refused this page's site (not in its ALLOWED_ORIGINS): the form cannot be sent from here. */
  refusedSupport?: Support
}

/** The form arrives in a chunk of its own when first needed: most visitors find their answer without it. */
let loadingForm: Promise<typeof import('./IncidentForm.tsx')> | undefined
const loadForm = () => (loadingForm ??= import('./IncidentForm.tsx'))

/**
 * A class rather than hooks: the hooks runtime is a kilobyte the host page would download before
 * anyone searches (the form, loaded later, uses hooks).
 */
export class Widget extends Component<WidgetProps, State> {
  state: State = { isOpen: false, hasOpened: false, view: { kind: 'search' }, query: '', found: null, isSearching: false, now: new Date(), contact: null }
  launcher = createRef<HTMLButtonElement>()
  panel = createRef<HTMLElement>()
  input = createRef<HTMLInputElement>()
  deskTimer: ReturnType<typeof setInterval> | undefined
  /** Whether the site owner was told (in the console) that the API refuses this site: once per page. */
  hasToldRefusal = false

  /** The KB's own search page hands a question over to the widget rather than to its fallback link. */
  onAsk = (event: Event) => {
    event.preventDefault()
    // The page may hand over the article the reader found wanting: it goes along with the incident.
    const detail = (event as CustomEvent<{ query?: string; article?: string }>).detail
    this.setState({ query: detail?.query ?? '', askedArticle: detail?.article })
    this.open('form')
  }

  componentDidMount() {
    window.addEventListener('loket:ask', this.onAsk)
  }

  componentWillUnmount() {
    window.removeEventListener('loket:ask', this.onAsk)
    clearInterval(this.deskTimer)
  }

  componentDidUpdate(_: WidgetProps, before: State) {
    const { isOpen, view, IncidentForm } = this.state
    if (isOpen !== before.isOpen) {
      clearInterval(this.deskTimer)
      if (isOpen) {
        this.refreshDesk()
        this.deskTimer = setInterval(this.refreshDesk, DESK_REFRESH_MS)
      }
    }
    if (view.kind === 'form' && !IncidentForm && before.view.kind !== 'form') {
      loadForm().then((m) => {
        adoptStyles(this.panel.current!.getRootNode() as ShadowRoot, m.FORM_CSS)
        this.setState({ IncidentForm: m.IncidentForm })
      }).catch((error) => console.error('[loket] the form could not load', error))
    }
    if (isOpen && (!before.isOpen || view.kind !== before.view.kind || IncidentForm !== before.IncidentForm)) {
      // Focus moves into the panel: the search box, the form's first field, or what was sent.
      const target = view.kind === 'search' ? this.input.current : this.panel.current?.querySelector<HTMLElement>(view.kind === 'form' && !this.state.refusedSupport ? '#lw-name' : '.lw-sent')
      target?.focus()
    }
  }

  /** "Open until 17:00" must turn at 17:00: an open panel asks again every minute. */
  refreshDesk = () => {
    // Refused once, refused until the operator allows the site: asking again would only add errors to the host page's console.
    if (this.state.refusedSupport) return clearInterval(this.deskTimer)
    this.setState({ now: new Date() })
    this.props.api.desk().then((desk) => this.setState({ desk })).catch((error) => {
      if (!(error instanceof OriginNotAllowedError)) return console.warn('[loket] desk status unavailable', error)
      clearInterval(this.deskTimer)
      this.setState({ refusedSupport: error.support })
      if (this.hasToldRefusal) return
      this.hasToldRefusal = true
      // For the site's owner: the visitor sees support's phone and e-mail instead of the form.
      console.error(`[loket] the support API at ${this.props.config.api} does not allow this site's origin ${error.origin}: add ${error.origin} to ALLOWED_ORIGINS on the Loket server. Until then the widget searches the KnowledgeBase and shows support's phone and e-mail instead of the incident form.`)
    })
  }

  open(next?: View['kind']) {
    this.setState(next === 'form' ? { isOpen: true, hasOpened: true, view: { kind: 'form' } } : { isOpen: true, hasOpened: true })
    if (!this.state.hasOpened) {
      this.props.api.me().then((contact) => this.setState({ contact })).catch(() => {})
    }
  }

  close = () => {
    this.setState({ isOpen: false })
    this.launcher.current?.focus()
  }

  changeQuery = async (next: string) => {
    this.setState({ query: next, isSearching: true })
    try {
      const answer = await this.props.search(next, RESULTS)
      if (!answer) return // a newer search is on its way
      this.setState({ found: answer, isSearching: false })
      // A site the API refuses could not send it anyway: no failed request in the host page's console.
      if (!this.state.refusedSupport) this.props.insight.searched(answer.query, answer.total)
    } catch (error) {
      console.error('[loket] search failed', error)
      this.setState({ found: 'error', isSearching: false })
    }
  }

  openResult = (url: string) => {
    if (this.state.refusedSupport) return
    this.props.insight.clicked(this.state.query, new URL(url, this.props.config.kb).pathname)
  }

  sent = (outcome: Sent) => {
    this.props.insight.filed(this.state.query)
    this.setState({ view: { kind: 'sent', outcome } })
  }

  startOver = () => this.setState({ query: '', found: null, view: { kind: 'search' }, askedArticle: undefined })

  render({ config, strings, api, suggest, warm }: WidgetProps, { isOpen, hasOpened, view, query, found, isSearching, desk, now, contact, IncidentForm, askedArticle, refusedSupport }: State) {
    const isForeign = typeof location === 'undefined' || location.origin !== config.kb
    // The article handed over with "ask support" first, then every result shown so far, each once.
    const shown = [...new Set([askedArticle, ...(found && found !== 'error' ? found.shown : [])])].filter((k): k is string => !!k)
    return (
      <div class="lw-root" lang={config.lang}>
        <button
          ref={this.launcher}
          type="button"
          class="lw-launcher"
          aria-expanded={isOpen ? 'true' : 'false'}
          aria-controls={hasOpened ? 'lw-panel' : undefined}
          onClick={() => (isOpen ? this.close() : this.open())}
        >
          {strings.launcher}
        </button>
        {hasOpened && <section
          ref={this.panel}
          id="lw-panel"
          class="lw-panel"
          role="dialog"
          aria-labelledby="lw-title"
          hidden={!isOpen}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              this.close()
            }
          }}
        >
          <header class="lw-header">
            <h2 id="lw-title" class="lw-title">{strings.panelTitle}</h2>
            <button type="button" class="lw-close" aria-label={strings.close} onClick={this.close}>×</button>
          </header>
          <div class="lw-body">
            {view.kind === 'search' && (
              <Results
                strings={strings}
                query={query}
                onQuery={this.changeQuery}
                found={found}
                isSearching={isSearching}
                onWarm={warm}
                onOpenResult={this.openResult}
                onAsk={() => this.setState({ view: { kind: 'form' } })}
                isForeign={isForeign}
                inputRef={this.input}
              />
            )}
            {view.kind === 'form' && refusedSupport && (
              <div class="lw-sent" role="status" tabIndex={-1}>
                <h3 class="lw-h">{strings.unreachableTitle}</h3>
                <p>{strings.unreachable}</p>
                <SupportContact support={refusedSupport} strings={strings} />
                <button type="button" class="lw-secondary" onClick={() => this.setState({ view: { kind: 'search' } })}>{strings.backToSearch}</button>
              </div>
            )}
            {view.kind === 'form' && !refusedSupport && !IncidentForm && <p class="lw-status" role="status">{strings.loading}</p>}
            {view.kind === 'form' && !refusedSupport && IncidentForm && (
              <IncidentForm
                lang={config.lang}
                query={query}
                shownArticles={shown}
                productArea={config.productArea}
                productAreas={desk?.productAreas}
                contact={contact}
                suggest={(subject, description) => suggest(subject, description, 5)}
                register={(input) => api.register(input)}
                onSent={this.sent}
                onOpenResult={this.openResult}
                onBack={() => this.setState({ view: { kind: 'search' } })}
                isForeign={isForeign}
              />
            )}
            {view.kind === 'sent' && (
              <div class="lw-sent" role="status" tabIndex={-1}>
                <h3 class="lw-h">{view.outcome.kind === 'registered' ? strings.registeredTitle : strings.checkEmailTitle}</h3>
                {view.outcome.kind === 'registered' ? (
                  <>
                    <p>{format(strings.registered, { number: view.outcome.number })}</p>
                    {view.outcome.url && <p><a href={new URL(view.outcome.url, config.kb).href}>{strings.follow}</a></p>}
                  </>
                ) : <p>{strings.checkEmail}</p>}
                <button type="button" class="lw-secondary" onClick={this.startOver}>{strings.another}</button>
              </div>
            )}
          </div>
          <footer class="lw-footer">
            {desk && <OpeningHours desk={desk} now={now} lang={config.lang} strings={strings} />}
            {!desk && refusedSupport && <SupportContact support={refusedSupport} strings={strings} />}
          </footer>
        </section>}
      </div>
      )
  }
}
