import { expect, test } from 'vitest'
import { mailboxKey } from './mailbox.ts'

test.each([
  ['anne@klant.example', 'anne@klant.example'],
  ['Anne@Klant.Example', 'anne@klant.example'],
  ['anne+1@klant.example', 'anne@klant.example'],
  ['Anne+Loket+2@klant.example', 'anne@klant.example'],
  ['anne.de.vries+x@klant.example', 'anne.de.vries@klant.example'],
  // No mailbox name before the tag: nothing to fold it into.
  ['+tag@klant.example', '+tag@klant.example'],
  // A plus in the domain is no tag.
  ['anne@klant+1.example', 'anne@klant+1.example'],
])('%s counts as %s', (email, key) => {
  expect(mailboxKey(email)).toBe(key)
})

test('two tags of one mailbox are one key, two mailboxes two', () => {
  expect(mailboxKey('name+1@x.example')).toBe(mailboxKey('name+2@x.example'))
  expect(mailboxKey('name1@x.example')).not.toBe(mailboxKey('name2@x.example'))
})
