/** The console's embedding page: the script tag to copy, the sites ALLOWED_ORIGINS allows, and the sites the API refused with how often and when. */
import { useRef, useState } from 'preact/hooks'
import type { StaffStrings } from '../../i18n/index.ts'
import { call, portalApi } from '../lib/api.ts'
import { Pending } from '../lib/ResultMessage.tsx'
import { SignedIn } from '../lib/SignedIn.tsx'
import { useLoad } from '../lib/use-load.ts'
import { moment } from '../portal/format.ts'
import { scriptTag } from './embedding-view.ts'
import type { StaffProps, StaffCommon } from './props.ts'

export default function StaffEmbedding({ lang, strings }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => <EmbeddingPage lang={lang} strings={strings} />}
    </SignedIn>
  )
}

function EmbeddingPage({ lang, strings }: StaffCommon) {
  const page = useLoad(() => call(portalApi(lang).staff.embedding.$get(), strings), [lang], strings)
  const embedding = page.data
  return (
    <>
      <p class="prose">{strings['embedding.intro']}</p>
      {!embedding ? <Pending message={page.message} loading={strings.loading} /> : (
        <>
          <CopyTag strings={strings} tag={scriptTag(embedding.widgetUrl)} />
          <section aria-labelledby="embedding-allowed">
            <h2 id="embedding-allowed">{strings['embedding.allowed.title']}</h2>
            <p class="meta">{strings['embedding.allowed.help']}</p>
            <ul>{embedding.allowedOrigins.map((origin) => <li key={origin}><code>{origin}</code></li>)}</ul>
          </section>
          <section aria-labelledby="embedding-refused">
            <h2 id="embedding-refused">{strings['embedding.refused.title']}</h2>
            <p class="meta">{strings['embedding.refused.help']}</p>
            {embedding.refused.length === 0 ? <p class="meta">{strings['embedding.refused.none']}</p> : (
              <table class="refused-origins">
                <caption class="visually-hidden">{strings['embedding.refused.title']}</caption>
                <thead>
                  <tr>
                    <th scope="col">{strings['embedding.refused.origin']}</th>
                    <th scope="col">{strings['embedding.refused.count']}</th>
                    <th scope="col">{strings['embedding.refused.lastSeen']}</th>
                    <th scope="col">{strings['embedding.refused.firstSeen']}</th>
                  </tr>
                </thead>
                <tbody>
                  {embedding.refused.map((r) => (
                    <tr key={r.origin}>
                      <th scope="row"><code>{r.origin}</code></th>
                      <td>{r.count}</td>
                      <td>{moment(lang, r.lastSeen)}</td>
                      <td>{moment(lang, r.firstSeen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  )
}

/** The tag in a read-only box with a copy button; a live region says whether it was copied. */
function CopyTag({ strings, tag }: { strings: StaffStrings; tag: string }) {
  const [said, setSaid] = useState('')
  const box = useRef<HTMLTextAreaElement>(null)
  async function copy() {
    // Said afresh each time: a live region announces a change, not the same text again.
    setSaid('')
    try {
      await navigator.clipboard.writeText(tag)
      setSaid(strings['embedding.tag.copied'])
    } catch {
      box.current?.select()
      setSaid(strings['embedding.tag.copyFailed'])
    }
  }
  return (
    <section aria-labelledby="embedding-tag">
      <h2 id="embedding-tag">{strings['embedding.tag.title']}</h2>
      <p class="meta" id="embedding-tag-help">{strings['embedding.tag.help']}</p>
      <label for="embedding-tag-text">{strings['embedding.tag.label']}</label>
      <textarea id="embedding-tag-text" ref={box} readOnly rows={2} value={tag} aria-describedby="embedding-tag-help" spellcheck={false} />
      <p><button type="button" class="secondary" onClick={copy}>{strings['embedding.tag.copy']}</button></p>
      <p role="status" class="meta">{said}</p>
    </section>
  )
}
