/** The category icons: line drawings on a 24×24 grid, stroked in the text colour, drawn for Loket. */

/** Each icon's SVG content (paths and shapes only), by the name categories.yaml gives as `icon`. */
export const ICONS = {
  /** A lifebuoy: support and incidents. */
  lifebuoy: '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="3.5"/><path d="m5.6 5.6 3.9 3.9m5 5 3.9 3.9m0-12.8-3.9 3.9m-5 5-3.9 3.9"/>',
  /** A person in a frame: the portal and its contacts. */
  person: '<rect x="3" y="3" width="18" height="18" rx="3"/><circle cx="12" cy="10" r="3"/><path d="M6.5 18.5c1-2.6 3-4 5.5-4s4.5 1.4 5.5 4"/>',
  /** A screen with an eye: remote view and access. */
  screen: '<rect x="2.5" y="4" width="19" height="13" rx="2"/><path d="M8 21h8m-4-4v4"/><path d="M7 10.5s2-3 5-3 5 3 5 3-2 3-5 3-5-3-5-3z"/><circle cx="12" cy="10.5" r="1.2"/>',
  /** A euro sign: finance. */
  euro: '<path d="M17.5 6.2A7 7 0 1 0 17.5 17.8"/><path d="M4 10h9.5M4 14h9.5"/>',
  /** A box: inventory and logistics. */
  box: '<path d="m3 7.5 9-4.5 9 4.5-9 4.5z"/><path d="M3 7.5v9l9 4.5 9-4.5v-9M12 12v9"/>',
  /** A rising chart: sales and CRM. */
  chart: '<path d="M3.5 20.5h17"/><path d="m5 15.5 4.5-4.5 3.5 3.5 6.5-7"/><path d="M15 7.5h4.5V12"/>',
  /** Two people: HR and payroll. */
  people: '<circle cx="9" cy="8" r="3"/><path d="M3.5 19c.7-3 2.8-5 5.5-5s4.8 2 5.5 5"/><circle cx="16.5" cy="9" r="2.5"/><path d="M15.5 14.2c2.5-.4 4.4 1.3 5 4.3"/>',
  /** Sliders: installation and administration. */
  sliders: '<path d="M4 6h9m4 0h3M4 12h3m4 0h9M4 18h11m4 0h1"/><circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>',
} as const

/** The name of a category icon. */
export type IconName = keyof typeof ICONS
/** Every icon name, for the categories.yaml schema. */
export const ICON_NAMES = Object.keys(ICONS) as [IconName, ...IconName[]]

/** The whole decorative SVG of `name`: hidden from assistive technology, never focusable. */
export function iconSvg(name: IconName): string {
  return `<svg class="category-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${ICONS[name]}</svg>`
}
