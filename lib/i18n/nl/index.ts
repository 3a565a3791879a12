/** Dutch, the default language: the whole catalogue, area by area. A bundle that needs only a few areas imports their files instead. */
import { api } from './api.ts'
import { common } from './common.ts'
import { kb } from './kb.ts'
import { kind } from './kind.ts'
import { mail } from './mail.ts'
import { pages } from './pages.ts'
import { portalAccess } from './portal-access.ts'
import { portalComplaints } from './portal-complaints.ts'
import { portalOrganisation } from './portal-organisation.ts'
import { portal } from './portal.ts'
import { remoteView } from './remote-view.ts'
import { staffAccess } from './staff-access.ts'
import { staffComplaints } from './staff-complaints.ts'
import { staffIncident } from './staff-incident.ts'
import { staffInsight } from './staff-insight.ts'
import { staffQueue } from './staff-queue.ts'
import { staffRemoteView } from './staff-remote-view.ts'
import { staffSettings } from './staff-settings.ts'
import { staffEmbedding } from './staff-embedding.ts'
import { staffSignals } from './staff-signals.ts'
import { staffConsole } from './staff-console.ts'
import { staffNotifications } from './staff-notifications.ts'
import { staffPhone } from './staff-phone.ts'
import { staff } from './staff.ts'
import { status } from './status.ts'
import { widgetForm } from './widget-form.ts'
import { widget } from './widget.ts'

export const nl = {
  ...kb,
  portal: { ...portal, ...portalOrganisation, ...portalComplaints, ...portalAccess },
  staff: { ...staff, ...staffConsole, ...staffQueue, ...staffIncident, ...staffSignals, ...staffInsight, ...staffAccess, ...staffRemoteView, ...staffComplaints, ...staffNotifications, ...staffPhone, ...staffSettings, ...staffEmbedding },
  remoteView,
  status,
  common,
  kind,
  widget,
  widgetForm,
  api,
  mail,
  pages,
} as const
