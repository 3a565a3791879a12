// The brand: an SVG logo is inlined only when it is a plain drawing; the colours follow the primary colour.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { contrast, THEME } from '#lib/contrast.ts'
import { DeskConfigError, loadBrand, loadDesk, loadLogo } from '../desk.ts'
import { brandCss, brandOf, inlineSafeSvg, siteNameOf } from './brand.ts'

const PLAIN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z" fill="#123456"/></svg>'

describe('inlineSafeSvg', () => {
  test('keeps a plain drawing, marked decorative, without prolog and comments', () => {
    const svg = inlineSafeSvg(`<?xml version="1.0"?>\n<!-- made by hand -->\n${PLAIN.replace('<svg', '<svg aria-hidden="false"')}`)
    expect(svg).toBe(PLAIN.replace('<svg', '<svg aria-hidden="true" focusable="false"'))
  })

  test('keeps links inside the drawing (gradients, <use href="#…">)', () => {
    const svg = PLAIN.replace('</svg>', '<defs><linearGradient id="g"/></defs><use href="#g"/><rect fill="url(#g)"/></svg>')
    expect(() => inlineSafeSvg(svg)).not.toThrow()
  })

  test.each([
    ['a script', '<script>alert(1)</script>', /<script> element/],
    ['an event handler', '<rect onclick="alert(1)"/>', /event handler/],
    ['an event handler in capitals', '<rect ONLOAD="x()"/>', /event handler/],
    ['a javascript: link', '<a href="javascript:alert(1)"><rect/></a>', /javascript:/],
    ['an outside link', '<a xlink:href="https://evil.example/"><rect/></a>', /outside the SVG/],
    ['HTML inside', '<foreignObject><div>hi</div></foreignObject>', /foreignObject/],
    ['a style element', '<style>body{display:none}</style>', /<style> element/],
    ['a style attribute', '<rect style="fill:red"/>', /style attribute/],
    ['an external image', '<image href="https://evil.example/x.png"/>', /external element/],
  ])('refuses %s, naming it', (_name, inner, message) => {
    expect(() => inlineSafeSvg(PLAIN.replace('</svg>', `${inner}</svg>`))).toThrow(message)
  })

  test('refuses what is not one SVG element', () => {
    expect(() => inlineSafeSvg('<html><svg></svg></html>')).toThrow(/not one <svg> element/)
  })
})

describe('loadLogo', () => {
  function deskWithLogo(svg: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'loket-brand-'))
    mkdirSync(join(dir, 'art'))
    writeFileSync(join(dir, 'art/logo.svg'), svg)
    const desk = parse(readFileSync('content/desk.yaml', 'utf8'))
    desk.brand.logo = 'art/logo.svg'
    writeFileSync(join(dir, 'desk.yaml'), stringify(desk))
    return join(dir, 'desk.yaml')
  }

  test('reads the logo beside desk.yaml', () => {
    const file = deskWithLogo(PLAIN)
    expect(loadBrand(file).logoSvg).toContain('aria-hidden="true"')
  })

  test('stops the desk from loading when the logo has a script, naming field and file', () => {
    const file = deskWithLogo(PLAIN.replace('</svg>', '<script>alert(1)</script></svg>'))
    expect(() => loadDesk(file)).toThrow(DeskConfigError)
    expect(() => loadDesk(file)).toThrow(/brand\.logo: .*art\/logo\.svg is not safe to show inline: it has a <script> element/)
  })

  test('names a logo file that is missing', () => {
    const desk = loadDesk('content/desk.yaml')
    expect(() => loadLogo({ ...desk, brand: { ...desk.brand, logo: 'nope.svg' } }, 'content/desk.yaml')).toThrow(/brand\.logo: content\/nope\.svg cannot be read \(ENOENT\)/)
  })

  test('the repository\'s own logo is inline-safe', () => {
    expect(loadBrand('content/desk.yaml').logoSvg).toMatch(/^<svg aria-hidden="true" focusable="false"/)
  })
})

describe('brandOf and brandCss', () => {
  test('the desk\'s name and colours, readable in both themes', () => {
    const brand = brandOf(loadDesk('content/desk.yaml'))
    expect(brand.name.nl).toBe('Noordwind Support')
    expect(brand.colours.primary).toBe('#0b5394')
    expect(contrast(brand.colours.primaryOnDark, THEME.dark.paper)).toBeGreaterThanOrEqual(4.5)
  })

  test('the KnowledgeBase is called as desk.yaml says, else by the desk\'s name', () => {
    const desk = loadDesk('content/desk.yaml')
    expect(brandOf(desk).siteName).toEqual({ nl: 'Noordwind Kennisbank', en: 'Noordwind Knowledge Base' })
    const { siteName: _, ...rest } = desk.brand
    expect(siteNameOf({ ...desk, name: { nl: 'Acme Support', en: 'Acme Support' }, brand: rest })).toEqual({ nl: 'Acme Support', en: 'Acme Support' })
  })

  test('writes the light colours for :root and the dark ones under prefers-color-scheme', () => {
    const css = brandCss(brandOf(loadDesk('content/desk.yaml')).colours)
    expect(css).toMatch(/^html:root\{--brand:#0b5394;/)
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\{html:root\{--brand:#[0-9a-f]{6};/)
  })
})
