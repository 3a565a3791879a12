/** English: the console's page about embedding the widget: the script tag to copy, the sites allowed, and those the API refused. */
import type { staffEmbedding as nl } from '../nl/staff-embedding.ts'
import type { Translation } from '../types.ts'

export const staffEmbedding = {
  'embedding.title': 'Embedding',
  'embedding.intro': 'One script tag puts the widget on a site\'s pages. That site\'s pages may call the API only once the site is in the server\'s ALLOWED_ORIGINS; until then the widget still searches the KnowledgeBase, but shows support\'s phone number and e-mail address instead of the incident form.',
  'embedding.tag.title': 'Script tag',
  'embedding.tag.help': 'Paste this tag into the site\'s pages, for instance just before </body>. With data-lang="en" the widget speaks English; data-product-area chooses a product area beforehand.',
  'embedding.tag.label': 'Script tag to embed',
  'embedding.tag.copy': 'Copy',
  'embedding.tag.copied': 'The script tag has been copied.',
  'embedding.tag.copyFailed': 'Copying did not work: select the tag and copy it yourself.',
  'embedding.allowed.title': 'Allowed sites',
  'embedding.allowed.help': 'From ALLOWED_ORIGINS. The server\'s operator adds a site: put its origin (scheme, host and port) in ALLOWED_ORIGINS and restart the server.',
  'embedding.refused.title': 'Refused sites',
  'embedding.refused.help': 'Pages of these sites called the API without being in ALLOWED_ORIGINS: most likely a site that embeds the widget and still needs adding. The last 100 are kept.',
  'embedding.refused.none': 'No site has been refused yet.',
  'embedding.refused.origin': 'Site (origin)',
  'embedding.refused.count': 'Times refused',
  'embedding.refused.firstSeen': 'First seen',
  'embedding.refused.lastSeen': 'Last seen',
} satisfies Translation<typeof nl>
