/** The API's readable reference: one self-contained HTML page made from the OpenAPI document, every interpolation escaped. */
import { createHash } from 'node:crypto'
import { HTTP_METHODS, type Example, type MediaType, type OpenApiDocument, type Operation, type Parameter, type Reference, type SchemaObject } from '../openapi.ts'

const STYLE = `:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#4a5260;--line:#c9ced6;--code:#f1f3f5;--link:#0b57d0}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--bg:#14171b;--muted:#b4bcc6;--line:#3f4650;--code:#1f242b;--link:#9cc0ff}}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
.wrap{max-width:66rem;margin:0 auto;padding:1rem 1.25rem 4rem}
a{color:var(--link)}
a:focus-visible,summary:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-100vw}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem 1rem}
h1{margin:.5rem 0 0}
h2{margin-top:3rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{margin:0;font-size:1.15rem}
h4{margin:1.25rem 0 .25rem;font-size:1rem}
.muted{color:var(--muted)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
code{background:var(--code);padding:.05em .3em;border-radius:3px;overflow-wrap:anywhere}
pre{background:var(--code);padding:.75rem;overflow:auto;border-radius:4px;max-height:32rem}
pre code{background:none;padding:0;overflow-wrap:normal}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--code)}
.method{display:inline-block;min-width:4.5em;margin-right:.35em;padding:.05em .35em;border:2px solid currentColor;border-radius:3px;font:700 .8rem ui-monospace,monospace;text-align:center}
.op{border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem}
.summary{font-size:1.05rem;margin:.35rem 0}
nav ul{padding-left:1.25rem}
nav li{margin:.15rem 0}
details{margin:.35rem 0}
summary{cursor:pointer}`

/** Nothing loads from elsewhere; the one style element is allowed by its hash; never framed, as every answer of the API. */
export const PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!)
/** Escaped text with the document's `code` spans. */
const inline = (text: string): string => esc(text).replace(/`([^`]+)`/g, '<code>$1</code>')
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const isRef = (value: unknown): value is Reference => typeof value === 'object' && value !== null && typeof (value as Reference).$ref === 'string'
const refName = (ref: Reference): string => ref.$ref.split('/').at(-1)!

/** A description as the document writes them: paragraphs separated by blank lines, "- " lists and "### " headings (shown one level below `level`). */
function prose(text: string | undefined, level = 2): string {
  if (!text) return ''
  const out: string[] = []
  for (const block of text.trim().split(/\n{2,}/)) {
    const heading = /^(#{1,3}) (.+)$/.exec(block)
    if (heading) {
      out.push(`<h${level + 1}>${inline(heading[2]!)}</h${level + 1}>`)
      continue
    }
    let list: string[] = []
    let para: string[] = []
    const flush = () => {
      if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`)
      if (list.length) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`)
      para = []
      list = []
    }
    for (const line of block.split('\n')) {
      if (line.startsWith('- ')) {
        if (para.length) flush()
        list.push(line.slice(2))
      } else {
        if (list.length) flush()
        para.push(line)
      }
    }
    flush()
  }
  return out.join('\n')
}

/** The rendered HTML reference of `document`: contents by tag, every operation, every schema. Everything interpolated is escaped. */
export function renderReference(document: OpenApiDocument): string {
  const resolve = <T,>(item: T | Reference): T => {
    if (!isRef(item)) return item
    const [, , kind, name] = item.$ref.split('/')
    return (document.components as unknown as Record<string, Record<string, T>>)[kind!]![name!]!
  }
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method]! }] : [])))
  const byTag = document.tags.map((tag) => ({ tag, operations: operations.filter((o) => o.operation.tags[0] === tag.name) }))

  const methodBadge = (method: string) => `<span class="method">${esc(method.toUpperCase())}</span>`

  /** A schema in words, with links to named schemas: "string; 2–120 characters", "array of Message". */
  function typeOf(schema: SchemaObject | Reference | undefined): string {
    if (!schema) return 'any'
    if (isRef(schema)) return `<a href="#schema-${esc(refName(schema))}">${esc(refName(schema))}</a>`
    const limits = constraintsOf(schema)
    return limits.length ? `${shapeOf(schema)}; ${limits.join('; ')}` : shapeOf(schema)
  }

  function shapeOf(schema: SchemaObject): string {
    if ('const' in schema) return `<code>${esc(JSON.stringify(schema.const))}</code>`
    if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => `<code>${esc(v)}</code>`).join(', ')}`
    const options = (schema.oneOf ?? schema.anyOf) as SchemaObject[] | undefined
    if (options) return options.map(typeOf).join(' or ')
    const types = Array.isArray(schema.type) ? schema.type as string[] : typeof schema.type === 'string' ? [schema.type] : []
    return types.map((type) => {
      if (type === 'array') {
        const item = typeOf(schema.items as SchemaObject | undefined)
        return `array of ${item.includes(';') ? `(${item})` : item}`
      }
      if (type === 'object' && schema.properties) {
        return `object { ${Object.entries(schema.properties as Record<string, SchemaObject>).map(([name, field]) => `${esc(name)}: ${typeOf(field)}`).join(', ')} }`
      }
      return type === 'string' && schema.format ? `string (${esc(schema.format)})` : esc(type)
    }).join(' or ') || 'any'
  }

  function constraintsOf(schema: SchemaObject): string[] {
    const out: string[] = []
    const { format, minLength, maxLength, minimum, maximum, exclusiveMinimum, maxItems, pattern, contentMediaType } = schema as Record<string, string | number | undefined>
    if (contentMediaType) out.push(`file (${esc(contentMediaType)})`)
    if (minLength && maxLength !== undefined) out.push(`${esc(minLength)}–${esc(maxLength)} characters`)
    else if (maxLength !== undefined) out.push(`at most ${esc(maxLength)} characters`)
    else if (minLength) out.push(`at least ${esc(minLength)} characters`)
    if (minimum !== undefined) out.push(`≥ ${esc(minimum)}`)
    if (exclusiveMinimum !== undefined) out.push(`&gt; ${esc(exclusiveMinimum)}`)
    if (maximum !== undefined && maximum !== Number.MAX_SAFE_INTEGER) out.push(`≤ ${esc(maximum)}`)
    if (maxItems !== undefined) out.push(`at most ${esc(maxItems)} items`)
    if (pattern && !format) out.push(`pattern <code>${esc(pattern)}</code>`)
    if ('default' in schema) out.push(`default <code>${esc(JSON.stringify(schema.default))}</code>`)
    return out
  }

  function fieldsTable(schema: SchemaObject, caption: string): string {
    const properties = (schema.properties ?? {}) as Record<string, SchemaObject>
    const required = new Set((schema.required ?? []) as string[])
    const rows = Object.entries(properties).map(([name, field]) =>
      `<tr><th scope="row"><code>${esc(name)}</code></th><td>${typeOf(field)}</td><td>${required.has(name) ? 'yes' : 'no'}</td><td>${inline(String(field.description ?? ''))}</td></tr>`)
    if (!rows.length) return ''
    return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  }

  function exampleBlock(label: string, example: Example): string {
    const text = typeof example.value === 'string' ? example.value : JSON.stringify(example.value, null, 2)
    return `<details><summary>${esc(label)}${example.summary ? `: ${inline(example.summary)}` : ''}</summary><pre><code>${esc(text)}</code></pre></details>`
  }

  const examplesOf = (media: MediaType) => Object.entries(media.examples ?? {})

  function securityOf(operation: Operation): string {
    const cookie = `<code>${esc(document.components.securitySchemes.cookieAuth?.name)}</code>`
    if (!operation.security?.length) return 'Public: no session needed.'
    if (operation.security.some((s) => Object.keys(s).length === 0)) return `Session optional: the ${cookie} cookie is used when present.`
    if (operation.security.every((s) => 'phoneSecret' in s)) return 'The telephone system only: <code>Authorization: Bearer</code> with the phone routing secret; sessions do not count.'
    return `Session required: the ${cookie} cookie.`
  }

  function parametersOf(operation: Operation): string {
    const parameters = (operation.parameters ?? []).map((p) => resolve<Parameter>(p))
    if (!parameters.length) return ''
    const rows = parameters.map((p) => `<tr><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${typeOf(p.schema)}</td><td>${inline(p.description ?? '')}${p.example === undefined ? '' : ` Example: <code>${esc(p.example)}</code>`}</td></tr>`)
    return `<h4>Parameters</h4><table><caption class="muted">Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  }

  function requestOf(operation: Operation): string {
    const body = operation.requestBody
    if (!body) return ''
    const media = Object.entries(body.content).map(([type, m]) => {
      const schema = m.schema && isRef(m.schema) ? typeOf(m.schema) : ''
      const fields = m.schema && !isRef(m.schema) ? fieldsTable(m.schema, `Parts of ${type}`) : ''
      const examples = examplesOf(m).map(([name, example]) => exampleBlock(`Example ${name}`, example)).join('')
      return `<p><code>${esc(type)}</code>${schema ? `: ${schema}` : ''}</p>${fields}${examples}`
    })
    return `<h4>Request body</h4>${prose(body.description, 4)}${media.join('')}`
  }

  function responsesOf(operation: Operation): string {
    const responses = Object.entries(operation.responses).map(([status, r]) => ({ status, response: resolve(r) }))
    const rows = responses.map(({ status, response }) => {
      const headers = Object.entries(response.headers ?? {}).map(([name, h]) => `<br>Header <code>${esc(name)}</code>: ${inline(resolve(h).description)}`).join('')
      const bodies = Object.entries(response.content ?? {}).map(([type, m]) => `<code>${esc(type)}</code>${m.schema ? ` ${typeOf(m.schema)}` : ''}`).join('<br>')
      return `<tr><th scope="row">${esc(status)}</th><td>${inline(response.description)}${headers}</td><td>${bodies || '—'}</td></tr>`
    })
    const examples = responses.flatMap(({ status, response }) =>
      Object.entries(response.content ?? {}).flatMap(([type, m]) => examplesOf(m).map(([name, example]) =>
        exampleBlock(`${status} ${type === 'application/json' ? name : `${name} (${type})`}`, example))))
    return `<h4>Responses</h4><table><caption class="muted">Responses</caption><thead><tr><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Body</th></tr></thead><tbody>${rows.join('')}</tbody></table>${examples.join('')}`
  }

  const operationHtml = ({ path, method, operation }: (typeof operations)[number]) => `<article class="op" id="op-${esc(operation.operationId)}" aria-labelledby="op-${esc(operation.operationId)}-h">
<h3 id="op-${esc(operation.operationId)}-h">${methodBadge(method)} <code>${esc(path)}</code></h3>
<p class="summary">${inline(operation.summary)}</p>
<p class="muted">${securityOf(operation)}</p>
${prose(operation.description, 3)}
${parametersOf(operation)}
${requestOf(operation)}
${responsesOf(operation)}
</article>`

  const schemaHtml = ([name, schema]: [string, SchemaObject]) => {
    const options = schema.oneOf as SchemaObject[] | undefined
    const body = options && !schema.properties
      ? options.map((option, i) => option.properties ? fieldsTable(option, `${String(option.title ?? `Option ${i + 1}`)}`) : `<p>${typeOf(option)}</p>`).join('')
      : fieldsTable(schema, `Fields of ${name}`)
    return `<section aria-labelledby="schema-${esc(name)}-h" id="schema-${esc(name)}"><h3 id="schema-${esc(name)}-h">${esc(name)}</h3>${prose(String(schema.description ?? ''), 3)}${body}</section>`
  }

  const contents = byTag.map(({ tag, operations: ops }) => `<li><a href="#tag-${esc(slug(tag.name))}">${esc(tag.name)}</a><ul>${ops.map(({ path, method, operation }) =>
    `<li><a href="#op-${esc(operation.operationId)}">${methodBadge(method)} <code>${esc(path)}</code></a> ${inline(operation.summary)}</li>`).join('')}</ul></li>`).join('')

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(document.info.title)} ${esc(document.info.version)} · reference</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the reference</a>
<div class="wrap">
<header>
<h1>${esc(document.info.title)}</h1>
<p class="muted">Version ${esc(document.info.version)} · OpenAPI ${esc(document.openapi)} · <a href="openapi.json">openapi.json</a> · Server: ${document.servers.map((s) => `<code>${esc(s.url)}</code>`).join(', ')}</p>
</header>
<nav aria-labelledby="contents-h">
<h2 id="contents-h">Contents</h2>
<ul><li><a href="#overview">Overview</a></li>${contents}<li><a href="#schemas">Schemas</a></li></ul>
</nav>
<main id="main">
<section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">Overview</h2>${prose(document.info.description, 2)}</section>
${byTag.map(({ tag, operations: ops }) => `<section id="tag-${esc(slug(tag.name))}" aria-labelledby="tag-${esc(slug(tag.name))}-h"><h2 id="tag-${esc(slug(tag.name))}-h">${esc(tag.name)}</h2>${prose(tag.description)}
${ops.map(operationHtml).join('\n')}</section>`).join('\n')}
<section id="schemas" aria-labelledby="schemas-h"><h2 id="schemas-h">Schemas</h2>
${Object.entries(document.components.schemas).map(schemaHtml).join('\n')}</section>
</main>
</div>
</body>
</html>`
}
