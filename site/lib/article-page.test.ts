// The parts of an article page that follow from its body: the table of contents, and replacing exactly what lies between the comments.
import { describe, expect, test } from 'vitest'
import { ARTICLE_PARTS, replaceArticleParts, tocHtml } from './article-page.ts'

const heading = (depth: number, text: string, slug = text.toLowerCase()) => ({ depth, text, slug })

describe('tocHtml', () => {
  test('lists the second-level headings, escaped, under the heading of the page’s language', () => {
    const toc = tocHtml('nl', [heading(2, 'Eerste'), heading(3, 'Tussendoor'), heading(2, 'Zoek <op> & "vind"', 'zoek-op--vind')])
    expect(toc).toBe('<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Op deze pagina</h2><ul><li><a href="#eerste">Eerste</a></li><li><a href="#zoek-op--vind">Zoek &#60;op&#62; &#38; &#34;vind&#34;</a></li></ul></nav>')
    expect(tocHtml('en', [heading(2, 'One'), heading(2, 'Two')])).toContain('<h2 id="toc-title">On this page</h2>')
  })

  test('is empty for an article with fewer than two sections', () => {
    expect(tocHtml('nl', [heading(2, 'Alleen'), heading(3, 'Onder')])).toBe('')
    expect(tocHtml('nl', [])).toBe('')
  })
})

describe('replaceArticleParts', () => {
  const [tocOpen, tocClose] = ARTICLE_PARTS.toc
  const [bodyOpen, bodyClose] = ARTICLE_PARTS.body
  const page = `<main><div>${tocOpen}<nav>oud</nav>${tocClose}</div> ${bodyOpen}<p>oude tekst</p>${bodyClose} <p>daarna</p></main>`

  test('replaces what lies between each part’s comments and nothing else', () => {
    expect(replaceArticleParts(page, { toc: '', body: '<p>nieuw</p>' })).toBe(`<main><div>${tocOpen}${tocClose}</div> ${bodyOpen}<p>nieuw</p>${bodyClose} <p>daarna</p></main>`)
    expect(replaceArticleParts(page, { body: '<p>$& $1</p>' })).toContain(`${bodyOpen}<p>$& $1</p>${bodyClose}`)
  })

  test('gives up on a page without a part’s comments, or with them twice', () => {
    expect(replaceArticleParts('<main><p>tekst</p></main>', { body: 'x' })).toBeUndefined()
    expect(replaceArticleParts(`${page}${bodyOpen}${bodyClose}`, { body: 'x' })).toBeUndefined()
    expect(replaceArticleParts(`${bodyClose}${bodyOpen}`, { body: 'x' })).toBeUndefined()
  })
})
