/** `npm run new-article`: asks title, category and language, and writes the article in both languages as drafts. */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { isLanguage } from '../lib/language.ts'
import { ARTICLES_DIR, categories, desk } from '../site/lib/config.ts'
import { newArticleFiles } from '../site/lib/new-article.ts'

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
// Lines read one by one, so answers piped in are not lost before their question is asked.
const lines = rl[Symbol.asyncIterator]()
async function ask(question: string): Promise<string> {
  process.stdout.write(question)
  const next = await lines.next()
  if (next.done) throw new Error('No answer: stopped.')
  return next.value
}
try {
  const lang = ((await ask('Language of your title (nl/en) [nl]: ')).trim() || 'nl').toLowerCase()
  if (!isLanguage(lang)) throw new Error(`"${lang}" is not nl or en.`)
  const title = (await ask('Title: ')).trim()
  if (title.length < 3 || title.length > 120) throw new Error('A title has 3 to 120 characters.')
  const otherTitle = (await ask(`Title in ${lang === 'nl' ? 'English' : 'Dutch'} (empty: translate later): `)).trim()
  console.log(`Categories: ${categories.map((c) => c.key).join(', ')}`)
  const category = (await ask('Category: ')).trim()
  if (!categories.some((c) => c.key === category)) throw new Error(`"${category}" is not a category in categories.yaml.`)
  const areas = ['general', ...desk.productAreas.map((a) => a.key)]
  const productArea = (await ask(`Product area (${areas.join(', ')}) [general]: `)).trim() || 'general'
  if (!areas.includes(productArea)) throw new Error(`"${productArea}" is not a product area.`)
  const files = newArticleFiles({ title, otherTitle, lang, category, productArea, today: new Date().toISOString().slice(0, 10) })
  for (const file of files) {
    const path = join(ARTICLES_DIR, file.path)
    if (existsSync(path)) throw new Error(`${path} exists already: choose another title.`)
  }
  for (const file of files) {
    const path = join(ARTICLES_DIR, file.path)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, file.text)
    console.log(`wrote ${path}`)
  }
  console.log('Both are drafts: write them, remove "draft: true", and preview with npm run dev.')
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
} finally {
  rl.close()
}
