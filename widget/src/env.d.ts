/** Styles are bundled as text and adopted into the widget's shadow root. */
declare module '*.css' {
  const css: string
  export default css
}
