/** Dutch: the console's page about embedding the widget: the script tag to copy, the sites allowed, and those the API refused. */

export const staffEmbedding = {
  'embedding.title': 'Insluiten',
  'embedding.intro': 'Met één scripttag zet een site de widget op haar pagina\'s. De pagina\'s van die site mogen de API pas aanroepen als de site in ALLOWED_ORIGINS van de server staat; tot dan zoekt de widget wel in de kennisbank, maar toont hij in plaats van het meldformulier het telefoonnummer en e-mailadres van support.',
  'embedding.tag.title': 'Scripttag',
  'embedding.tag.help': 'Plak deze tag in de pagina\'s van de site, bijvoorbeeld vlak voor </body>. Met data-lang="en" spreekt de widget Engels; data-product-area kiest vooraf een onderdeel.',
  'embedding.tag.label': 'Scripttag om in te sluiten',
  'embedding.tag.copy': 'Kopiëren',
  'embedding.tag.copied': 'De scripttag is gekopieerd.',
  'embedding.tag.copyFailed': 'Kopiëren lukte niet: selecteer de tag en kopieer hem zelf.',
  'embedding.allowed.title': 'Toegestane sites',
  'embedding.allowed.help': 'Uit ALLOWED_ORIGINS. Een site toevoegen doet de beheerder van de server: zet haar origin (schema, host en poort) in ALLOWED_ORIGINS en start de server opnieuw.',
  'embedding.refused.title': 'Geweigerde sites',
  'embedding.refused.help': 'Pagina\'s van deze sites riepen de API aan zonder in ALLOWED_ORIGINS te staan: waarschijnlijk een site die de widget insluit en nog toegevoegd moet worden. De laatste 100 worden bewaard.',
  'embedding.refused.none': 'Nog geen enkele site geweigerd.',
  'embedding.refused.origin': 'Site (origin)',
  'embedding.refused.count': 'Aantal keer geweigerd',
  'embedding.refused.firstSeen': 'Eerst gezien',
  'embedding.refused.lastSeen': 'Laatst gezien',
} as const
