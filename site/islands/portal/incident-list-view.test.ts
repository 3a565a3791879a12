import { describe, expect, test } from 'vitest'
import { EMPTY_QUERY, apiQuery, listSearch, readListQuery } from './incident-list-view.ts'

describe('the portal incident list in the URL', () => {
  test.each([
    ['', EMPTY_QUERY],
    ['?q=printer&status=new&kind=bug&contactId=c-jansen-emp', { q: 'printer', status: 'new', kind: 'bug', contactId: 'c-jansen-emp' }],
    ['?q=%20btw%20fout%20', { ...EMPTY_QUERY, q: 'btw fout' }],
    ['?status=lost&kind=nonsense&contactId=../x', EMPTY_QUERY],
  ])('reads %s', (search, expected) => {
    expect(readListQuery(search)).toEqual(expected)
  })

  test('writes only what is set, in a fixed order, and reads back the same', () => {
    const query = { q: 'afdrukken', status: 'closed', kind: '', contactId: 'c-1' }
    expect(listSearch(query)).toBe('?q=afdrukken&status=closed&contactId=c-1')
    expect(readListQuery(listSearch(query))).toEqual(query)
    expect(listSearch(EMPTY_QUERY)).toBe('')
  })

  test('asks the API for the next page with the cursor, and for the first without', () => {
    expect(apiQuery({ ...EMPTY_QUERY, q: 'printer' })).toEqual({ q: 'printer' })
    expect(apiQuery({ ...EMPTY_QUERY, status: 'new' }, 'WzEwMDAwNV0')).toEqual({ status: 'new', cursor: 'WzEwMDAwNV0' })
  })
})
