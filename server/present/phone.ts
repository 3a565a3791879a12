/** Where the telephone system puts a caller through: the reply schema of GET /api/phone/route. */
import { z } from 'zod'
import { INCIDENT_STATUSES } from '../domain/records.ts'

const hours = {
  isOpen: z.boolean().meta({ description: 'Whether the desk is open now. The route is decided whatever the hour: when false, say when it opens and offer voicemail.' }),
  opensAt: z.string().meta({ format: 'date-time' }).nullable().meta({ description: 'While closed: the next opening, in UTC (say it in the desk\'s time zone, Europe/Amsterdam). Null while open, or when no opening is known.' }),
}

/** A team as the telephone system knows it. */
export const PhoneTeamReply = z.object({
  key: z.string().meta({ description: 'desk.yaml\'s team key: the telephone system finds the hunt group by it.' }),
  name: z.object({ nl: z.string(), en: z.string() }).meta({ description: 'To announce, in either language.' }),
}).meta({ id: 'PhoneTeam', description: 'A team as the telephone system knows it.' })

/** The incident as the caller may hear it back. */
export const PhoneIncidentReply = z.object({
  number: z.string().regex(/^\d+$/),
  status: z.enum(INCIDENT_STATUSES),
}).meta({ id: 'PhoneIncident', description: 'The incident as the caller may hear it back: the number they typed and where it stands, nothing more.' })

/** Where to put the caller through, by `route`, and whether the desk is open. */
export const PhoneRouteReply = z.discriminatedUnion('route', [
  z.object({
    route: z.literal('assignee'), incident: PhoneIncidentReply,
    handler: z.object({ name: z.string(), extension: z.string().meta({ description: 'Where to transfer the call.' }) }),
    team: PhoneTeamReply, ...hours,
  }).meta({ title: 'route "assignee"', description: 'An active staff member with an extension handles the incident: to them, and to `team` when they do not answer.' }),
  z.object({ route: z.literal('team'), incident: PhoneIncidentReply, team: PhoneTeamReply, ...hours })
    .meta({ title: 'route "team"', description: 'Unassigned, its handler inactive or without an extension, or closed: to the team\'s hunt group.' }),
  z.object({ route: z.literal('general'), ...hours })
    .meta({ title: 'route "general"', description: 'An unknown number, or one the caller cannot know yet: to the general queue, and nothing that tells these apart.' }),
]).meta({ id: 'PhoneRoute', description: 'Where to put the caller through, by `route`, and whether the desk is open. Never more: no subject, no organisation, nothing about the customer.' })
export type PhoneRouteReply = z.infer<typeof PhoneRouteReply>
