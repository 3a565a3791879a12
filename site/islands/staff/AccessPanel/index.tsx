/**
 * The incident page's access to the customer's environment: the grants the customer's admin gave
 * (each use checked by the server), and backups support requests, receives and purges. It polls,
 * so a customer's revocation shows within seconds without a reload.
 */
import { useState } from 'preact/hooks'
import type { Language } from '#lib/language.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../../i18n/index.ts'
import { call, portalApi } from '../../lib/api.ts'
import { usePolling } from '../../lib/polling.ts'
import { FailureNote } from '../../lib/ResultMessage.tsx'
import { useLoad } from '../../lib/use-load.ts'
import { announcement, changedSince, freshest, withRecord } from '../access-view.ts'
import { BackupList } from './BackupList.tsx'
import { BackupRequestForm } from './BackupRequestForm.tsx'
import { isBackup, isGrant, type Consent } from './consents.tsx'
import { Grants } from './Grants.tsx'

interface Props {
  incidentId: string
  organisationName: string
  lang: Language
  strings: StaffStrings
  /** Something changed here or at the customer's: the incident (its timeline) reads again. */
  onChanged: () => void
}

export function AccessPanel({ incidentId, organisationName, lang, strings, onChanged }: Props) {
  const [news, setNews] = useState('')
  // An older poll answering late is dropped; `freshest` guards against the rest.
  const list = useLoad(async () => (await call(portalApi(lang).consents.$get({ query: { incidentId } }), strings)).consents, null, strings, {
    merge: (shown, fresh) => freshest(shown ?? [], fresh),
    // A change someone else made is announced and the timeline reads again.
    onLoaded: (shown, before) => {
      const changed = before ? changedSince(before, shown) : []
      if (changed.length === 0) return
      setNews(announcement(strings, { grants: changed.filter(isGrant), backups: changed.filter(isBackup) }))
      onChanged()
    },
  })
  usePolling(() => void list.reload(), incidentId)
  const records = list.data
  const loadError = list.message
  const refresh = list.reload

  /** After an action of this page: its record is shown at once, and the timeline reads again. */
  function acted(record?: Consent) {
    if (record) list.update((shown) => withRecord(shown, record))
    onChanged()
  }

  const grants = records?.filter(isGrant) ?? []
  const backups = records?.filter(isBackup) ?? []
  return (
    <>
      <p class="hint">{format(strings['access.panel.intro'], { organisation: organisationName })}</p>
      <FailureNote message={loadError} />
      <p class="visually-hidden" role="status">{news}</p>
      <section aria-labelledby="grants-title">
        <h4 id="grants-title">{strings['access.grants.title']}</h4>
        {!records && !loadError && <p class="meta">{strings.loading}</p>}
        {records && <Grants grants={grants} organisationName={organisationName} lang={lang} strings={strings} onActed={acted} />}
      </section>
      <section aria-labelledby="backups-title">
        <h4 id="backups-title">{strings['access.backups.title']}</h4>
        {records && <BackupList backups={backups} empty={strings['access.backups.none']} lang={lang} strings={strings} onActed={acted} onReload={refresh} />}
        <BackupRequestForm incidentId={incidentId} organisationName={organisationName} lang={lang} strings={strings} onActed={acted} />
      </section>
    </>
  )
}
