/** The small HTML pages the API answers itself, opened from e-mailed links: confirming a registration, signing in, and what came of it; in the mail's language, in the site's frame, each with the next step. */
import { telHref } from '#lib/phone.ts'
import { format } from '#lib/format.ts'
import { dictionaries, type Key } from '#lib/i18n/index.ts'
import { isLanguage, type Language } from '#lib/language.ts'
import { PAGES, incidentPath } from '#lib/paths.ts'
import { siteNameOf } from '../domain/brand.ts'
import type { DeskConfig } from '../domain/desk.ts'

/**
 * The pages' stylesheet: the site's own (site/styles/global.css) with the few rules of these pages
 * (site/styles/landing.css), which the site's build writes to this path (site/pages/landing.css.ts).
 */
export const LANDING_STYLESHEET = '/landing.css'

/**
 * The Content-Security-Policy of these pages: they hold no script at all and no inline style, load
 * only the site's stylesheet and icon, post their form only to this site, and are never framed.
 */
export const PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/** What every page needs: the mail's language, and the desk's phone and address for the footer and for a way on. */
export interface PageContext {
  lang: Language
  desk: Pick<DeskConfig, 'name' | 'phone' | 'email' | 'brand'>
}

/** The brand's logo, written by the site's build beside the stylesheet (site/pages/landing-logo.svg.ts). */
export const LANDING_LOGO = '/landing-logo.svg'

/**
 * The language a page speaks: the `lang` the e-mailed link carries (the mail's language), Dutch when
 * it has none or an unknown one.
 * @example pageLanguage('en') === 'en'; pageLanguage(undefined) === 'nl'
 */
export function pageLanguage(lang: string | undefined): Language {
  return isLanguage(lang) ? lang : 'nl'
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
/** A catalogue text, escaped for HTML (the catalogue is ours, but its placeholders may carry anything). */
const text = (lang: Language, key: Key, vars?: Record<string, string | number>) => escape(format(dictionaries[lang][key], vars))
const link = (href: string, label: string, className?: string) => `<a${className ? ` class="${className}"` : ''} href="${escape(href)}">${label}</a>`

/** The site's header (name and main menu, as site/layouts/Base.astro draws it), the page's own part, and the site's footer. */
function page({ lang, desk }: PageContext, title: string, body: string): string {
  const siteName = escape(siteNameOf(desk)[lang])
  const tel = telHref(desk.phone.international)
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${siteName}</title>
<link rel="stylesheet" href="${LANDING_STYLESHEET}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body class="landing">
<a class="skip" href="#main">${text(lang, 'nav.skip')}</a>
<header class="site-header"><div class="wrap"><a class="brand" href="${PAGES.home[lang]}">${desk.brand.logo ? `<img class="brand-logo" src="${LANDING_LOGO}" alt="">` : ''}${siteName}</a>
<nav class="site-nav" aria-label="${text(lang, 'nav.main')}"><ul><li>${link(PAGES.hours[lang], text(lang, 'nav.hours'))}</li><li>${link(PAGES.priorities[lang], text(lang, 'nav.priorities'))}</li><li>${link(PAGES.portal[lang], text(lang, 'nav.portal'))}</li></ul></nav>
</div></header>
<main id="main" tabindex="-1"><div class="wrap"><div class="landing-page">
<h1>${title}</h1>
${body}
</div></div></main>
<footer class="site-footer"><div class="wrap"><p>${text(lang, 'footer.vendor')} · ${text(lang, 'footer.support')}: ${link(tel, escape(desk.phone.display))} · ${link(`mailto:${desk.email}`, escape(desk.email))}</p>
<p>${link(PAGES.hours[lang], text(lang, 'nav.hours'))} · ${link(PAGES.priorities[lang], text(lang, 'nav.priorities'))}</p></div></footer>
</body>
</html>`
}

/** The next step: one or more links, the first the main one (drawn as a button). */
const next = (...links: [href: string, label: string][]) =>
  `<p class="landing-next">${links.map(([href, label], i) => link(href, label, i === 0 ? 'button' : undefined)).join(' ')}</p>`

/** A one-button form that posts `token` to `action`, keeping the page's language: a link scanner that opens the link cannot act on it. */
const oneButton = (lang: Language, action: string, token: string, button: 'pages.confirm.button' | 'pages.signIn.button') =>
  `<form method="post" action="${action}?lang=${lang}"><input type="hidden" name="token" value="${token.replace(/[^\w-]/g, '')}"><button type="submit">${text(lang, button)}</button></form>`

/** The page an e-mail's confirmation link opens: one button, so a link scanner cannot confirm. */
export function confirmPage(token: string, ctx: PageContext): string {
  return page(ctx, text(ctx.lang, 'pages.confirm.title'), `<p>${text(ctx.lang, 'pages.confirm.text')}</p>\n${oneButton(ctx.lang, '/api/incidents/confirm', token, 'pages.confirm.button')}`)
}

/**
 * The page after the confirmation button: registered under its number, with the way to the
 * incident in the portal; the same when the link was used before (`isAlreadyConfirmed`), said so,
 * so that nobody sends it again.
 */
export function registeredPage(incident: { id: string; number: string }, isAlreadyConfirmed: boolean, ctx: PageContext): string {
  const { lang } = ctx
  const number = `<strong>${escape(incident.number)}</strong>`
  const title = text(lang, isAlreadyConfirmed ? 'pages.alreadyRegistered.title' : 'pages.registered.title')
  // `{number}` is HTML: left in the escaped text, then filled.
  const said = format(text(lang, isAlreadyConfirmed ? 'pages.alreadyRegistered.text' : 'pages.registered.text'), { number })
  return page(ctx, title, `<p>${said}</p>\n<p>${text(lang, 'pages.registered.next')}</p>\n${next([incidentPath(lang, incident.id), text(lang, 'pages.registered.toIncident')])}`)
}

/** A confirmation link that is unknown or expired: nothing was registered, and how to get a new link. */
export function confirmExpiredPage(ctx: PageContext): string {
  const { lang } = ctx
  return page(ctx, text(lang, 'pages.expired.title'), `<p>${text(lang, 'pages.expired.confirmText')}</p>\n<p>${text(lang, 'pages.expired.confirmNext')}</p>\n`
    + next([PAGES.home[lang], text(lang, 'pages.toKnowledgeBase')], [PAGES.portalNew[lang], text(lang, 'pages.expired.newIncident')]))
}

/** A confirmation by a contact who is no longer authorised: not registered, whom to ask, and how to reach the desk. */
export function refusedPage(ctx: PageContext): string {
  const { lang, desk } = ctx
  return page(ctx, text(lang, 'pages.refused.title'), `<p>${text(lang, 'pages.refused.text')}</p>\n<p>${text(lang, 'pages.refused.next', { phone: desk.phone.display, email: desk.email })}</p>\n`
    + next([PAGES.home[lang], text(lang, 'pages.toKnowledgeBase')]))
}

/** The page a sign-in link opens: one button that signs in. */
export function signInPage(token: string, ctx: PageContext, deskName: string): string {
  return page(ctx, text(ctx.lang, 'pages.signIn.heading', { desk: deskName }), `<p>${text(ctx.lang, 'pages.signIn.text')}</p>\n${oneButton(ctx.lang, '/api/auth/callback', token, 'pages.signIn.button')}`)
}

/** A sign-in link that was used, expired or withdrawn: said plainly, with the way to the sign-in page for a new one. */
export function signInExpiredPage(ctx: PageContext): string {
  const { lang } = ctx
  return page(ctx, text(lang, 'pages.linkExpired.heading'), `<p>${text(lang, 'pages.linkExpired.signInText')}</p>\n<p>${text(lang, 'pages.linkExpired.signInNext')}</p>\n`
    + next([PAGES.portal[lang], text(lang, 'pages.linkExpired.toSignIn')]))
}

/** A sign-in link of someone who may no longer sign in (withdrawn, deactivated): whom to ask, and the desk. */
export function signInRefusedPage(ctx: PageContext): string {
  const { lang, desk } = ctx
  return page(ctx, text(lang, 'pages.signInRefused.title'), `<p>${text(lang, 'pages.signInRefused.text')}</p>\n<p>${text(lang, 'pages.refused.next', { phone: desk.phone.display, email: desk.email })}</p>\n`
    + next([PAGES.home[lang], text(lang, 'pages.toKnowledgeBase')]))
}

/** Too many links that do not work from the caller's address: when to try again. */
export function tooManyTriesPage(waitSeconds: number, ctx: PageContext): string {
  const { lang } = ctx
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60))
  return page(ctx, text(lang, 'pages.tooManyTries.title'), `<p>${text(lang, 'pages.tooManyTries.text', { minutes })}</p>\n${next([PAGES.home[lang], text(lang, 'pages.toKnowledgeBase')])}`)
}
