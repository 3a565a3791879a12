/** Dutch: the kinds of incident, one word each, as the portal, the console and the widget's form name them. */

export const bug = 'Fout'
export const outage = 'Storing'
export const wish = 'Wens'
export const question = 'Gebruikersvraag'

// The words one by one as well: a widget bundle takes single words, and esbuild keeps a whole object whose
// values are read from another object, even in a bundle that never shows it.
export const kind = { bug, outage, wish, question } as const
