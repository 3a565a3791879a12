/** What the page hands every portal island: its language, its strings and the portal's own paths. */
import type { Language } from '#lib/language.ts'
import type { PortalStrings } from '../../i18n/index.ts'
import type { PortalPaths } from '#lib/paths.ts'

export interface PortalProps {
  lang: Language
  strings: PortalStrings
  paths: PortalPaths
}

/** The portal's own pages in the page's language (lib/paths.ts builds them). */
export type { PortalPaths }
