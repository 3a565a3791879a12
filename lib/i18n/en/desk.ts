/** English: how the desk is reached right now, shared by the KnowledgeBase's contact block and the widget. */
import type { desk as nl } from '../nl/desk.ts'
import type { Translation } from '../types.ts'

export const closedOpens = 'Closed now — opens {day} at {time}'
export const closedToday = 'Closed today: {note}'
export const closedNow = 'Closed now'
export const today = 'today'
export const tomorrow = 'tomorrow'
export const phone = 'Phone'
export const prioritiesQuestion = 'What do the priorities mean?'

export const desk = { closedOpens, closedToday, closedNow, today, tomorrow, phone, prioritiesQuestion } satisfies Translation<typeof nl>
