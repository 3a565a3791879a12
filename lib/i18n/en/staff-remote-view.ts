/** English: the console’s remote-view panel. */
import { common } from './common.ts'
import type { staffRemoteView as nl } from '../nl/staff-remote-view.ts'
import type { Translation } from '../types.ts'

export const staffRemoteView = {
  'remoteView.title': common.remoteViewTitle,
  'remoteView.intro': "With the requester's consent, look along on their screen, view only. The requester gets a personal code by e-mail and in the portal, sees on the remote-view page who will look along, and only then consents.",
  'remoteView.start': 'Start remote view',
  'remoteView.startAgain': 'Start again',
  'remoteView.end': 'End',
  'remoteView.none': 'No remote view on this incident yet.',
  'remoteView.waiting': 'Waiting for consent from {name}. The code went to the requester by e-mail and in the portal; you do not see the code yourself. The code expires at {time}.',
  'remoteView.open': 'Remote view is open: {name} consented at {time}.',
  'remoteView.ended': 'Remote view was ended by {name} at {time}.',
  'remoteView.expired': 'The code expired at {time} without consent from {name}. Start again for a new code.',
  'remoteView.videoLabel': 'Screen of {name}',
  'remoteView.waitingForScreen': "Waiting for the customer's screen.",
  'remoteView.screenShown': 'You see the screen of {name}. View only: you cannot control anything.',
  'remoteView.pathRelay': "Connected through the desk's TURN server.",
  'remoteView.pathDirect': 'Connected directly between the browsers.',
  'remoteView.screenLost': "The customer's screen can no longer be seen. Sharing may have stopped; the customer can share again.",
} satisfies Translation<typeof nl>
