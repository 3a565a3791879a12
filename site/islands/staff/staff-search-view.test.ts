import { describe, expect, test } from 'vitest'
import { joinPages, readSearch, readSearchFilters, searchApiQuery, withSearch } from './staff-search-view.ts'

describe('the console search and further pages', () => {
  test('reads the search from the URL, trimmed, and writes it after the filters', () => {
    expect(readSearch('?team=finance&q=%20printer%20')).toBe('printer')
    expect(readSearch('?team=finance')).toBe('')
    expect(withSearch('team=finance', 'btw fout')).toBe('team=finance&q=btw+fout')
    expect(withSearch('', 'printer')).toBe('q=printer')
    expect(withSearch('due=soon', '')).toBe('due=soon')
  })

  test('searches with the queue filters the incident list takes, and every status unless one is chosen', () => {
    expect(searchApiQuery({ team: 'finance', due: 'soon', priority: 2 }, 'printer')).toEqual({ q: 'printer', team: 'finance' })
    expect(searchApiQuery({ isMine: true, status: 'closed', kind: 'bug', organisationId: 'org-jansen' }, '100004', 'WzEwMDAwNF0'))
      .toEqual({ q: '100004', mine: '1', status: 'closed', kind: 'bug', organisationId: 'org-jansen', cursor: 'WzEwMDAwNF0' })
  })

  test('joins later pages after the first without doubles', () => {
    expect(joinPages([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  test('the search page keeps the queue, status and kind of a link, and drops filters the search cannot apply', () => {
    expect(readSearchFilters('?team=finance&priority=2&kind=bug&due=soon&productArea=finance&q=x')).toEqual({ team: 'finance', kind: 'bug' })
    expect(readSearchFilters('?mine=1&status=closed')).toEqual({ isMine: true, status: 'closed' })
    expect(readSearchFilters('?status=nonsense')).toEqual({})
  })
})
