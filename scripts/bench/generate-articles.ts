/** Writes N realistic synthetic KB articles (pairs of nl/en) for the benchmark, into a folder of its own. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const CATEGORIES = ['support', 'portal', 'access', 'finance', 'inventory', 'sales', 'payroll', 'platform'] as const
const AREA: Record<string, string> = { support: 'general', portal: 'general', access: 'general', finance: 'finance', inventory: 'inventory', sales: 'sales', payroll: 'payroll', platform: 'platform' }

const WORDS = {
  nl: {
    subjects: ['factuur', 'creditnota', 'bankafschrift', 'btw-aangifte', 'voorraadtelling', 'ontvangst', 'backorder', 'offerte', 'verkooporder', 'inkooporder', 'loonstrook', 'verlofaanvraag', 'gebruiker', 'autorisatie', 'koppeling', 'grootboekrekening', 'kostenplaats', 'magazijnlocatie', 'artikelkaart', 'relatiekaart', 'betaalbatch', 'incassorun', 'periodeafsluiting', 'jaarafsluiting', 'prijsafspraak', 'kortingsregel', 'serienummer', 'partij', 'pakbon', 'retourorder'],
    verbs: ['aanmaken', 'wijzigen', 'verwerken', 'controleren', 'importeren', 'exporteren', 'boeken', 'afdrukken', 'goedkeuren', 'terugdraaien', 'koppelen', 'blokkeren'],
    fill: ['Open het menu en kies de juiste administratie.', 'Controleer eerst of de periode nog open staat.', 'U ziet daarna een overzicht met alle regels.', 'Sla de wijziging op en controleer het resultaat in het journaal.', 'Alleen gebruikers met de juiste rol zien deze functie.', 'Bij grote aantallen kan de verwerking enkele minuten duren.', 'Een foutmelding noemt altijd de regel die niet klopt.', 'Gebruik het filter bovenaan om de lijst te beperken.', 'Wijzigingen worden direct zichtbaar voor andere gebruikers.', 'Maak bij twijfel eerst een proefverwerking.'],
    headings: ['Voordat u begint', 'Stap voor stap', 'Controleren', 'Veelvoorkomende problemen', 'Meer weten'],
  },
  en: {
    subjects: ['invoice', 'credit note', 'bank statement', 'VAT return', 'stock count', 'goods receipt', 'backorder', 'quote', 'sales order', 'purchase order', 'payslip', 'leave request', 'user', 'permission', 'integration', 'ledger account', 'cost centre', 'warehouse location', 'item card', 'customer card', 'payment batch', 'direct debit run', 'period close', 'year-end close', 'price agreement', 'discount rule', 'serial number', 'batch', 'packing slip', 'return order'],
    verbs: ['create', 'change', 'process', 'check', 'import', 'export', 'post', 'print', 'approve', 'reverse', 'link', 'block'],
    fill: ['Open the menu and choose the right company.', 'First check that the period is still open.', 'You then see an overview of all lines.', 'Save the change and check the result in the journal.', 'Only users with the right role see this function.', 'With large numbers, processing can take a few minutes.', 'An error message always names the line that is wrong.', 'Use the filter at the top to narrow the list.', 'Changes are visible to other users at once.', 'When in doubt, run a trial first.'],
    headings: ['Before you start', 'Step by step', 'Checking', 'Common problems', 'Learn more'],
  },
}

/** A small deterministic random generator, so two runs write the same articles. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Writes `count` articles (count/2 per language) under `dir`; returns one query word per language that has results. */
export function generateArticles(dir: string, count: number): void {
  const next = random(count)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  for (let i = 0; i < count / 2; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]
    const subject = i % WORDS.nl.subjects.length
    const verb = Math.floor(next() * WORDS.nl.verbs.length)
    const day = String(1 + (i % 28)).padStart(2, '0')
    for (const lang of ['nl', 'en'] as const) {
      const w = WORDS[lang]
      const title = lang === 'nl' ? `${capital(w.subjects[subject])} ${w.verbs[verb]} (${i})` : `${capital(w.verbs[verb])} a ${w.subjects[subject]} (${i})`
      const sections = w.headings.map((heading) => {
        const paragraph = Array.from({ length: 4 }, () => pick(w.fill)).join(' ')
        const steps = Array.from({ length: 3 }, (_, n) => `${n + 1}. ${pick(w.fill)} ${capital(pick(w.subjects))}.`).join('\n')
        return `## ${heading}\n\n${paragraph} ${capital(w.subjects[subject])}: ${pick(w.fill)}\n\n${steps}\n`
      })
      const body = sections.join('\n')
      const file = join(dir, lang, category, `${slug(title)}.md`)
      mkdirSync(join(dir, lang, category), { recursive: true })
      writeFileSync(file, `---\ntitle: "${title}"\ndescription: "${pick(w.fill)} ${pick(w.fill)}"\ncategory: ${category}\nproductArea: ${AREA[category]}\ntags: [${slug(w.subjects[subject])}, ${slug(w.verbs[verb])}]\nupdated: 2026-${String(1 + (i % 11)).padStart(2, '0')}-${day}\ntranslationKey: bench-${i}\n---\n\n${body}`)
    }
  }
}

function capital(text: string): string {
  return text[0].toUpperCase() + text.slice(1)
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
