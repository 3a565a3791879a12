/** Fills `{name}` placeholders of a UI string; kept apart from the dictionaries so islands stay small. */

/** @example format('Open until {time}', { time: '17:00' }) === 'Open until 17:00' */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}
