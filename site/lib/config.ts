/** The KnowledgeBase's configuration: where content lives, the desk and the categories, read once per build. */
import { existsSync, readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { DeskConfigError, formatIssues, loadCalendar, loadDesk, loadLogo } from '../../server/desk.ts'
import { brandOf, brandCss } from '#domain/brand.ts'
import { Categories, type Category } from '../schemas/category.ts'
import { Synonyms } from '../schemas/synonyms.ts'

/** Folder with desk.yaml and categories.yaml; default `content`. */
export const CONTENT_DIR = process.env.LOKET_CONTENT_DIR ?? 'content'
/** Folder with the articles; default `<content>/articles` (the benchmark points it elsewhere). */
export const ARTICLES_DIR = process.env.LOKET_ARTICLES_DIR ?? `${CONTENT_DIR}/articles`

export const desk = loadDesk(`${CONTENT_DIR}/desk.yaml`)
export const calendar = loadCalendar(desk)
/** The brand every page shows: the desk's name, its logo (inline-safe SVG) and its colours. */
export const brand = brandOf(desk, loadLogo(desk, `${CONTENT_DIR}/desk.yaml`))
/** The brand's colours as the :root custom properties each layout writes into its head. */
export const brandStyle = brandCss(brand.colours)
export const categories: Category[] = loadCategories(`${CONTENT_DIR}/categories.yaml`)
/** The everyday ↔ product word list per language (content/synonyms.yaml; none when the file is absent). */
export const synonyms: Synonyms = loadSynonyms(`${CONTENT_DIR}/synonyms.yaml`)

/** Reads and validates the word list; stops the build with the file and the entry named. */
export function loadSynonyms(file: string): Synonyms {
  if (!existsSync(file)) return { nl: [], en: [] }
  const result = Synonyms.safeParse(parseYaml(readFileSync(file, 'utf8')) ?? {})
  if (!result.success) throw new DeskConfigError(`${file} is not valid:\n${formatIssues(result.error.issues)}`)
  return result.data
}

function loadCategories(file: string): Category[] {
  const result = Categories.safeParse(parseYaml(readFileSync(file, 'utf8')))
  if (!result.success) throw new DeskConfigError(`${file} is not valid:\n${formatIssues(result.error.issues)}`)
  return result.data
}
