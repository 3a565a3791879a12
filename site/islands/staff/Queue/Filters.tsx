/** The queue's filters: which queue (mine, a team, all), status, priority, kind, product area, organisation and due time. */
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { useDesk } from '../../portal/labels.ts'
import {
  QUEUE_KINDS, QUEUE_STATUSES, hasFilters, kindName, statusName, withFilter, withQueueChoice,
  type QueueChoice, type QueueFilters, type QueueKind, type QueueStatus,
} from '../queue-view.ts'

interface Props {
  filters: QueueFilters
  choice: QueueChoice
  /** The teams the viewer may choose. */
  teams: readonly string[]
  teamName: (key: string) => string
  /** What "all" is called for this viewer: all teams, or their own. */
  allLabel: string
  /** The organisations the queue has shown, by id. */
  organisations: Map<string, string>
  lang: Language
  strings: StaffStrings
  onChange: (next: QueueFilters) => void
  /** The filters offered besides the queue itself; default all of them. */
  fields?: readonly FilterField[]
  /** What no status is called: the queue shows the open ones (default), a search every one. */
  anyStatusLabel?: string
}

/** A filter the form can offer besides the queue itself. */
export type FilterField = 'status' | 'priority' | 'kind' | 'productArea' | 'organisationId' | 'due'
const ALL_FIELDS: readonly FilterField[] = ['status', 'priority', 'kind', 'productArea', 'organisationId', 'due']

export function Filters({ filters, choice, teams, teamName, allLabel, organisations, lang, strings, onChange: change, fields = ALL_FIELDS, anyStatusLabel }: Props) {
  const desk = useDesk(lang)
  const has = (field: FilterField) => fields.includes(field)
  return (
    <form class="filters" aria-label={strings['queue.filters']} onSubmit={(e) => e.preventDefault()}>
      <label>
        {strings['queue.filter.queue']}
        <select value={choice} onChange={(e) => change(withQueueChoice(filters, e.currentTarget.value as QueueChoice))}>
          <option value="mine">{strings['queue.filter.mine']}</option>
          {withCurrent(teams, filters.team).map((key) => <option key={key} value={`team:${key}`}>{teamName(key)}</option>)}
          <option value="all">{allLabel}</option>
        </select>
      </label>
      {has('status') && (
        <label>
          {strings['queue.filter.status']}
          <select value={filters.status ?? ''} onChange={(e) => change(withFilter(filters, 'status', e.currentTarget.value as QueueStatus | ''))}>
            <option value="">{anyStatusLabel ?? strings['queue.filter.open']}</option>
            {QUEUE_STATUSES.map((s) => <option key={s} value={s}>{statusName(strings, s)}</option>)}
          </select>
        </label>
      )}
      {has('priority') && (
        <label>
          {strings['queue.filter.priority']}
          <select value={filters.priority ?? ''} onChange={(e) => change(withFilter(filters, 'priority', e.currentTarget.value ? Number(e.currentTarget.value) : ''))}>
            <option value="">{strings['queue.filter.any']}</option>
            {[1, 2, 3, 4, 5].map((level) => {
              const name = desk?.priorities.find((p) => p.level === level)?.name[lang]
              return <option key={level} value={level}>{name ? format(strings['queue.priorityOption'], { level, name }) : level}</option>
            })}
          </select>
        </label>
      )}
      {has('kind') && (
        <label>
          {strings['queue.filter.kind']}
          <select value={filters.kind ?? ''} onChange={(e) => change(withFilter(filters, 'kind', e.currentTarget.value as QueueKind | ''))}>
            <option value="">{strings['queue.filter.any']}</option>
            {QUEUE_KINDS.map((k) => <option key={k} value={k}>{kindName(strings, k)}</option>)}
          </select>
        </label>
      )}
      {has('productArea') && (
        <label>
          {strings['queue.filter.productArea']}
          <select value={filters.productArea ?? ''} onChange={(e) => change(withFilter(filters, 'productArea', e.currentTarget.value))}>
            <option value="">{strings['queue.filter.any']}</option>
            {withCurrent(desk?.productAreas.map((a) => a.key) ?? [], filters.productArea).map((key) => (
              <option key={key} value={key}>{desk?.productAreas.find((a) => a.key === key)?.name[lang] ?? key}</option>
            ))}
          </select>
        </label>
      )}
      {has('organisationId') && (
        <label>
          {strings['queue.filter.organisation']}
          <select value={filters.organisationId ?? ''} onChange={(e) => change(withFilter(filters, 'organisationId', e.currentTarget.value))}>
            <option value="">{strings['queue.filter.any']}</option>
            {withCurrent([...organisations.keys()], filters.organisationId)
              .map((id) => ({ id, name: organisations.get(id) ?? id }))
              .sort((a, b) => a.name.localeCompare(b.name, lang))
              .map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
      )}
      {has('due') && (
        <label>
          {strings['queue.filter.due']}
          <select value={filters.due ?? ''} onChange={(e) => change(withFilter(filters, 'due', e.currentTarget.value as QueueFilters['due'] | ''))}>
            <option value="">{strings['queue.filter.any']}</option>
            <option value="breached">{strings['queue.filter.breached']}</option>
            <option value="soon">{strings['queue.filter.soon']}</option>
          </select>
        </label>
      )}
      {hasFilters(filters) && (
        <button type="button" class="secondary" onClick={() => change(withQueueChoice({}, choice))}>{strings['queue.filter.reset']}</button>
      )}
    </form>
  )
}

/** `keys` with `current` added when missing, so a select always shows what the URL chose. */
function withCurrent(keys: readonly string[], current: string | undefined): string[] {
  return current && !keys.includes(current) ? [...keys, current] : [...keys]
}
