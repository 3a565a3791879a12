import { describe, expect, test } from 'vitest'
import { staffStrings } from '../../i18n/index.ts'
import { isLive, latestRemoteView, panelStatus, type RemoteViewItem } from './panel-state.ts'

const base: RemoteViewItem = {
  id: 'rv-2', kind: 'remote_view', organisation: { id: 'org-devries', name: 'De Vries Installatietechniek' },
  createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z', version: 1,
  incident: { id: 'i-1', number: '260042', subject: 'Offerte blijft hangen', status: 'in_progress' },
  staff: { kind: 'staff', name: 'Lotte Smit' }, contact: { kind: 'contact', name: 'Peter de Vries' },
  state: 'waiting', codeExpiresAt: '2026-11-30T09:10:00.000Z', consentedAt: null, endedAt: null, endedBy: null, code: null,
}
const view = (patch: Partial<RemoteViewItem>): RemoteViewItem => ({ ...base, ...patch })
const nl = staffStrings('nl')
const en = staffStrings('en')

describe('latestRemoteView', () => {
  test('takes the first remote view of the newest-first list, passing other kinds', () => {
    const older = view({ id: 'rv-1', state: 'ended' })
    const backup = { kind: 'backup' } as unknown as Parameters<typeof latestRemoteView>[0][number]
    expect(latestRemoteView([backup, base, older])?.id).toBe('rv-2')
  })

  test('is undefined when there never was one', () => {
    expect(latestRemoteView([])).toBeUndefined()
  })
})

describe('isLive', () => {
  test.each([
    ['waiting', true],
    ['open', true],
    ['ended', false],
    ['expired', false],
  ] as const)('a %s session: %s', (state, expected) => {
    expect(isLive(view({ state }))).toBe(expected)
  })

  test('no session is not live', () => {
    expect(isLive(undefined)).toBe(false)
  })
})

describe('panelStatus', () => {
  test.each<[string, RemoteViewItem | undefined, string]>([
    ['none yet', undefined, 'Er is bij dit incident nog niet meegekeken.'],
    ['waiting: the code went to the requester, never shown, with its end', base,
      'Wacht op toestemming van Peter de Vries. De code is per e-mail en in het portaal naar de melder gestuurd; u ziet de code zelf niet. De code verloopt om 30 nov 2026, 10:10.'],
    ['open since consent', view({ state: 'open', consentedAt: '2026-11-30T09:03:00.000Z' }), 'Meekijken is open: Peter de Vries gaf toestemming om 30 nov 2026, 10:03.'],
    ['ended by the customer', view({ state: 'ended', endedAt: '2026-11-30T09:20:00.000Z', endedBy: { kind: 'contact', name: 'Peter de Vries' } }),
      'Meekijken is beëindigd door Peter de Vries om 30 nov 2026, 10:20.'],
    ['ended by staff', view({ state: 'ended', endedAt: '2026-11-30T09:20:00.000Z', endedBy: { kind: 'staff', name: 'Lotte Smit' } }),
      'Meekijken is beëindigd door Lotte Smit om 30 nov 2026, 10:20.'],
    ['expired', view({ state: 'expired' }), 'De code is om 30 nov 2026, 10:10 verlopen zonder toestemming van Peter de Vries. Start opnieuw voor een nieuwe code.'],
  ])('in Dutch, %s', (_, item, expected) => {
    expect(panelStatus(nl, 'nl', item)).toBe(expected)
  })

  test('in English', () => {
    expect(panelStatus(en, 'en', view({ state: 'open', consentedAt: '2026-11-30T09:03:00.000Z' }))).toBe('Remote view is open: Peter de Vries consented at 30 Nov 2026, 10:03.')
  })
})
