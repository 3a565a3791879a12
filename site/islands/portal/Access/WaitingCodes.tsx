/** The codes support asked for, as they come: announced politely, as they appear while the customer is on the phone. */
import { RemoteViewCode, useWaitingCodes } from '../RemoteViewCode.tsx'
import type { PortalPaths } from '../paths.ts'
import type { Common } from './section.tsx'

export function WaitingCodes({ lang, strings, paths }: Common & { paths: PortalPaths }) {
  const codes = useWaitingCodes(lang, strings)
  return (
    <div aria-live="polite">
      {codes.length > 0 && (
        <section aria-labelledby="access-remote-view">
          <h2 id="access-remote-view">{strings['access.remoteView.title']}</h2>
          {codes.map((view) => <RemoteViewCode key={view.id} view={view} strings={strings} paths={paths} />)}
        </section>
      )}
    </div>
  )
}
