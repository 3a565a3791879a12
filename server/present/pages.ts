/** The small HTML pages the API answers itself: confirming a registration or signing in from an e-mailed link, and the result. Bilingual where the language is unknown. */
import { MESSAGES } from '../http/errors.ts'

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5'

/** The page an e-mail's confirmation link opens: one button, so a link scanner cannot confirm. */
export function confirmPage(token: string): string {
  const safe = token.replace(/[^\w-]/g, '')
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Melding bevestigen · Confirm your request</title>
<body style="${PAGE_STYLE}"><h1>Melding bevestigen</h1><p>Bevestig dat u deze melding wilt doen. <span lang="en">Confirm that you want to send this request.</span></p>
<form method="post" action="/api/incidents/confirm"><input type="hidden" name="token" value="${safe}"><button type="submit" style="font:inherit;padding:.5rem 1rem">Bevestigen · <span lang="en">Confirm</span></button></form></body></html>`
}

/** The page after the confirmation button: registered with its number, or why not. */
export function resultPage(kind: 'registered' | 'expired' | 'refused', number?: string, lang: 'nl' | 'en' = 'nl'): string {
  const texts = {
    registered: {
      nl: `Uw melding is geregistreerd onder nummer <strong>${number}</strong>. U ontvangt een e-mail met een link om haar te volgen.`,
      en: `Your request is registered as number <strong>${number}</strong>. You will receive an e-mail with a link to follow it.`,
    },
    expired: MESSAGES.tokenInvalid,
    refused: MESSAGES.notAuthorised,
  }[kind]
  const heading = { registered: { nl: 'Melding geregistreerd', en: 'Request registered' }, expired: { nl: 'Link werkt niet meer', en: 'Link no longer works' }, refused: { nl: 'Melding niet geregistreerd', en: 'Request not registered' } }[kind]
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading[lang]}</title>
<body style="${PAGE_STYLE}"><h1>${heading[lang]}</h1><p>${texts[lang]}</p><p><a href="${lang === 'en' ? '/en/' : '/'}">${lang === 'en' ? 'To the knowledge base' : 'Naar de kennisbank'}</a></p></body></html>`
}

/** The page a sign-in link opens: one button that signs in, in Dutch and English. */
export function signInPage(token: string): string {
  const safe = token.replace(/[^\w-]/g, '')
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Inloggen · Sign in</title>
<body style="${PAGE_STYLE}"><h1>Inloggen bij Noordwind Support</h1><p>Klik op de knop om in te loggen. <span lang="en">Click the button to sign in.</span></p>
<form method="post" action="/api/auth/callback"><input type="hidden" name="token" value="${safe}"><button type="submit" style="font:inherit;padding:.5rem 1rem">Inloggen · <span lang="en">Sign in</span></button></form></body></html>`
}

/** A link that was used, expired or withdrawn: said plainly in both languages, with a way on. */
export function expiredPage(): string {
  return `<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link verlopen · Link expired</title>
<body style="${PAGE_STYLE}">
<h1>Deze link werkt niet meer</h1><p>${MESSAGES.tokenInvalid.nl}</p><p><a href="/">Naar de kennisbank</a></p>
<h2 lang="en">This link no longer works</h2><p lang="en">${MESSAGES.tokenInvalid.en}</p><p lang="en"><a href="/en/">To the knowledge base</a></p></body></html>`
}
