/** What the page hands every portal island: its language, its strings and the portal's own paths. */
import type { Language } from '../../../server/domain/desk.ts'
import type { PortalStrings } from '../../i18n/index.ts'

export interface PortalProps {
  lang: Language
  strings: PortalStrings
  paths: PortalPaths
}

/** The portal's own pages in the page's language. */
export interface PortalPaths {
  home: string
  incidents: string
  newIncident: string
  organisation: string
  complaints: string
  /** Access and extra support. */
  access: string
  /** The KnowledgeBase's public page where the customer enters a remote-view code. */
  remoteView: string
  /** The KnowledgeBase's search page. */
  search: string
}
