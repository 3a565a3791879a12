/** The small HTML pages the API answers itself: confirming a registration or signing in from an e-mailed link, and the result. Bilingual where the language is unknown. */
import { createHash } from 'node:crypto'
import { t } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'

/** The pages' one style element: style attributes would need 'unsafe-inline', a hashed element does not. */
const STYLE = 'body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.5rem 1rem}'

/**
 * The Content-Security-Policy of these pages: they hold no script at all, load nothing, allow their
 * one style element by its hash, post their form only to this site, and are never framed.
 */
export const PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`
/** The desk's name in the sign-in heading, as desk.yaml names it. */
const DESK_NAME = 'Noordwind Support'

const home = (lang: Language) => (lang === 'en' ? '/en/' : '/')

/** A page shell: the language, the title, and the body. */
const page = (lang: Language, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style>\n<body>${body}</body></html>`

/** A one-button form that posts `token` to `action`: a link scanner that opens the link cannot act on it. */
const oneButton = (action: string, token: string, button: 'confirm.button' | 'signIn.button') =>
  `<form method="post" action="${action}"><input type="hidden" name="token" value="${token.replace(/[^\w-]/g, '')}"><button type="submit">${t('nl', `pages.${button}`)} · <span lang="en">${t('en', `pages.${button}`)}</span></button></form>`

/** The page an e-mail's confirmation link opens: one button, so a link scanner cannot confirm. */
export function confirmPage(token: string): string {
  return page('nl', `${t('nl', 'pages.confirm.title')} · ${t('en', 'pages.confirm.title')}`,
    `<h1>${t('nl', 'pages.confirm.title')}</h1><p>${t('nl', 'pages.confirm.text')} <span lang="en">${t('en', 'pages.confirm.text')}</span></p>\n${oneButton('/api/incidents/confirm', token, 'confirm.button')}`)
}

/** The page after the confirmation button: registered with its number, or why not. */
export function resultPage(kind: 'registered' | 'expired' | 'refused', number?: string, lang: Language = 'nl'): string {
  const text = kind === 'registered' ? t(lang, 'pages.registered.text', { number: `<strong>${number}</strong>` }) : t(lang, `pages.${kind}.text`)
  const heading = t(lang, `pages.${kind}.title`)
  return page(lang, heading, `<h1>${heading}</h1><p>${text}</p><p><a href="${home(lang)}">${t(lang, 'pages.toKnowledgeBase')}</a></p>`)
}

/** The page a sign-in link opens: one button that signs in, in Dutch and English. */
export function signInPage(token: string): string {
  return page('nl', `${t('nl', 'pages.signIn.title')} · ${t('en', 'pages.signIn.title')}`,
    `<h1>${t('nl', 'pages.signIn.heading', { desk: DESK_NAME })}</h1><p>${t('nl', 'pages.signIn.text')} <span lang="en">${t('en', 'pages.signIn.text')}</span></p>\n${oneButton('/api/auth/callback', token, 'signIn.button')}`)
}

/** Too many links that do not work from the caller's address: when to try again, in both languages. */
export function tooManyTriesPage(waitSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60))
  return page('nl', `${t('nl', 'pages.tooManyTries.title')} · ${t('en', 'pages.tooManyTries.title')}`,
    `\n<h1>${t('nl', 'pages.tooManyTries.title')}</h1><p>${t('nl', 'pages.tooManyTries.text', { minutes })}</p><p><a href="/">${t('nl', 'pages.toKnowledgeBase')}</a></p>\n`
    + `<h2 lang="en">${t('en', 'pages.tooManyTries.title')}</h2><p lang="en">${t('en', 'pages.tooManyTries.text', { minutes })}</p><p lang="en"><a href="/en/">${t('en', 'pages.toKnowledgeBase')}</a></p>`)
}

/** A link that was used, expired or withdrawn: said plainly in both languages, with a way on. */
export function expiredPage(): string {
  return page('nl', `${t('nl', 'pages.linkExpired.title')} · ${t('en', 'pages.linkExpired.title')}`,
    `\n<h1>${t('nl', 'pages.linkExpired.heading')}</h1><p>${t('nl', 'pages.expired.text')}</p><p><a href="/">${t('nl', 'pages.toKnowledgeBase')}</a></p>\n`
    + `<h2 lang="en">${t('en', 'pages.linkExpired.heading')}</h2><p lang="en">${t('en', 'pages.expired.text')}</p><p lang="en"><a href="/en/">${t('en', 'pages.toKnowledgeBase')}</a></p>`)
}
