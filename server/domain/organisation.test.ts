import { describe, expect, test } from 'vitest'
import { contact } from '../store/store-contract.ts'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput, adminsToAsk, briefOrganisation, contactChangeRefusal } from './organisation.ts'
import type { Organisation } from './records.ts'

const organisation: Organisation = {
  id: 'org-1', name: 'Bakkerij Jansen', customerNumber: '104211', isFirstClass: true, address: 'Molenstraat 12',
  subscriptions: [{ name: 'ERP', since: '2021-03-01' }], invoices: [{ number: 'F1', date: '2026-10-01', amountCents: 100, isPaid: true }], projects: [], courses: [],
}

describe('what each role sees', () => {
  test('an employee gets name, customer number and First Class, nothing else', () => {
    expect(briefOrganisation(organisation)).toEqual({ id: 'org-1', name: 'Bakkerij Jansen', customerNumber: '104211', isFirstClass: true })
  })
})

describe('inputs', () => {
  test('a new contact is an authorised Dutch employee unless said otherwise; the address is lowercased', () => {
    expect(ContactInput.parse({ name: 'Sanne Visser', email: 'Sanne@Jansen.example' }))
      .toEqual({ name: 'Sanne Visser', email: 'sanne@jansen.example', role: 'employee', lang: 'nl', isAuthorised: true })
  })

  test.each([
    [ContactInput, { name: 'S', email: 'sanne@jansen.example' }, 'name'],
    [ContactInput, { name: 'Sanne', email: 'geen-adres' }, 'email'],
    [ContactInput, { name: 'Sanne', email: 'sanne@jansen.example', role: 'owner' }, 'role'],
    [ContactChangeInput, {}, 'role'],
    [ContactChangeInput, { isAuthorised: 'no' }, 'isAuthorised'],
    [ContactChangeInput, { organisationId: 'org-2' }, ''],
    [OrganisationDetailsInput, {}, 'name'],
    [OrganisationDetailsInput, { phone: 'bel maar' }, 'phone'],
    [OrganisationDetailsInput, { customerNumber: '1' }, ''],
  ] as const)('refuses %#: %j at "%s"', (schema, input, path) => {
    const result = (schema as typeof ContactInput).safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path.join('.')).toBe(path)
  })

  test('an empty invoice address clears it', () => {
    expect(OrganisationDetailsInput.parse({ invoiceEmail: '' })).toEqual({ invoiceEmail: '' })
  })
})

describe('the last admin', () => {
  const admin = contact({ id: 'a1', role: 'admin' })
  const employee = contact({ id: 'e1' })

  test.each([
    [{ role: 'employee' }, 'last_admin'],
    [{ isAuthorised: false }, 'last_admin'],
    [{ isActive: false }, 'last_admin'],
    [{ name: 'Marieke J.' }, undefined],
  ] as const)('the only admin: %j → %s', (change, refusal) => {
    expect(contactChangeRefusal([admin, employee], admin, change)).toBe(refusal)
  })

  test('with a second admin who can sign in, one may step down; not with one who cannot', () => {
    expect(contactChangeRefusal([admin, employee, contact({ id: 'a2', role: 'admin' })], admin, { role: 'employee' })).toBeUndefined()
    expect(contactChangeRefusal([admin, contact({ id: 'a2', role: 'admin', isAuthorised: false })], admin, { role: 'employee' })).toBe('last_admin')
  })

  test('changes to employees are never refused by this rule', () => {
    expect(contactChangeRefusal([admin, employee], employee, { isActive: false })).toBeUndefined()
  })
})

describe('the admins to ask', () => {
  test('active, authorised admins by name, without the one who asks', () => {
    const asking = contact({ name: 'Wim', role: 'admin', isAuthorised: false })
    const people = [
      contact({ name: 'Zoë', role: 'admin' }), contact({ name: 'Anna', role: 'admin' }), contact({ name: 'Bert' }),
      contact({ name: 'Cor', role: 'admin', isActive: false }), contact({ name: 'Dirk', role: 'admin', isAuthorised: false }), asking,
    ]
    expect(adminsToAsk(people, asking.id).map((c) => c.name)).toEqual(['Anna', 'Zoë'])
    expect(adminsToAsk([{ ...asking, isAuthorised: true }]).map((c) => c.name)).toEqual(['Wim'])
  })
})
