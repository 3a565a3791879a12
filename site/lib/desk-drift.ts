/**
 * Articles that cannot drift: finds where an article's plain text states opening hours, a phone
 * number or a target that desk.yaml does not hold. The build fails on any; the cure is the
 * components (`<OpeningHours />`, `<Phone />`, `<Priorities />`) or the right figure.
 */
import type { DeskConfig } from '#domain/desk.ts'

/** One statement in an article that disagrees with desk.yaml. */
export interface Drift {
  /** 1-based line in the source file. */
  line: number
  /** The text as the article states it. */
  found: string
  /** What desk.yaml holds instead. */
  expected: string
}

/** The facts an article is checked against, taken from desk.yaml. */
export interface DeskFacts {
  /** Phone numbers as digits, national form ("0507604100"). */
  phones: string[]
  /** Opening spans as "HH:MM-HH:MM": the weekly hours and the published exceptions. */
  spans: string[]
  /** Business-hour targets by priority level, for "prioriteit 2 … 8,5 kantooruren". */
  targets: Map<number, number>
  /** Every business-hour figure desk.yaml promises (targets and the complaint response). */
  hours: number[]
}

/** The facts of a desk configuration. */
export function deskFacts(desk: Pick<DeskConfig, 'phone' | 'hours' | 'exceptions' | 'priorities' | 'process'>): DeskFacts {
  const spans = [
    ...Object.values(desk.hours).map((h) => `${h!.open}-${h!.close}`),
    ...desk.exceptions.flatMap((e) => ('open' in e ? [`${e.open}-${e.close}`] : [])),
  ]
  const targets = new Map(desk.priorities.flatMap((p) => ('businessHours' in p.target ? [[p.level, p.target.businessHours] as [number, number]] : [])))
  return {
    phones: [...new Set([nationalDigits(desk.phone.display), nationalDigits(desk.phone.international)])],
    spans: [...new Set(spans)],
    targets,
    hours: [...new Set([...targets.values(), desk.process.complaintResponseBusinessHours])],
  }
}

/** A phone number's digits in national form: "+31 50 760 41 00" and "050-7604100" both "0507604100". */
export function nationalDigits(phone: string): string {
  const digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')
  return digits.startsWith('+31') ? `0${digits.slice(3)}` : digits.startsWith('0031') ? `0${digits.slice(4)}` : digits.replace(/^\+/, '00')
}

const PHONE = /(?:\+\d{2}|\b0)[\d ()-]{7,14}\d/g
const SPAN = /\b(\d{1,2})[:.](\d{2})\s*(?:–|—|-|tot|to|until|till)\s*(\d{1,2})[:.](\d{2})\b/gi
const TARGET = /\b(\d+(?:[.,]\d+)?)\s*(?:kantooruren|kantooruur|business hours?|working hours?)\b/gi
const PRIORITY = /\b(?:prioriteit|priority)\s+([1-5])\b/gi

/**
 * The statements in `source` (an article's Markdown or MDX) that disagree with `facts`: phone
 * numbers, time spans and business-hour targets in the plain text. Frontmatter, code, link
 * targets and components are not plain text and are skipped.
 */
export function deskDrift(source: string, facts: DeskFacts): Drift[] {
  const drifts: Drift[] = []
  const pad = (n: string) => n.padStart(2, '0')
  plainLines(source).forEach((text, i) => {
    const line = i + 1
    for (const match of text.matchAll(PHONE)) {
      const digits = nationalDigits(match[0])
      if (digits.length >= 10 && !facts.phones.includes(digits)) drifts.push({ line, found: match[0].trim(), expected: `the phone number in desk.yaml; use <Phone />` })
    }
    for (const match of text.matchAll(SPAN)) {
      const span = `${pad(match[1])}:${match[2]}-${pad(match[3])}:${match[4]}`
      if (!facts.spans.includes(span)) drifts.push({ line, found: match[0], expected: `opening hours in desk.yaml (${facts.spans.join(', ')}); use <OpeningHours />` })
    }
    const levels = new Set([...text.matchAll(PRIORITY)].map((m) => Number(m[1])))
    for (const match of text.matchAll(TARGET)) {
      const value = Number(match[1].replace(',', '.'))
      // One priority named on the line: the figure must be that priority's own target.
      const level = levels.size === 1 ? [...levels][0] : undefined
      const own = level !== undefined ? facts.targets.get(level) : undefined
      if (own !== undefined && value !== own) drifts.push({ line, found: match[0], expected: `${own} for priority ${level} in desk.yaml; use <Priorities />` })
      else if (own === undefined && !facts.hours.includes(value)) drifts.push({ line, found: match[0], expected: `a target in desk.yaml (${facts.hours.join(', ')}); use <Priorities />` })
    }
  })
  return drifts
}

/** The source's lines with everything that is not plain text blanked, so line numbers stay. */
function plainLines(source: string): string[] {
  const lines = source.split(/\r?\n/)
  let inFront = lines[0] === '---'
  let inCode = false
  return lines.map((line, i) => {
    if (inFront) {
      if (i > 0 && line === '---') inFront = false
      return ''
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inCode = !inCode
      return ''
    }
    if (inCode || /^\s*(import|export)\s/.test(line)) return ''
    return line
      .replace(/`[^`]*`/g, ' ')
      .replace(/\]\([^)]*\)/g, '] ')
      .replace(/<[A-Z][\s\S]*?\/?>/g, ' ')
  })
}
