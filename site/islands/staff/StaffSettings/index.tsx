/** The console's settings page: one section per thing the desk sets up, saved replies first. */
import { SignedIn } from '../../lib/SignedIn.tsx'
import type { StaffProps } from '../props.ts'
import { SavedReplies } from './SavedReplies.tsx'

export default function StaffSettings({ lang, strings }: StaffProps) {
  return (
    <SignedIn as="staff" lang={lang} strings={strings}>
      {() => <SavedReplies lang={lang} strings={strings} />}
    </SignedIn>
  )
}
