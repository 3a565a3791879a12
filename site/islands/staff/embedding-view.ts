/** The embedding page's view logic: the script tag to copy. */

/**
 * The tag a site pastes into its pages to embed the widget from `widgetUrl`.
 * @example scriptTag('https://kb.example/widget.js') === '<script src="https://kb.example/widget.js" async></script>'
 */
export function scriptTag(widgetUrl: string): string {
  return `<script src="${widgetUrl.replaceAll('"', '%22')}" async></script>`
}
