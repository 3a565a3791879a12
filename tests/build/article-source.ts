/** The source of an article a build test writes: frontmatter that passes the schema, with the test's own fields over it. */

/** An article file: valid frontmatter (support, general) with `fields` over it, then `body`. */
export function articleSource(fields: Record<string, string>, body = 'Een kort maar echt artikel.'): string {
  const frontmatter = {
    category: 'support', productArea: 'general', tags: '[test]', updated: '2026-11-01',
    description: 'Een artikel dat alleen in deze test bestaat, om de build mee te testen.', ...fields,
  }
  return `---\n${Object.entries(frontmatter).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`
}
