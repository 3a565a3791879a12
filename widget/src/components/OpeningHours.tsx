/** Always in view: a notice of exceptional busyness while it runs, open now or when, today's exception named, the phone number with its advice, and what the priorities mean. */
import { telHref } from '#lib/phone.ts'
import type { Language } from '#lib/language.ts'
import type { DeskStatusReply } from '#domain/desk-status.ts'
import { format } from '#lib/format.ts'
import { describeDesk } from '../opening.ts'
import type { Strings } from '../strings.ts'

export interface OpeningHoursProps {
  desk: DeskStatusReply
  now: Date
  lang: Language
  strings: Strings
}

export function OpeningHours({ desk, now, lang, strings }: OpeningHoursProps) {
  const line = describeDesk(desk, now, lang, strings)
  return (
    <div class="lw-desk">
      {/* Hidden at its end without another request: `now` moves on every minute while the panel is open. */}
      {desk.notice && new Date(desk.notice.endsAt) > now && <p class="lw-busy" role="note">{desk.notice.text[lang]}</p>}
      <p class="lw-open" data-open={String(line.isOpen)}>
        <span class="lw-dot" aria-hidden="true" />{line.text}
      </p>
      {line.note && <p class="lw-note">{line.note}</p>}
      <p>
        {strings.phone}: <a href={telHref(desk.phone.international)}>{desk.phone.display}</a>
      </p>
      <p class="lw-note">{strings.phoneAdvice}</p>
      <details class="lw-priorities">
        <summary>{strings.priorities}</summary>
        <p class="lw-note">{strings.prioritiesNote}</p>
        <dl>
          {desk.priorities.map((p) => (
            <div key={p.level}>
              <dt>{format(strings.priority, { level: p.level })}: {p.name[lang]}{p.firstClassOnly ? ` (${strings.firstClassOnly})` : ''}</dt>
              <dd>{p.description[lang]} <strong>{p.targetText[lang]}</strong></dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  )
}
