/** The e-mails carry the brand of desk.yaml: the desk's name at the top and its colour on the buttons. */
import { describe, expect, test } from 'vitest'
import { loadDesk } from '../desk.ts'
import { signInLink } from './templates.ts'

const desk = loadDesk('content/desk.yaml')
const mail = (d = desk) => signInLink({ desk: d, baseUrl: 'https://support.noordwind.example', lang: 'en' }, { name: 'Anne', signInUrl: 'https://support.noordwind.example/x', expiresMinutes: 15 })

describe('the brand in mail', () => {
  test('heads the HTML with the desk\'s name in its primary colour, and colours the button with it', () => {
    const { html } = mail()
    expect(html).toContain('color:#0b5394">Noordwind Support</p>')
    expect(html).toMatch(/<a href="[^"]+" style="[^"]*background:#0b5394;color:#fff/)
  })

  test('follows a changed primary colour and name', () => {
    const { html } = mail({ ...desk, name: { nl: 'Zuidwind Hulp', en: 'Zuidwind Help' }, brand: { primaryColor: '#6d28d9' } })
    expect(html).toContain('color:#6d28d9">Zuidwind Help</p>')
    expect(html).toContain('background:#6d28d9;color:#fff')
    expect(html).not.toContain('#0b5394')
  })
})
