/** Stylesheets inside the widget's shadow root: adopted where the browser can, so a strict style-src on the host page does not block them. */

const sheets = new Map<string, CSSStyleSheet>()

/** Adds `css` to `root`, once; a stylesheet object is shared by every widget on the page. */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root) {
    let sheet = sheets.get(css)
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      sheets.set(css, sheet)
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = css
    ;(root as ShadowRoot).append(style)
  }
}
