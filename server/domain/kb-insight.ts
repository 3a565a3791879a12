/** What the KnowledgeBase learns from its readers, anonymously: "was this helpful?" votes, what readers missed in an article, and search events. */
import { z } from 'zod'
import { Language } from './desk.ts'

/** An article's translation key: lowercase words of letters and digits joined by hyphens, at most 120 characters. */
const ArticleKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120)

/** Which article a reader said something about, in which language: the fields every reader's record starts with. */
const articleRead = {
  /** The article's translation key (the same in both languages). @example "register-incident" */
  article: ArticleKey.meta({ description: 'The article\'s translation key, the same in both languages.' }),
  /** The language the article was read in. */
  lang: Language.meta({ description: 'The language the article was read in.' }),
}

/** A reader's vote on an article; nothing in it identifies the reader. */
export const VoteInput = z.strictObject({
  ...articleRead,
  /** Whether the article answered the reader's question. */
  isHelpful: z.boolean().meta({ description: 'Whether the article answered the reader\'s question.' }),
}).meta({ id: 'VoteInput', title: 'VoteInput', description: 'A reader\'s vote on an article; nothing in it identifies the reader.' })
export type VoteInput = z.input<typeof VoteInput>

/** What every reader's record about an article holds: the article, the language, and when to the minute. */
interface ArticleRecord {
  article: string
  lang: Language
  at: string
}

/** A vote as recorded: the input and when, to the minute (finer would help to identify a reader). */
export interface KbVote extends ArticleRecord {
  type: 'vote'
  isHelpful: boolean
}

/** The vote to store for `input` at `now`: only the vote's own fields, the time rounded down to the minute. */
export function recordVote(input: z.output<typeof VoteInput>, now: Date): KbVote {
  return { type: 'vote', article: input.article, lang: input.lang, isHelpful: input.isHelpful, at: toMinute(now) }
}

/** The most a reader may write about what an article missed. */
export const MISSING_MAX = 500

/**
 * Control characters other than tab and line breaks (C0, DEL, C1), and the direction controls
 * that can make text read otherwise than it is stored ("Trojan Source"): refused, not stripped,
 * as a reader's own words are kept as typed.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

/**
 * What a reader missed in an article, in their own words: composed (NFC), trimmed, 1 to 500
 * characters, line breaks allowed, control characters refused.
 * @example MissingText.parse('  Hoe corrigeer ik een aangifte?\n') === 'Hoe corrigeer ik een aangifte?'
 */
export const MissingText = z.string().max(MISSING_MAX * 4).overwrite((text) => text.normalize('NFC').trim())
  .min(1, { error: 'write what was missing, at least 1 character' })
  .max(MISSING_MAX, { error: `expected at most ${MISSING_MAX} characters` })
  .refine((text) => !CONTROLS.test(text), { error: 'control characters are not allowed' })

/** What a reader missed in an article after answering "not helpful"; nothing in it identifies the reader. */
export const MissingInput = z.strictObject({
  ...articleRead,
  /** What was missing, in the reader's words. @example "Hoe corrigeer ik een aangifte die al is ingediend?" */
  text: MissingText.meta({ description: `What the reader missed, in their own words: trimmed, 1 to ${MISSING_MAX} characters, line breaks allowed, no control characters. Shown to staff as plain text.` }),
}).meta({ id: 'MissingInput', title: 'MissingInput', description: 'What a reader missed in an article; nothing in it identifies the reader.' })
export type MissingInput = z.input<typeof MissingInput>

/** What a reader missed as recorded: the input and when, to the minute. */
export interface KbMissing extends ArticleRecord {
  type: 'missing'
  text: string
}

/** The record to store for `input` at `now`: only its own fields, the time rounded down to the minute. */
export function recordMissing(input: z.output<typeof MissingInput>, now: Date): KbMissing {
  return { type: 'missing', article: input.article, lang: input.lang, text: input.text, at: toMinute(now) }
}

/** Where a search event comes from: the embedded widget, or the KB's own search page. */
export const SEARCH_EVENT_SOURCES = ['widget', 'search'] as const
export type SearchEventSource = (typeof SEARCH_EVENT_SOURCES)[number]

/** What a search was: trimmed, 1 to 200 characters. @example "btw aangifte fout 500" */
const Query = z.string().trim().min(1).max(200)

/** The fields every search event has. */
const visit = {
  /** A random id the browser made for this visit (never a cookie): links a search to its click or incident. @example "9f2c41d0a7b84e6f" */
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'expected 8 to 64 letters, digits, "_" or "-"' })
    .meta({ description: 'A random id the browser made for this visit (not a cookie): 8 to 64 letters, digits, `_` or `-`. Ties the visit\'s events together.' }),
  /** `widget`, or `search` for the KB's search page. */
  source: z.enum(SEARCH_EVENT_SOURCES).meta({ description: '`widget`, or `search` for the KnowledgeBase\'s search page.' }),
  /** The language the visitor searched in. */
  lang: Language.meta({ description: 'The language the visitor searched in.' }),
}

/**
 * One anonymous step of a visitor's search, told by the widget or the KB search page:
 * a search they settled on, a result they opened, or an incident they sent after searching.
 * @example { type: 'click', session: '9f2c41d0a7b84e6f', source: 'widget', lang: 'nl', query: 'btw aangifte', article: '/support/btw-aangifte/' }
 */
export const SearchEventInput = z.discriminatedUnion('type', [
  z.strictObject({
    /** A search the visitor settled on. */
    type: z.literal('search').meta({ description: 'A search the visitor settled on.' }),
    ...visit,
    query: Query.meta({ description: 'What was searched, trimmed.' }),
    /** How many results the search gave. */
    results: z.number().int().min(0).max(10_000).meta({ description: 'How many results the search gave.' }),
  }).meta({ title: 'type "search"' }),
  z.strictObject({
    /** The visitor opened a result. */
    type: z.literal('click').meta({ description: 'The visitor opened a result.' }),
    ...visit,
    query: Query.meta({ description: 'What was searched, trimmed.' }),
    /** The article's path on the KB site, without origin, query or fragment. @example "/support/incident-melden/" */
    article: z.string().max(300).regex(/^\/(?!\/)[^\s?#\\]*$/, { error: 'expected a path on the KB site, e.g. "/support/incident-melden/"' })
      .meta({ description: 'The opened article\'s path on the KnowledgeBase site, without origin, query or fragment, e.g. `/support/incident-melden/`.' }),
  }).meta({ title: 'type "click"' }),
  z.strictObject({
    /** The visit ended in a sent incident form. */
    type: z.literal('incident').meta({ description: 'The visit ended in a sent incident form.' }),
    ...visit,
    /** The last search, if there was one; default none. */
    query: Query.optional().meta({ description: 'The last search, if there was one; default none.' }),
  }).meta({ title: 'type "incident"' }),
], { error: 'expected type "search", "click" or "incident"' })
  .meta({ id: 'SearchEventInput', title: 'SearchEventInput', description: 'One step of a visitor\'s search, by `type`; nothing in it identifies the visitor.' })
export type SearchEventInput = z.input<typeof SearchEventInput>

/** A search event as recorded: the input's own fields and when, to the minute. No address, no user agent. */
export type KbSearchEvent = z.output<typeof SearchEventInput> & { at: string }

/** Every record in the KB insight log. */
export type KbInsight = KbVote | KbMissing | KbSearchEvent

/** The event to store for `input` at `now`: only the fields of its type, the time rounded down to the minute. */
export function recordSearchEvent(input: z.output<typeof SearchEventInput>, now: Date): KbSearchEvent {
  const at = toMinute(now)
  const { session, source, lang } = input
  switch (input.type) {
    case 'search': return { type: 'search', session, source, lang, query: input.query, results: input.results, at }
    case 'click': return { type: 'click', session, source, lang, query: input.query, article: input.article, at }
    case 'incident': return { type: 'incident', session, source, lang, ...(input.query === undefined ? {} : { query: input.query }), at }
  }
}

/** `now` rounded down to the minute, as ISO: finer would help to identify a reader. */
function toMinute(now: Date): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString()
}
