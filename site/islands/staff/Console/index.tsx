/** The console header's island: who is signed in with the way out, and the keyboard shortcuts with their help. */
import { Account } from './Account.tsx'
import type { ConsoleBarProps } from './common.ts'
import { Shortcuts } from './Shortcuts.tsx'

export default function ConsoleBar({ lang, words, paths }: ConsoleBarProps) {
  return (
    <div class="console-bar">
      <Account lang={lang} words={words} />
      <Shortcuts words={words} paths={paths} />
    </div>
  )
}
