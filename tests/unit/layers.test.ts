/** The rooms' import rules and "no import cycles", read from every source file with TypeScript's own parser. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const ROOMS = ['lib', 'server', 'site', 'widget', 'scripts', 'tests']
const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/
/** package.json `imports`: the aliases every tool resolves (tsc, Vite, vitest, tsx, esbuild). */
const ALIASES: Record<string, string> = { '#lib/': 'lib/', '#domain/': 'server/domain/' }
/** The packages server/domain may use besides zod: the date libraries. */
const DOMAIN_PACKAGES = new Set(['zod', '@date-fns/tz', 'date-holidays'])

/** One import of one file: a project file (path from the root) or a package, and whether it is erased. */
interface Edge {
  from: string
  /** A project file (`server/domain/desk.ts`) or a package (`zod`, `node:fs`). */
  to: string
  isFile: boolean
  /** `import type`/`export type`: erased from every bundle, so it carries no code. */
  isTypeOnly: boolean
  specifier: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path)
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/**
 * The code of a file in parts: for `.astro`, the frontmatter (run by the build) and the `<script>`
 * elements (bundled for the browser, named `<file>#script`); any other file is one part.
 */
function partsOf(file: string): { name: string; code: string }[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  if (!file.endsWith('.astro')) return [{ name: file, code: text }]
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
  const scripts = [...text.matchAll(/<script\b(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])
  return [{ name: file, code: frontmatter }, { name: `${file}#script`, code: scripts.join('\n') }]
}

/** Every import, re-export and dynamic `import('…')` with a literal specifier, as written. */
function specifiersOf(file: string, code: string): { specifier: string; isTypeOnly: boolean }[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: { specifier: string; isTypeOnly: boolean }[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      // `import { type A }` still leaves `import {} from '…'` under verbatimModuleSyntax: only `import type` is erased.
      found.push({ specifier: node.moduleSpecifier.text, isTypeOnly: node.importClause?.isTypeOnly ?? false })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, isTypeOnly: node.isTypeOnly })
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({ specifier: node.arguments[0].text, isTypeOnly: false })
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, isTypeOnly: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** A project file for a relative or aliased specifier, trying the extensions tools try. */
function resolveFile(from: string, specifier: string): string | undefined {
  const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a))
  const bare = specifier.replace(/\?.*$/, '')
  const base = alias ? join(ROOT, ALIASES[alias] + bare.slice(alias.length)) : resolve(ROOT, dirname(from), bare)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate).split('\\').join('/')
  }
  return undefined
}

/** The package a bare specifier names: `zod`, `@date-fns/tz`, `node:fs` (a builtin keeps `node:`). */
function packageOf(specifier: string): string {
  if (builtinModules.includes(specifier.split('/')[0])) return `node:${specifier}`
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function edgesOf(file: string): Edge[] {
  return partsOf(file).flatMap(({ name, code }) => specifiersOf(file, code).flatMap(({ specifier, isTypeOnly }): Edge[] => {
    if (specifier.startsWith('.') || specifier.startsWith('#')) {
      const to = resolveFile(file, specifier)
      // A file the project does not hold (an asset, a built file) is the compiler's business, not the layers'.
      return to ? [{ from: name, to, isFile: true, isTypeOnly, specifier }] : []
    }
    // URLs and absolute paths are fetched at run time (Pagefind, the widget app), not imported.
    if (specifier.startsWith('/') || /^[a-z]+:\/\//.test(specifier)) return []
    return [{ from: name, to: packageOf(specifier), isFile: false, isTypeOnly, specifier }]
  }))
}

const files = ROOMS.flatMap(sourceFiles).sort()
const edges = files.flatMap(edgesOf)
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || file.startsWith('tests/')
const inRoom = (file: string, room: string) => file === room || file.startsWith(`${room}/`)
const show = (e: Edge) => `${e.from} → ${e.isFile ? e.to : e.specifier}${e.isTypeOnly ? ' (type)' : ''}`

/**
 * A pure domain rule the browser may carry: a server/domain file whose code, followed through its
 * value imports (type imports are erased), stays in server/domain and lib/ and loads no package
 * but @date-fns/tz (the calendar's time zones): no zod. `domain/transitions.ts` is one;
 * `domain/incident.ts` (it re-exports the registration schema) is not.
 */
function isPureRule(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return true
  seen.add(file)
  if (!inRoom(file, 'server/domain') && !inRoom(file, 'lib')) return false
  return edges.filter((e) => e.from === file && !e.isTypeOnly).every((e) => e.isFile ? isPureRule(e.to, seen) : e.to === '@date-fns/tz')
}

/** What the browser runs: islands, widget code and .astro scripts, and every project file they import by value. */
let browserFiles: Set<string> | undefined
function reachedByBrowser(): Set<string> {
  if (browserFiles) return browserFiles
  const entries = edges.map((e) => e.from).filter((f) => !isTest(f) && (inRoom(f, 'site/islands') || inRoom(f, 'widget/src') || f.endsWith('#script')))
  const reached = new Set<string>()
  const walk = (file: string) => {
    if (reached.has(file)) return
    reached.add(file)
    // A server file ends the walk: the rule judges the import into it.
    if (inRoom(file, 'server')) return
    for (const e of edges) if (e.from === file && e.isFile && !e.isTypeOnly) walk(e.to)
  }
  entries.forEach(walk)
  return (browserFiles = reached)
}

/** Each rule: which imports break it. Tests run in Node and may reach further, where said. */
const RULES: { name: string; breaks: (e: Edge) => boolean }[] = [
  {
    name: 'lib/ imports only itself: never server/, site/ or widget/, and no package, so no framework either (its tests may use vitest and Node)',
    breaks: (e) => inRoom(e.from, 'lib') && (e.isFile ? !inRoom(e.to, 'lib') : !(isTest(e.from) && (e.to === 'vitest' || e.to.startsWith('node:')))),
  },
  {
    name: 'server/domain imports only itself, lib/, zod and the date libraries (its tests may also use the server\'s test helpers, vitest and Node)',
    breaks: (e) => inRoom(e.from, 'server/domain') && (e.isFile
      ? !inRoom(e.to, 'server/domain') && !inRoom(e.to, 'lib') && !(isTest(e.from) && inRoom(e.to, 'server'))
      : !DOMAIN_PACKAGES.has(e.to) && !(isTest(e.from) && (e.to === 'vitest' || e.to.startsWith('node:') || e.to === 'yaml'))),
  },
  {
    name: 'server/ and widget/ never import site/',
    breaks: (e) => (inRoom(e.from, 'server') || inRoom(e.from, 'widget')) && e.isFile && inRoom(e.to, 'site'),
  },
  {
    name: 'server/ never imports widget/ (the build bundles it; the server serves the file)',
    breaks: (e) => inRoom(e.from, 'server') && e.isFile && inRoom(e.to, 'widget'),
  },
  {
    name: 'what the browser runs (site/islands, widget/src, <script> in .astro) reaches server code only by `import type` or a pure domain rule (see isPureRule), also through other files',
    breaks: (e) => e.isFile && !e.isTypeOnly && inRoom(e.to, 'server') && !isPureRule(e.to) && reachedByBrowser().has(e.from),
  },
  {
    name: 'what the build runs of site/ and widget/ (pages, layouts, site/lib, integrations) imports server code only by `import type`, from server/domain, or the desk.yaml loader server/desk.ts',
    breaks: (e) => (inRoom(e.from, 'site') || inRoom(e.from, 'widget')) && !isTest(e.from) && e.isFile && !e.isTypeOnly && inRoom(e.to, 'server')
      && !inRoom(e.to, 'server/domain') && e.to !== 'server/desk.ts',
  },
]

/** Every cycle among the project's files (type imports count: they tie the modules as much), each once. */
function cycles(graph: Pick<Edge, 'from' | 'to' | 'isFile'>[] = edges): string[][] {
  const next = new Map<string, string[]>()
  for (const e of graph) if (e.isFile) next.set(e.from, [...new Set([...(next.get(e.from) ?? []), e.to])])
  // Tarjan's strongly connected components: a component of more than one file, or a file importing itself, is a cycle.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  let counter = 0
  const connect = (file: string) => {
    index.set(file, counter)
    low.set(file, counter++)
    stack.push(file)
    onStack.add(file)
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        connect(to)
        low.set(file, Math.min(low.get(file)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!))
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      if (component.length > 1 || next.get(file)?.includes(file)) found.push(component.sort())
    }
  }
  for (const file of next.keys()) if (!index.has(file)) connect(file)
  return found
}

describe('layers', () => {
  test('reads the imports of every room', () => {
    // A parser that silently found nothing would pass every rule below.
    for (const room of ['lib', 'server/domain', 'server', 'site', 'widget']) {
      expect(edges.filter((e) => inRoom(e.from, room)).length, room).toBeGreaterThan(0)
    }
    expect(edges).toContainEqual(expect.objectContaining({ from: 'server/domain/incident-input.ts', to: 'zod', isTypeOnly: false }))
  })

  test('holds a pure domain rule apart from one that loads zod', () => {
    expect(isPureRule('server/domain/transitions.ts')).toBe(true)
    expect(isPureRule('server/domain/incident.ts')).toBe(false)
  })

  test.each(RULES)('$name', ({ breaks }) => {
    expect(edges.filter(breaks).map(show)).toEqual([])
  })

  test('finds cycles of any length and a file importing itself', () => {
    const edge = (from: string, to: string) => ({ from, to, isFile: true })
    expect(cycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('e', 'e')])).toEqual([['a', 'b', 'c'], ['e']])
  })

  test('no import cycles among the project\'s files', () => {
    expect(cycles()).toEqual([])
  })
})
