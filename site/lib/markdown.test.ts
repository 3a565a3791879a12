// The cheap Markdown renderer makes what Astro's remark/rehype pipeline made: same HTML for every article, same heading ids and headings.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark'
import { parseFragment, serialize } from 'parse5'
import { describe, expect, test } from 'vitest'
import { renderMarkdown, packHeadings, unpackHeadings } from './markdown.ts'

const ARTICLES = 'content/articles'

/** The same markup however it is spelled (`&amp;` or `&#x26;`, attribute quoting, blank lines). */
function normalised(html: string): string {
  return serialize(parseFragment(html)).replace(/\n+/g, '\n')
}

/** The markup without the line breaks between tags, to compare with a one-line expectation. */
function compact(html: string): string {
  return normalised(html).replace(/\n/g, '')
}

describe('renderMarkdown against Astro’s own pipeline', () => {
  test('every .md article renders to the same HTML and the same headings', async () => {
    // As astro.config.mjs configures it: GFM and SmartyPants on, no syntax highlighting.
    const astro = await createMarkdownProcessor({ syntaxHighlight: false })
    const files = readdirSync(ARTICLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))
    expect(files.length).toBeGreaterThan(40)
    for (const file of files) {
      const body = parseFrontmatter(readFileSync(join(ARTICLES, file), 'utf8'), { frontmatter: 'empty-with-spaces' }).content.trim()
      const before = await astro.render(body)
      const after = renderMarkdown(body)
      expect(normalised(after.html), file).toBe(normalised(before.code))
      expect(after.headings, file).toEqual(before.metadata.headings)
    }
  }, 30_000)
})

describe('renderMarkdown', () => {
  test('gives headings the ids Astro gives them: slugged, typography applied, repeats numbered, inline code included', () => {
    const { html, headings } = renderMarkdown([
      '## What\'s new?', '', '## What\'s new?', '', '## Run `npm run dev` now', '', '### Kosten & btw --', '', '## Één “stap”',
    ].join('\n'))
    expect(headings).toEqual([
      { depth: 2, slug: 'whats-new', text: 'What’s new?' },
      { depth: 2, slug: 'whats-new-1', text: 'What’s new?' },
      { depth: 2, slug: 'run-npm-run-dev-now', text: 'Run npm run dev now' },
      { depth: 3, slug: 'kosten--btw', text: 'Kosten & btw —' },
      { depth: 2, slug: 'één-stap', text: 'Één “stap”' },
    ])
    expect(html).toContain('<h2 id="whats-new-1">What’s new?</h2>')
    expect(html).toContain('<h2 id="run-npm-run-dev-now">Run <code>npm run dev</code> now</h2>')
  })

  test('leaves links as written, so the build’s link check sees what the editor wrote', () => {
    const { html } = renderMarkdown('Zie [btw-aangifte](/financien/btw-aangifte/#fouten) en [extern](https://example.com/a?b=1&c=2).')
    expect(html).toBe('<p>Zie <a href="/financien/btw-aangifte/#fouten">btw-aangifte</a> en <a href="https://example.com/a?b=1&amp;c=2">extern</a>.</p>')
  })

  test('renders tables with alignment as the align attribute, never a style attribute (the CSP refuses those)', () => {
    const { html } = renderMarkdown('| Niveau | Uren |\n|:--|--:|\n| Lezen | 8 |')
    expect(compact(html)).toBe(compact(
      '<table><thead><tr><th align="left">Niveau</th><th align="right">Uren</th></tr></thead><tbody><tr><td align="left">Lezen</td><td align="right">8</td></tr></tbody></table>',
    ))
    expect(html).not.toContain('style=')
  })

  test('renders nested lists, tight and loose', () => {
    const { html } = renderMarkdown('1. Open **Incidenten**.\n2. Kies:\n   - een soort\n   - een gebied\n\n- los\n\n- lijst')
    expect(compact(html)).toBe(compact(
      '<ol><li>Open <strong>Incidenten</strong>.</li><li>Kies:<ul><li>een soort</li><li>een gebied</li></ul></li></ol><ul><li><p>los</p></li><li><p>lijst</p></li></ul>',
    ))
  })

  test('keeps code blocks plain: escaped text with a language class, no highlighting markup', () => {
    const { html } = renderMarkdown('```js\nconst x = "<b>" -- "..."\n```')
    expect(html).toBe('<pre><code class="language-js">const x = &quot;&lt;b&gt;&quot; -- &quot;...&quot;\n</code></pre>')
  })

  test('sets typography as SmartyPants did: curly quotes, -- an em dash, ... an ellipsis, nothing more', () => {
    const { html } = renderMarkdown('He said "it\'s \'fine\'" in the \'80s -- really... NL.. (c) +- ,,')
    expect(html).toBe('<p>He said “it’s ‘fine’” in the ’80s — really… NL.. (c) +- ,,</p>')
  })

  test('shows raw HTML as text and refuses script links: an article cannot inject markup or script', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [klik](javascript:alert(1))')
    expect(html).not.toMatch(/<script|<img|href="javascript/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  test('reports images with a relative path, which only MDX resolves', () => {
    expect(renderMarkdown('![scherm](./scherm.png) ![logo](/logo.svg) ![x](https://example.com/x.png)').relativeImages).toEqual(['./scherm.png'])
  })
})

describe('packHeadings', () => {
  test('keeps headings as one string and gives them back as they were, quotes and braces included', () => {
    const { headings } = renderMarkdown('## Eerste "stap"\n\n### Met {accolades} en `code`\n\n## Tweede, [link](/x/)\n')
    const packed = packHeadings(headings)
    expect(typeof packed).toBe('string')
    expect(unpackHeadings(packed)).toEqual(headings)
    expect(unpackHeadings(packHeadings([]))).toEqual([])
  })

  test('gives nothing back for what it did not pack: an MDX entry keeps no packed headings', () => {
    expect(unpackHeadings(undefined)).toBeUndefined()
    expect(unpackHeadings([{ depth: 2, slug: 'a', text: 'A' }])).toBeUndefined()
  })
})
