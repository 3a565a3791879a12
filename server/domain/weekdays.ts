/** Weekday names as desk.yaml writes them: apart from the calendar so the desk schema and the calendar need not import each other. */

/** Weekday names as desk.yaml writes them, Monday first. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

/** One weekday name, e.g. `monday`. */
export type Weekday = (typeof WEEKDAYS)[number]
