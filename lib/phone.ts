/** Phone numbers as links: the KB, the pages from e-mails and the widget call the desk alike. */

/**
 * The `tel:` link of a number written internationally, without its spaces.
 * @example telHref('+31 50 760 41 00') === 'tel:+31507604100'
 */
export function telHref(international: string): string {
  return `tel:${international.replace(/\s+/g, '')}`
}
