/** The files `npm run new-article` writes: one article per language, valid frontmatter, one shared translationKey. */
import type { Language } from '#lib/language.ts'

/** What the editor answered. */
export interface NewArticle {
  /** The title in the editor's language. */
  title: string
  /** The title in the other language; default the same title, to be translated. */
  otherTitle?: string
  lang: Language
  /** A category key from content/categories.yaml. */
  category: string
  /** A product area key from desk.yaml, or `general`. */
  productArea: string
  /** Today, YYYY-MM-DD. */
  today: string
}

/** One file to write: its path under content/articles and its text. */
export interface ArticleFile {
  path: string
  text: string
}

const PLACEHOLDER: Record<Language, { description: string; body: string }> = {
  nl: {
    description: 'Beschrijf in een of twee zinnen waar dit artikel over gaat; dit staat in de zoekresultaten.',
    body: 'Schrijf hier de inleiding.\n\n## Eerste stap\n\n1. …\n',
  },
  en: {
    description: 'Describe in one or two sentences what this article is about; this shows in search results.',
    body: 'Write the introduction here.\n\n## First step\n\n1. …\n',
  },
}

/** A title as a file name and key: lowercase, ASCII letters and digits, hyphens between words. */
export function slugOf(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/**
 * Both language files of a new article, as drafts (left out of the build until `draft: true` goes):
 * the answered title in its language, the other title in the other; the key from the English title.
 */
export function newArticleFiles(answer: NewArticle): ArticleFile[] {
  const other: Language = answer.lang === 'nl' ? 'en' : 'nl'
  const titles: Record<Language, string> = { [answer.lang]: answer.title.trim(), [other]: (answer.otherTitle ?? '').trim() || answer.title.trim() } as Record<Language, string>
  const translationKey = slugOf(titles.en) || slugOf(titles.nl)
  if (!translationKey) throw new Error('The title needs at least one letter or digit.')
  return (['nl', 'en'] as const).map((lang) => {
    const slug = slugOf(titles[lang])
    const tag = slug.split('-').find((w) => w.length > 3) ?? slug.split('-')[0]
    const text = [
      '---',
      `title: ${JSON.stringify(titles[lang])}`,
      `description: ${PLACEHOLDER[lang].description}`,
      `category: ${answer.category}`,
      `productArea: ${answer.productArea}`,
      `tags: [${tag}]`,
      'aliases: []',
      `updated: ${answer.today}`,
      `translationKey: ${translationKey}`,
      'draft: true',
      '---',
      '',
      PLACEHOLDER[lang].body,
    ].join('\n')
    return { path: `${lang}/${answer.category}/${slug}.md`, text }
  })
}
