/** Escaping text for HTML (no Node, no framework): used by the e-mails and by the KB pages the build writes without Astro. */

/** Makes `value` safe as HTML text or as a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
