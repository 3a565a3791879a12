/** The console's settings page: one section per thing the desk sets up: saved replies, one's own mail preferences, and for admins the desk's busyness notice. */
import { SignedIn } from '../../lib/SignedIn.tsx'
import type { StaffProps } from '../props.ts'
import { DeskNoticeSection } from '../StaffPhone/DeskNoticeSection.tsx'
import { Preferences } from './Preferences.tsx'
import { SavedReplies } from './SavedReplies.tsx'

export default function StaffSettings({ lang, strings }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {(viewer) => (
        <>
          <SavedReplies lang={lang} strings={strings} />
          <Preferences lang={lang} strings={strings} />
          {/* The phone page shows the running notice to everyone on the phone; admins also set it here, with the desk's other settings. */}
          {viewer.role === 'admin' && <DeskNoticeSection lang={lang} strings={strings} isAdmin />}
        </>
      )}
    </SignedIn>
  )
}
