import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { CSP_MANIFEST, cspHash, inlineHashes, pagePath, writeCspManifest } from './csp-hashes.ts'

/** The hash as the CSP spec defines it, computed independently of the code under test. */
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('cspHash', () => {
  test('is the base64 sha256 of the text, quoted as a CSP source', () => {
    // The hash of an empty script, as browsers report it in their console.
    expect(cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  })

  test('normalises CRLF and CR to LF, as the browser parser does before hashing', () => {
    expect(cspHash('a\r\nb\rc')).toBe(sha('a\nb\nc'))
  })
})

describe('inlineHashes', () => {
  const page = [
    '<!doctype html><html lang="nl"><head>',
    '<style>:root{--ink:#1b2430}</style>',
    '<script type="module" src="/_astro/page.js"></script>',
    '<script>(()=>{self.Astro={}})();</script>',
    '</head><body><p>Tekst</p>',
    '<script type="module">const a = "<b>"; if (1 < 2) console.log(a)</script>',
    '<style>astro-island{display:contents}</style>',
    '</body></html>',
  ].join('')

  test('hashes the exact text of inline scripts and styles, in document order', () => {
    expect(inlineHashes(page)).toEqual({
      script: [sha('(()=>{self.Astro={}})();'), sha('const a = "<b>"; if (1 < 2) console.log(a)')],
      style: [sha(':root{--ink:#1b2430}'), sha('astro-island{display:contents}')],
      unhashable: [],
    })
  })

  test('skips a script with src, even an empty one or one without a value', () => {
    const html = '<script src="/widget.js" async data-lang="nl"></script><script src></script><script SRC=""> </script>'
    expect(inlineHashes(html).script).toEqual([])
  })

  test('lists a hash once when the same script appears twice', () => {
    expect(inlineHashes('<script>x()</script><p></p><script>x()</script>').script).toEqual([sha('x()')])
  })

  test('ends a script only at its own end tag, not at tags or quoted ">" inside', () => {
    const html = '<script data-x="a>b">document.write("<style>p{}</style>")</script ><style>p{}</style>'
    expect(inlineHashes(html)).toEqual({ script: [sha('document.write("<style>p{}</style>")')], style: [sha('p{}')], unhashable: [] })
  })

  test('ignores script and style tags inside comments, text-only elements and escaped text', () => {
    const html = '<!-- <script>old()</script> --><!--><textarea><script>no()</script></textarea><title><style>q{}</style></title><code>&lt;script&gt;x()&lt;/script&gt;</code>'
    expect(inlineHashes(html)).toEqual({ script: [], style: [], unhashable: [] })
  })

  test('names the attributes no hash can allow: style and event handlers', () => {
    const html = '<pre class="astro-code" style="background-color:#24292e"><code>x</code></pre><button ONCLICK="go()">Go</button>'
    expect(inlineHashes(html).unhashable).toEqual([
      { tag: 'pre', what: 'style attribute' },
      { tag: 'button', what: 'onclick attribute' },
    ])
  })

  test('does not mistake attribute values or text for attributes', () => {
    const html = '<a href="/style=x" title="onclick">style="color:red"</a><input value=\'a style="b"\'>'
    expect(inlineHashes(html).unhashable).toEqual([])
  })

  test('flags a script whose end the browser would find elsewhere', () => {
    expect(inlineHashes('<script>a="<!--<script>"</script>"</script>').unhashable).toEqual([
      { tag: 'script', what: 'text with "<!--" and "<script", whose end the browser finds elsewhere' },
    ])
  })
})

describe('pagePath', () => {
  test.each([
    ['index.html', '/'],
    ['en/search/index.html', '/en/search/'],
    ['404.html', '/404.html'],
    ['en/404/index.html', '/en/404/'],
  ])('serves %s at %s', (file, path) => expect(pagePath(file)).toBe(path))
})

describe('writeCspManifest', () => {
  test('writes every page\'s hashes and returns the pages with unhashable attributes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loket-csp-'))
    const files: Record<string, string> = {
      'index.html': '<style>a{}</style><script>go()</script>',
      'en/search/index.html': '<style>a{}</style>',
      'beheer/api-sleutels/index.html': '<pre style="color:red">x</pre>',
      '_astro/page.js': '<script>not a page</script>',
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    const result = await writeCspManifest(root)
    expect(result).toEqual({ pages: 3, unhashable: { '/beheer/api-sleutels/': [{ tag: 'pre', what: 'style attribute' }] } })
    expect(JSON.parse(readFileSync(join(root, CSP_MANIFEST), 'utf8'))).toEqual({
      '/': { script: [sha('go()')], style: [sha('a{}')] },
      '/en/search/': { script: [], style: [sha('a{}')] },
      '/beheer/api-sleutels/': { script: [], style: [] },
    })
  })
})
