// An article file split without Astro's pipeline: the same frontmatter block and body as parseFrontmatter, and the glob loader's ids.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseFrontmatter } from '@astrojs/markdown-remark'
import { describe, expect, test } from 'vitest'
import { frontmatterOf, idOf, splitArticle } from './article-source.ts'

const ARTICLES = 'content/articles'

describe('splitArticle', () => {
  test('splits every article as the articles loader does: the same frontmatter block, the same trimmed body, the same fields', () => {
    const files = readdirSync(ARTICLES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'utf8')
      const astro = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' })
      const ours = splitArticle(text)
      expect({ raw: ours.raw, body: ours.body }, relative(ARTICLES, join(file.parentPath, file.name))).toEqual({ raw: astro.rawFrontmatter, body: astro.content.trim() })
      const fields = frontmatterOf(ours) as Record<string, unknown>
      for (const key of ['title', 'category', 'tags', 'aliases', 'draft']) expect(fields[key]).toEqual((astro.frontmatter as Record<string, unknown>)[key])
    }
  })

  test('takes a block only at the start (after a byte order mark or blank lines), and a file without one is all body', () => {
    expect(splitArticle('\uFEFF---\ntitle: A\n---\n\nText\n')).toEqual({ raw: '\ntitle: A\n', body: 'Text' })
    expect(splitArticle('\n\n---\ntitle: A\n---\nText')).toEqual({ raw: '\ntitle: A\n', body: 'Text' })
    expect(splitArticle('Text first\n---\ntitle: A\n---\n')).toEqual({ raw: '', body: 'Text first\n---\ntitle: A\n---' })
    expect(splitArticle('  Just text  ')).toEqual({ raw: '', body: 'Just text' })
  })

  test('refuses frontmatter that is not a list of fields', () => {
    expect(() => frontmatterOf(splitArticle('---\n- a\n- b\n---\nText'))).toThrow('not a list of fields')
    expect(() => frontmatterOf(splitArticle('---\ntitle: [open\n---\nText'))).toThrow()
    expect(frontmatterOf(splitArticle('---\n\n---\nText'))).toEqual({})
  })
})

test('idOf gives the ids of Astro’s glob loader: segments slugged, extension and a trailing index dropped', () => {
  expect(idOf('nl/support/Incident Melden.md')).toBe('nl/support/incident-melden')
  expect(idOf('en/access/remote/index.mdx')).toBe('en/access/remote')
})
