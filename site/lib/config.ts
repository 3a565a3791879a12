/** The KnowledgeBase's configuration: where content lives, the desk and the categories, read once per build. */
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { DeskConfigError, formatIssues, loadCalendar, loadDesk } from '../../server/desk.ts'
import { Categories, type Category } from '../schemas/category.ts'

/** Folder with desk.yaml and categories.yaml; default `content`. */
export const CONTENT_DIR = process.env.LOKET_CONTENT_DIR ?? 'content'
/** Folder with the articles; default `<content>/articles` (the benchmark points it elsewhere). */
export const ARTICLES_DIR = process.env.LOKET_ARTICLES_DIR ?? `${CONTENT_DIR}/articles`

export const desk = loadDesk(`${CONTENT_DIR}/desk.yaml`)
export const calendar = loadCalendar(desk)
export const categories: Category[] = loadCategories(`${CONTENT_DIR}/categories.yaml`)

function loadCategories(file: string): Category[] {
  const result = Categories.safeParse(parseYaml(readFileSync(file, 'utf8')))
  if (!result.success) throw new DeskConfigError(`${file} is not valid:\n${formatIssues(result.error.issues)}`)
  return result.data
}
