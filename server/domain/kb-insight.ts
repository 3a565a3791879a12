/** What the KnowledgeBase learns from its readers, anonymously: "was this helpful?" votes. */
import { z } from 'zod'
import { Language } from './desk.ts'

/** A reader's vote on an article; nothing in it identifies the reader. */
export const VoteInput = z.strictObject({
  /** The article's translation key (the same in both languages). @example "register-incident" */
  article: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120),
  /** The language the article was read in. */
  lang: Language,
  /** Whether the article answered the reader's question. */
  isHelpful: z.boolean(),
})
export type VoteInput = z.input<typeof VoteInput>

/** A vote as recorded: the input and when, to the minute (finer would help to identify a reader). */
export interface KbVote {
  type: 'vote'
  article: string
  lang: Language
  isHelpful: boolean
  at: string
}

export function recordVote(input: z.output<typeof VoteInput>, now: Date): KbVote {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000)
  return { type: 'vote', article: input.article, lang: input.lang, isHelpful: input.isHelpful, at: minute.toISOString() }
}
