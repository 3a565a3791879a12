/** Dutch: the console’s remote-view panel. */
import { common } from './common.ts'

export const staffRemoteView = {
  'remoteView.title': common.remoteViewTitle,
  'remoteView.intro': 'Kijk met toestemming van de melder mee op diens scherm, alleen kijken. De melder krijgt een persoonlijke code per e-mail en in het portaal, ziet op de pagina Meekijken wie er meekijkt en geeft dan pas toestemming.',
  'remoteView.start': 'Meekijken starten',
  'remoteView.startAgain': 'Opnieuw starten',
  'remoteView.end': 'Beëindigen',
  'remoteView.none': 'Er is bij dit incident nog niet meegekeken.',
  'remoteView.waiting': 'Wacht op toestemming van {name}. De code is per e-mail en in het portaal naar de melder gestuurd; u ziet de code zelf niet. De code verloopt om {time}.',
  'remoteView.open': 'Meekijken is open: {name} gaf toestemming om {time}.',
  'remoteView.ended': 'Meekijken is beëindigd door {name} om {time}.',
  'remoteView.expired': 'De code is om {time} verlopen zonder toestemming van {name}. Start opnieuw voor een nieuwe code.',
  'remoteView.videoLabel': 'Scherm van {name}',
  'remoteView.waitingForScreen': 'Wacht op het scherm van de klant.',
  'remoteView.screenShown': 'U ziet het scherm van {name}. Alleen kijken: u kunt niets bedienen.',
  'remoteView.pathRelay': 'Verbinding via de TURN-server van de helpdesk.',
  'remoteView.pathDirect': 'Rechtstreekse verbinding tussen de browsers.',
  'remoteView.screenLost': 'Het scherm van de klant is niet meer te zien. Misschien is het delen gestopt; de klant kan opnieuw delen.',
} as const
