/** Dutch: how the desk is reached right now, shared by the KnowledgeBase's contact block and the widget. */

export const closedOpens = 'Nu gesloten — opent {day} om {time}'
export const closedToday = 'Vandaag gesloten: {note}'
export const closedNow = 'Nu gesloten'
export const today = 'vandaag'
export const tomorrow = 'morgen'
export const phone = 'Telefoon'
export const prioritiesQuestion = 'Wat betekenen de prioriteiten?'

// The words one by one as well: a widget bundle takes single words, and esbuild keeps a whole object whose
// values are read from another object, even in a bundle that never shows it.
export const desk = { closedOpens, closedToday, closedNow, today, tomorrow, phone, prioritiesQuestion } as const
