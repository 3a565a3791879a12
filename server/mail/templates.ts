/** The e-mails of the support process as pure functions: subject, plain text and escaped HTML, in nl or en. */
import type { DeskConfig, Language } from '../domain/desk.ts'
import type { ComplaintStatus, FeedbackKind, IncidentStatus } from '../domain/records.ts'

/** What every template needs: the desk, where it is reached, and the recipient's language. */
export interface TemplateContext {
  desk: DeskConfig
  /** Where the KB and API are reached from outside, e.g. https://support.example.nl */
  baseUrl: string
  /** The recipient's language; Dutch when unknown. */
  lang?: Language
}

/** One rendered e-mail: the plain text is always there, the HTML carries the same content. */
export interface MailContent {
  subject: string
  text: string
  html: string
}

/** One piece of a mail body; rendered once as text and once as HTML. */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'quote'; title: string; text: string }

const statusNames: Record<Language, Record<IncidentStatus, string>> = {
  nl: {
    awaiting_confirmation: 'Wacht op bevestiging',
    new: 'Nieuw',
    in_progress: 'In behandeling',
    waiting_for_customer: 'Wacht op uw reactie',
    resolved: 'Opgelost',
    closed: 'Gesloten',
  },
  en: {
    awaiting_confirmation: 'Awaiting confirmation',
    new: 'New',
    in_progress: 'In progress',
    waiting_for_customer: 'Waiting for your reply',
    resolved: 'Resolved',
    closed: 'Closed',
  },
}

const strings = {
  nl: {
    greeting: (name: string) => (name ? `Beste ${name},` : 'Beste klant,'),
    closing: 'Met vriendelijke groet,',
    footer: (desk: string, phone: string, baseUrl: string) => `${desk} · ${phone} · ${baseUrl}`,
    hours: (n: number) => `${n} uur`,
    minutes: (n: number) => (n === 1 ? '1 minuut' : `${n} minuten`),
    notYou: 'Hebt u dit niet zelf aangevraagd? Dan kunt u deze e-mail negeren; er gebeurt niets.',
    confirm: {
      subject: (subject: string) => `Bevestig uw melding: ${subject}`,
      intro: (subject: string) => `We hebben uw melding "${subject}" ontvangen. Bevestig dat u deze melding wilt indienen; pas daarna komt hij bij support binnen.`,
      button: 'Melding bevestigen',
      expiry: (hours: string) => `De link werkt één keer en verloopt na ${hours}.`,
    },
    notAuthorised: {
      subject: (desk: string) => `Uw melding bij ${desk}`,
      intro: 'We hebben een verzoek ontvangen om met dit e-mailadres een melding in te dienen.',
      reason: 'Support kan alleen helpen als u contactpersoon bent die uw organisatie daarvoor heeft gemachtigd, en dit e-mailadres is (nog) niet gemachtigd.',
      action: 'Vraag de beheerder van uw organisatie om u als contactpersoon toe te voegen in het klantportaal. Daarna kunt u uw melding opnieuw indienen.',
    },
    registered: {
      subject: (number: string, subject: string) => `Melding ${number} geregistreerd: ${subject}`,
      intro: (number: string, subject: string) => `Uw melding "${subject}" is geregistreerd onder nummer ${number}.`,
      follow: 'Via deze link volgt u de melding en kunt u reageren of informatie toevoegen:',
      button: 'Melding volgen',
      acute: (phone: string, international: string, number: string) =>
        `Is het acuut? Uw melding is al geregistreerd: bel nu ${phone} (vanuit het buitenland ${international}) en toets het meldingsnummer ${number} in. U wordt dan doorverbonden met wie uw melding behandelt.`,
    },
    status: {
      subject: (number: string, status: string, subject: string) => `Melding ${number} – ${status}: ${subject}`,
      intro: (number: string, subject: string, status: string) => `De status van uw melding ${number} "${subject}" is nu: ${status}.`,
      messageTitle: 'Bericht van support:',
      button: 'Melding bekijken',
      explain: {
        awaiting_confirmation: 'We wachten op uw bevestiging via de link in de eerdere e-mail.',
        new: 'We hebben uw melding ontvangen en beoordelen hem zo snel mogelijk.',
        in_progress: 'Een medewerker van support werkt aan uw melding.',
        waiting_for_customer: 'We hebben informatie van u nodig om verder te kunnen. Reageer via de link hieronder.',
        resolved: (days: number) => `We beschouwen uw melding als opgelost. Is het probleem er nog? Reageer dan binnen ${days} dagen via de link hieronder; dan openen we de melding opnieuw.`,
        closed: 'De melding is gesloten. Hebt u een nieuwe vraag? Dien dan een nieuwe melding in.',
      },
    },
    complaint: {
      kindName: { complaint: 'klacht', opinion: 'mening' } satisfies Record<FeedbackKind, string>,
      statusName: { received: 'Ontvangen', in_progress: 'In behandeling', resolved: 'Afgehandeld' } satisfies Record<ComplaintStatus, string>,
      receivedSubject: (kind: string, number: string, subject: string) => `Uw ${kind} ${number} is ontvangen: ${subject}`,
      receivedIntro: (kind: string, number: string, subject: string) => `We hebben uw ${kind} "${subject}" ontvangen onder nummer ${number}.`,
      due: (when: string) => `U krijgt uiterlijk ${when} een reactie van ons.`,
      thanks: 'Dank u wel. We lezen elke mening en nemen haar mee in hoe we werken.',
      changedSubject: (number: string, status: string, subject: string) => `${number} – ${status}: ${subject}`,
      changedIntro: (kind: string, number: string, subject: string, status: string) => `De status van uw ${kind} ${number} "${subject}" is nu: ${status}.`,
      replyTitle: 'Reactie van support:',
      button: 'Bekijken in het portaal',
    },
    remoteView: {
      subject: (number: string) => `Uw code om mee te laten kijken bij incident ${number}`,
      intro: (staff: string, number: string, subject: string) => `${staff} van support wil met u meekijken op uw scherm voor incident ${number} ("${subject}").`,
      code: (code: string, minutes: number) => `Uw persoonlijke code is ${code}. Hij werkt één keer en verloopt na ${minutes} minuten.`,
      how: 'Open de pagina hieronder en vul de code in. U ziet eerst wie meekijkt en geeft dan pas toestemming; u kunt het meekijken altijd zelf beëindigen.',
      button: 'Code invullen',
      notYou: 'Verwachtte u dit niet? Vul de code dan niet in en bel support.',
    },
    backup: {
      subject: (number: string) => `Verzoek om een back-up voor incident ${number}`,
      intro: (staff: string, number: string, subject: string) => `${staff} van support vraagt om een back-up van uw omgeving voor intern onderzoek naar incident ${number} ("${subject}").`,
      reasonTitle: 'Reden',
      purge: (days: number) => `Als u akkoord gaat, verwijderen wij de back-up uiterlijk ${days} dagen nadat het incident is gesloten.`,
      button: 'Verzoek bekijken',
    },
    extraSupport: {
      subject: (approved: boolean) => (approved ? 'Extra ondersteuning toegezegd' : 'Extra ondersteuning niet mogelijk'),
      decided: (approved: boolean, from: string, until: string) => approved
        ? `Uw verzoek om extra ondersteuning van ${from} tot ${until} is goedgekeurd. In dat venster behandelen wij uw incidenten als binnen kantooruren.`
        : `Uw verzoek om extra ondersteuning van ${from} tot ${until} kunnen wij helaas niet toezeggen.`,
      billed: (isBilled: boolean) => (isBilled ? 'De ondersteuning wordt achteraf in rekening gebracht (nacalculatie).' : 'Als First Class-klant betaalt u hiervoor niets extra.'),
      noteTitle: 'Toelichting van support',
      button: 'Naar het portaal',
    },
    signIn: {
      subject: (desk: string) => `Uw inloglink voor ${desk}`,
      intro: (desk: string) => `Met deze link logt u in bij het klantportaal van ${desk}:`,
      button: 'Inloggen',
      expiry: (minutes: string) => `De link werkt één keer en verloopt na ${minutes}.`,
    },
  },
  en: {
    greeting: (name: string) => (name ? `Dear ${name},` : 'Dear customer,'),
    closing: 'Kind regards,',
    footer: (desk: string, phone: string, baseUrl: string) => `${desk} · ${phone} · ${baseUrl}`,
    hours: (n: number) => (n === 1 ? '1 hour' : `${n} hours`),
    minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
    notYou: 'Did you not ask for this yourself? Then you can ignore this e-mail; nothing will happen.',
    confirm: {
      subject: (subject: string) => `Confirm your request: ${subject}`,
      intro: (subject: string) => `We received your request "${subject}". Please confirm that you want to file it; only then does it reach support.`,
      button: 'Confirm request',
      expiry: (hours: string) => `The link works once and expires after ${hours}.`,
    },
    notAuthorised: {
      subject: (desk: string) => `Your request to ${desk}`,
      intro: 'We received a request to file an incident with this e-mail address.',
      reason: 'Support can only help contacts whom their organisation has authorised, and this e-mail address is not (yet) authorised.',
      action: "Please ask your organisation's admin to add you as a contact in the customer portal. Then you can file your request again.",
    },
    registered: {
      subject: (number: string, subject: string) => `Incident ${number} registered: ${subject}`,
      intro: (number: string, subject: string) => `Your incident "${subject}" has been registered as number ${number}.`,
      follow: 'Follow the incident, reply or add information with this link:',
      button: 'Follow incident',
      acute: (phone: string, international: string, number: string) =>
        `Is it acute? Your incident is already registered: call ${phone} now (from abroad ${international}) and type the incident number ${number}. You are then put through to whoever handles your incident.`,
    },
    status: {
      subject: (number: string, status: string, subject: string) => `Incident ${number} – ${status}: ${subject}`,
      intro: (number: string, subject: string, status: string) => `The status of your incident ${number} "${subject}" is now: ${status}.`,
      messageTitle: 'Message from support:',
      button: 'View incident',
      explain: {
        awaiting_confirmation: 'We are waiting for your confirmation through the link in the earlier e-mail.',
        new: 'We received your incident and will assess it as soon as possible.',
        in_progress: 'A support engineer is working on your incident.',
        waiting_for_customer: 'We need information from you to continue. Please reply through the link below.',
        resolved: (days: number) => `We consider your incident resolved. Is the problem still there? Reply within ${days} days through the link below and we reopen the incident.`,
        closed: 'The incident is closed. Do you have a new question? Please file a new incident.',
      },
    },
    complaint: {
      kindName: { complaint: 'complaint', opinion: 'opinion' } satisfies Record<FeedbackKind, string>,
      statusName: { received: 'Received', in_progress: 'In progress', resolved: 'Handled' } satisfies Record<ComplaintStatus, string>,
      receivedSubject: (kind: string, number: string, subject: string) => `Your ${kind} ${number} was received: ${subject}`,
      receivedIntro: (kind: string, number: string, subject: string) => `We received your ${kind} "${subject}" as number ${number}.`,
      due: (when: string) => `You will hear from us by ${when} at the latest.`,
      thanks: 'Thank you. We read every opinion and take it into how we work.',
      changedSubject: (number: string, status: string, subject: string) => `${number} – ${status}: ${subject}`,
      changedIntro: (kind: string, number: string, subject: string, status: string) => `The status of your ${kind} ${number} "${subject}" is now: ${status}.`,
      replyTitle: 'Reply from support:',
      button: 'View in the portal',
    },
    remoteView: {
      subject: (number: string) => `Your code to let support look along on incident ${number}`,
      intro: (staff: string, number: string, subject: string) => `${staff} of support would like to look along on your screen for incident ${number} ("${subject}").`,
      code: (code: string, minutes: number) => `Your personal code is ${code}. It works once and expires after ${minutes} minutes.`,
      how: 'Open the page below and enter the code. You first see who will look along and only then give consent; you can end the session yourself at any time.',
      button: 'Enter the code',
      notYou: 'Did you not expect this? Then do not enter the code and call support.',
    },
    backup: {
      subject: (number: string) => `Request for a backup for incident ${number}`,
      intro: (staff: string, number: string, subject: string) => `${staff} of support asks for a backup of your environment for internal investigation of incident ${number} ("${subject}").`,
      reasonTitle: 'Reason',
      purge: (days: number) => `If you approve, we delete the backup at the latest ${days} days after the incident is closed.`,
      button: 'See the request',
    },
    extraSupport: {
      subject: (approved: boolean) => (approved ? 'Extra support confirmed' : 'Extra support not possible'),
      decided: (approved: boolean, from: string, until: string) => approved
        ? `Your request for extra support from ${from} until ${until} is approved. In that window we handle your incidents as within business hours.`
        : `We are sorry: we cannot confirm your request for extra support from ${from} until ${until}.`,
      billed: (isBilled: boolean) => (isBilled ? 'The support is billed afterwards.' : 'As a First Class customer you pay nothing extra for it.'),
      noteTitle: 'Note from support',
      button: 'To the portal',
    },
    signIn: {
      subject: (desk: string) => `Your sign-in link for ${desk}`,
      intro: (desk: string) => `Use this link to sign in to the customer portal of ${desk}:`,
      button: 'Sign in',
      expiry: (minutes: string) => `The link works once and expires after ${minutes}.`,
    },
  },
} satisfies Record<Language, unknown>

/** The name of a status as customers read it, e.g. "In behandeling"; Dutch by default. */
export function statusName(status: IncidentStatus, lang: Language = 'nl'): string {
  return statusNames[lang][status]
}

/** "Confirm your request": the single-use link that turns a widget submission into an incident. */
export function confirmRegistration(
  ctx: TemplateContext,
  p: { name: string; subject: string; confirmUrl: string; expiresHours: number },
): MailContent {
  const t = strings[lang(ctx)]
  return render(ctx, t.confirm.subject(oneLine(p.subject)), p.name, [
    paragraph(t.confirm.intro(p.subject)),
    link(t.confirm.button, p.confirmUrl),
    paragraph(t.confirm.expiry(t.hours(p.expiresHours))),
    paragraph(t.notYou),
  ])
}

/**
 * The reply to an address that is no authorised contact: whom to ask. It carries no link, so a
 * stranger's address cannot be used to file anything.
 */
export function notAuthorised(ctx: TemplateContext, p: { name: string }): MailContent {
  const t = strings[lang(ctx)]
  return render(ctx, t.notAuthorised.subject(deskName(ctx)), p.name, [
    paragraph(t.notAuthorised.intro),
    paragraph(t.notAuthorised.reason),
    paragraph(t.notAuthorised.action),
    paragraph(t.notYou),
  ])
}

/** The incident is registered: its number, the link to follow it, and the phone route when acute. */
export function incidentRegistered(
  ctx: TemplateContext,
  p: { name: string; number: string; subject: string; trackUrl: string },
): MailContent {
  const t = strings[lang(ctx)]
  return render(ctx, t.registered.subject(p.number, oneLine(p.subject)), p.name, [
    paragraph(t.registered.intro(p.number, p.subject)),
    paragraph(t.registered.follow),
    link(t.registered.button, p.trackUrl),
    paragraph(t.registered.acute(ctx.desk.phone.display, ctx.desk.phone.international, p.number)),
  ])
}

/**
 * A status change, optionally with a public message from support. A resolved incident says that
 * a reply within `desk.process.reopenWithinDays` days reopens it.
 */
export function statusChanged(
  ctx: TemplateContext,
  p: { name: string; number: string; subject: string; status: IncidentStatus; trackUrl: string; message?: string },
): MailContent {
  const language = lang(ctx)
  const t = strings[language]
  const status = statusName(p.status, language)
  const explain = t.status.explain[p.status]
  const blocks: Block[] = [
    paragraph(t.status.intro(p.number, p.subject, status)),
    paragraph(typeof explain === 'function' ? explain(ctx.desk.process.reopenWithinDays) : explain),
  ]
  if (p.message?.trim()) blocks.push({ kind: 'quote', title: t.status.messageTitle, text: p.message.trim() })
  blocks.push(link(t.status.button, p.trackUrl))
  return render(ctx, t.status.subject(p.number, status, oneLine(p.subject)), p.name, blocks)
}

/** A single-use link to sign in to the portal. */
export function signInLink(ctx: TemplateContext, p: { name: string; signInUrl: string; expiresMinutes: number }): MailContent {
  const t = strings[lang(ctx)]
  return render(ctx, t.signIn.subject(deskName(ctx)), p.name, [
    paragraph(t.signIn.intro(deskName(ctx))),
    link(t.signIn.button, p.signInUrl),
    paragraph(t.signIn.expiry(t.minutes(p.expiresMinutes))),
    paragraph(t.notYou),
  ])
}

/** The receipt of a complaint (with its number and when the response is due) or an opinion. */
export function complaintReceived(
  ctx: TemplateContext,
  p: { name: string; kind: FeedbackKind; number: string; subject: string; dueAt: Date | null; trackUrl: string },
): MailContent {
  const language = lang(ctx)
  const t = strings[language].complaint
  const kind = t.kindName[p.kind]
  return render(ctx, t.receivedSubject(kind, p.number, oneLine(p.subject)), p.name, [
    paragraph(t.receivedIntro(kind, p.number, p.subject)),
    paragraph(p.dueAt ? t.due(moment(p.dueAt, ctx.desk.timeZone, language)) : t.thanks),
    link(t.button, p.trackUrl),
  ])
}

/** A complaint's new status or a reply from support. */
export function complaintChanged(
  ctx: TemplateContext,
  p: { name: string; kind: FeedbackKind; number: string; subject: string; status: ComplaintStatus; reply?: string; trackUrl: string },
): MailContent {
  const t = strings[lang(ctx)].complaint
  const status = t.statusName[p.status]
  const blocks: Block[] = [paragraph(t.changedIntro(t.kindName[p.kind], p.number, p.subject, status))]
  if (p.reply?.trim()) blocks.push({ kind: 'quote', title: t.replyTitle, text: p.reply.trim() })
  blocks.push(link(t.button, p.trackUrl))
  return render(ctx, t.changedSubject(p.number, status, oneLine(p.subject)), p.name, blocks)
}

/** A moment as the recipient reads it in the desk's time zone. @example "dinsdag 1 december om 10:00" */
export function moment(at: Date, timeZone: string, language: Language): string {
  const day = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at)
  const time = new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at)
  return language === 'nl' ? `${day} om ${time}` : `${day} at ${time}`
}

/** Makes `value` safe as HTML text or as a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const lang = (ctx: TemplateContext): Language => ctx.lang ?? 'nl'
const deskName = (ctx: TemplateContext) => ctx.desk.name[lang(ctx)]
const paragraph = (text: string): Block => ({ kind: 'paragraph', text })
const link = (label: string, href: string): Block => ({ kind: 'link', label, href })

/** Customer text in a subject line: one line, so it cannot add header lines or look broken. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function render(ctx: TemplateContext, subject: string, name: string, body: Block[]): MailContent {
  const language = lang(ctx)
  const t = strings[language]
  const footer = t.footer(deskName(ctx), ctx.desk.phone.display, ctx.baseUrl)
  const greeting = t.greeting(oneLine(name))

  const text = [
    greeting,
    ...body.map((b) => {
      switch (b.kind) {
        case 'paragraph': return b.text
        case 'link': return `${b.label}:\n${b.href}`
        case 'quote': return `${b.title}\n${b.text.split(/\r?\n/).map((line) => `> ${line}`).join('\n')}`
      }
    }),
    `${t.closing}\n${deskName(ctx)}`,
    `-- \n${footer}`,
  ].join('\n\n')

  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:40em">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map((b) => {
      switch (b.kind) {
        case 'paragraph': return `<p>${escapeHtml(b.text)}</p>`
        case 'link': return `<p><a href="${escapeHtml(b.href)}" style="display:inline-block;padding:.5em 1em;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(b.label)}</a></p><p style="font-size:13px;color:#555;word-break:break-all">${escapeHtml(b.href)}</p>`
        case 'quote': return `<p>${escapeHtml(b.title)}</p><blockquote style="margin:0 0 1em;padding:.5em 1em;border-left:3px solid #ccc;white-space:pre-wrap">${escapeHtml(b.text)}</blockquote>`
      }
    }),
    `<p>${escapeHtml(t.closing)}<br>${escapeHtml(deskName(ctx))}</p>`,
    `<p style="font-size:13px;color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n')

  return { subject, text, html }
}

/** The personal remote-view code for the requester, and where to enter it. */
export function remoteViewCode(
  ctx: TemplateContext,
  p: { name: string; staffName: string; number: string; subject: string; code: string; minutes: number; pageUrl: string },
): MailContent {
  const t = strings[lang(ctx)].remoteView
  return render(ctx, t.subject(p.number), p.name, [
    paragraph(t.intro(p.staffName, p.number, p.subject)),
    paragraph(t.code(p.code, p.minutes)),
    paragraph(t.how),
    link(t.button, p.pageUrl),
    paragraph(t.notYou),
  ])
}

/** A backup request for the organisation's admin to approve or decline in the portal. */
export function backupRequested(
  ctx: TemplateContext,
  p: { name: string; staffName: string; number: string; subject: string; reason: string; purgeDays: number; portalUrl: string },
): MailContent {
  const t = strings[lang(ctx)].backup
  return render(ctx, t.subject(p.number), p.name, [
    paragraph(t.intro(p.staffName, p.number, p.subject)),
    { kind: 'quote', title: t.reasonTitle, text: p.reason },
    paragraph(t.purge(p.purgeDays)),
    link(t.button, p.portalUrl),
  ])
}

/** Support's decision on a request for extra support outside business hours. */
export function extraSupportDecided(
  ctx: TemplateContext,
  p: { name: string; isApproved: boolean; startsAt: Date; endsAt: Date; isBilled: boolean; note?: string | null; portalUrl: string },
): MailContent {
  const language = lang(ctx)
  const t = strings[language].extraSupport
  const blocks: Block[] = [paragraph(t.decided(p.isApproved, moment(p.startsAt, ctx.desk.timeZone, language), moment(p.endsAt, ctx.desk.timeZone, language)))]
  if (p.isApproved) blocks.push(paragraph(t.billed(p.isBilled)))
  if (p.note?.trim()) blocks.push({ kind: 'quote', title: t.noteTitle, text: p.note.trim() })
  blocks.push(link(t.button, p.portalUrl))
  return render(ctx, t.subject(p.isApproved), p.name, blocks)
}
