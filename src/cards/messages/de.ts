import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    'Keiner der PCs des Benutzers hat einen Schlüssel mit dieser Schlüssel-ID. Prüfen Sie die Schlüssel-ID auf dem Bildschirm gemeinsam mit dem Benutzer.',
  notAllowedByTenant:
    'Entra ID erlaubt dieser Anmeldung nicht, BitLocker-Schlüssel zu lesen. Das kann jemand mit einer Rolle übernehmen, die Schlüssel lesen darf (zum Beispiel Helpdesk Administrator).',
  notInSelfServiceGroup: 'Der Benutzer darf keine Schlüssel erhalten.',
  rateLimited:
    'Diese Person hat in den letzten 24 Stunden zu viele Schlüssel erhalten. Sehen Sie sich den PC vor Ort an.',
  deviceRateLimited:
    'Für diesen PC wurden in den letzten 24 Stunden zu viele Schlüssel abgerufen. Sehen Sie ihn sich vor Ort an.',
  riskStop: 'Die Anfrage wurde als riskant gestoppt.',
  deviceDisabled: 'Der PC ist in Entra ID deaktiviert. Klären Sie den Grund, bevor Sie ihn entsperren.',
  repeatRecovery:
    'Dieser PC wurde vor weniger als einer Stunde mit einem Schlüssel entsperrt. Etwas sperrt ihn immer wieder: Sehen Sie ihn sich vor Ort an.',
  directoryUnavailable: 'Microsoft Graph hat nicht geantwortet. Versuchen Sie es in ein paar Minuten erneut.',
  alreadyReleased: 'Dieser Schlüssel wurde für diesen Fall bereits herausgegeben.',
};

const minutesWord = (count: number): string => (count === 1 ? 'Minute' : 'Minuten');

/** Deutsch, mit „Sie“ wie in Windows und Teams: kurze Sätze, einfache Wörter, nie vorwurfsvoll. */
export const de: Messages = {
  welcomeTitle: 'BitLocker-Wiederherstellung',
  welcomeBody:
    'Hängt Ihr PC am blauen BitLocker-Bildschirm fest? Ich helfe Ihnen, den richtigen Wiederherstellungsschlüssel für Ihren Arbeits-PC zu finden, oder hole die IT dazu.',
  neverAskForPassword: 'Ich frage Sie nie nach Ihrem Kennwort oder einem MFA-Code.',
  welcomeKeyIdLabel: 'Schlüssel-ID vom blauen Bildschirm',
  send: 'Senden',
  welcomeOrTellMe: 'Oder beschreiben Sie einfach in eigenen Worten, was los ist.',
  greetAgain:
    'Hallo noch mal! Wenn Ihr PC den BitLocker-Bildschirm zeigt, geben Sie die Schlüssel-ID von dort ein (etwa 4290B6C0), oder beschreiben Sie, was los ist.',
  acknowledged:
    'OK. Geben Sie die Schlüssel-ID vom blauen Bildschirm ein, sobald Sie so weit sind, oder beschreiben Sie, was los ist.',
  startRecovery: 'Mein PC zeigt die BitLocker-Wiederherstellung',
  startWhereKeyId: 'Wo finde ich die Schlüssel-ID?',
  startTalkToIt: 'Mit der IT sprechen',
  startOver: 'Von vorne beginnen',

  helpTitle: 'Was ich kann',
  helpIntro: 'Schreiben Sie mir einfach in eigenen Worten. Diese Befehle gehen auch jederzeit:',
  helpCommands: [
    { command: 'hilfe', description: 'diese Liste anzeigen' },
    { command: 'von vorne', description: 'ganz von vorne beginnen' },
    { command: 'abbrechen', description: 'die aktuelle Anfrage beenden' },
    { command: 'status', description: 'Ihre offene Anfrage ansehen' },
    { command: 'mit der IT sprechen', description: 'den Helpdesk um Hilfe bitten' },
  ],

  keyIdHelpTitle: 'Die Schlüssel-ID finden',
  keyIdHelpSteps: [
    'Sehen Sie sich den blauen BitLocker-Wiederherstellungsbildschirm auf dem gesperrten PC an.',
    'Suchen Sie unten nach „Wiederherstellungsschlüssel-ID“ (ältere Bildschirme: „Schlüssel-ID“). Dahinter stehen Buchstaben und Ziffern.',
    'Geben Sie die ersten 8 davon unten oder im Chat ein, zum Beispiel 4290B6C0. Mehr geht auch.',
  ],
  keyIdHelpNotes: [
    'Windows 11 zeigt eventuell auch einen Hinweis auf ein Microsoft-Konto. Dann ist der Schlüssel wahrscheinlich in diesem privaten Konto gespeichert.',
    'Mit der Alt-Taste sehen Sie einen Fehlercode, etwa E_FVE_DEVICE_LOCKEDOUT. Gut zu notieren, aber nicht nötig.',
  ],

  keyIdLabel: 'Schlüssel-ID',
  requestNumberLabel: 'Anfragenummer',
  askKeyIdTitle: 'Wie lautet die Schlüssel-ID?',
  askKeyIdWhere:
    'Sie steht unten auf dem blauen Bildschirm, hinter „Wiederherstellungsschlüssel-ID“. Die ersten 8 Zeichen genügen.',
  askKeyIdOrType: 'Sie können sie auch einfach in den Chat schreiben.',
  notedTitle: 'Bisher',
  keyIdPlaceholder: 'z. B. 4290B6C0',
  keyIdRequired: 'Geben Sie die Schlüssel-ID vom blauen Bildschirm ein.',
  whereIsIt: 'Wo finde ich sie?',

  keyIdTooShort: (digits) =>
    `Ich habe ${digits} Zeichen erhalten. Die Schlüssel-ID braucht mindestens 8: Bitte geben Sie die ersten 8 vom blauen Bildschirm ein.`,
  notAKeyId:
    'Das sieht nicht wie eine Schlüssel-ID aus. Sie besteht nur aus 0-9 und A-F, etwa 4290B6C0, und steht auf dem blauen Bildschirm hinter „Wiederherstellungsschlüssel-ID“.',
  twoKeyIds:
    'Ich sehe dort mehr als eine Schlüssel-ID. Bitte senden Sie nur die von Ihrem blauen Bildschirm.',
  passwordPastedTitle: 'Bitte behalten Sie das für sich',
  passwordPastedLines: [
    'Das sah aus wie ein Wiederherstellungsschlüssel (48 Ziffern).',
    'Fügen Sie ihn nie in einen Chat ein, weder hier noch anderswo. Ich habe ihn nicht gespeichert.',
    'Falls Sie ihn versehentlich eingegeben haben, löschen Sie die Nachricht.',
    'Ich brauche nur die Schlüssel-ID: den kurzen Code hinter „Wiederherstellungsschlüssel-ID“ auf dem blauen Bildschirm.',
  ],

  confirmKeyIdQuestion: (keyId) => `Meinten Sie ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `Ich habe ${corrections.join(', ')} ersetzt, denn Schlüssel-IDs enthalten nur 0-9 und A-F.`,
  confirmKeyIdYes: 'Ja',
  confirmKeyIdNo: 'Nein, neu eingeben',

  answersTitle: 'Was ist direkt vor dem blauen Bildschirm passiert?',
  rootCauseButtons: {
    firmwareUpdate: 'BIOS- oder Firmware-Update',
    windowsUpdate: 'Windows-Update',
    hardwareChange: 'Reparatur oder neue Hardware',
    dockOrPeripheral: 'Neues Dock, Monitor oder USB-Gerät',
    wrongPin: 'Zu oft falsche PIN',
    nothingUnusual: 'Nichts Besonderes',
    outOfMyHands: 'Verloren, gestohlen oder in fremden Händen',
  },
  assumedWorkPc: 'Dies gilt für Ihren Arbeits-PC.',
  notWorkPc: 'Kein Arbeits-PC?',
  deviceKindButtons: {
    personalPc: 'Mein privater PC',
    secondHand: 'Ein gebrauchter PC',
    oldDomainPc: 'Älterer PC in der Firmendomäne',
  },
  errorCodeHint:
    'Ein Fehlercode auf dem Bildschirm (Alt-Taste drücken), etwa E_FVE_DEVICE_LOCKEDOUT? Geben Sie ihn gern hier ein.',
  rootCauseChoices: {
    firmwareUpdate: 'Ein BIOS- oder Firmware-Update',
    windowsUpdate: 'Ein Windows-Update',
    hardwareChange: 'Eine Reparatur oder neue Hardware',
    dockOrPeripheral: 'Eine Dockingstation, ein Monitor oder ein USB-Gerät wurde neu angeschlossen',
    wrongPin: 'Zu oft eine falsche PIN',
    nothingUnusual: 'Nichts Besonderes',
    outOfMyHands:
      'Der PC war in fremden Händen, wurde eventuell manipuliert oder ist verloren oder gestohlen',
  },
  deviceKindChoices: {
    workPc: 'Mein Arbeits-PC',
    personalPc: 'Mein privater PC',
    secondHand: 'Ein gebrauchter PC',
    oldDomainPc: 'Ein älterer PC in der Firmendomäne',
    notSure: 'Nicht sicher',
  },
  whyDidThisHappen: 'Warum ist das passiert?',

  verifyTitle: 'Danke, mehr brauche ich nicht',
  verifyAgainTitle: 'Fast geschafft: Identität bestätigen',
  rootCauseFact: 'Was passiert ist',
  deviceKindFact: 'PC',
  errorCodeFact: 'Fehlercode',
  verifyNext:
    'Als Nächstes: Eine kurze Microsoft-Anmeldung bestätigt, dass Sie es sind. Ich frage Sie hier nie nach Ihrem Kennwort.',
  verifyButton: 'Identität bestätigen',
  verifyNotSwitchedOn:
    'Die Self-Service-Anmeldung ist hier noch nicht eingeschaltet. Deshalb hilft Ihnen dabei jemand aus der IT.',

  guides: {
    personalAccount: {
      title: 'Ihr Schlüssel ist wahrscheinlich in einem Microsoft-Konto',
      intro:
        'Private PCs speichern den Schlüssel meist im Microsoft-Konto, mit dem sie eingerichtet wurden. Auf Ihrem Smartphone oder einem anderen Gerät:',
      points: [
        'Öffnen Sie aka.ms/myrecoverykey.',
        'Melden Sie sich mit dem Microsoft-Konto an, das auf dem gesperrten PC verwendet wird. Neuere blaue Bildschirme zeigen einen Hinweis darauf.',
        'Suchen Sie den Schlüssel, dessen Schlüssel-ID zu der auf Ihrem Bildschirm passt.',
        'Geben Sie seine 48 Ziffern auf dem gesperrten PC ein.',
      ],
      closing: [
        'Nicht dabei? Versuchen Sie Ihre anderen Microsoft-Konten und bei einem gemeinsam genutzten PC die Konten von Familienmitgliedern.',
        'Behalten Sie den Schlüssel für sich: Fügen Sie ihn nie in einen Chat ein.',
      ],
    },
    secondHand: {
      title: 'Ein gebrauchter PC',
      intro:
        'Den Wiederherstellungsschlüssel dieses PCs kann nur haben, wer BitLocker eingeschaltet hat: der Vorbesitzer oder der Verkäufer.',
      points: [
        'Bitten Sie diese Person, den Schlüssel mit der Schlüssel-ID von Ihrem Bildschirm unter aka.ms/myrecoverykey nachzuschlagen.',
        'Bitte bezahlen Sie keine Online-„Wiederherstellungsdienste“: Ohne den Schlüssel kann niemand die Daten entsperren.',
        'Haben Sie diesen PC von der IT bekommen, vielleicht den alten PC einer Kollegin oder eines Kollegen? Dann gilt er als Arbeits-PC: Tippen Sie auf „Von vorne beginnen“, und ich finde seinen Schlüssel.',
      ],
      closing: [
        'Wenn der Schlüssel nicht auffindbar ist, lässt sich der PC zurücksetzen und wieder verwenden, aber die Dateien darauf werden gelöscht.',
      ],
    },
    noKeyAnywhere: {
      title: 'Keine Kopie des Schlüssels?',
      intro:
        'Für einen Arbeits-PC brauchen Sie keine eigene Kopie: Die IT bewahrt den Schlüssel auf, und ich kann ihn für Sie finden. Für einen privaten PC suchen Sie nach:',
      points: [
        'Einem Ausdruck: Papierablage, Schubladen, die Verpackung des PCs.',
        'Einem USB-Stick.',
        'Einer Datei mit einem Namen wie „BitLocker-Wiederherstellungsschlüssel“ plus Schlüssel-ID und der Endung .txt, auf einem anderen PC, einem Laufwerk oder im Cloudspeicher.',
        'Einer E-Mail, die Sie sich selbst geschickt haben.',
        'Ihrem Kennwort-Manager.',
        'Dem Microsoft-Konto, das auf dem PC verwendet wird: aka.ms/myrecoverykey.',
      ],
      closing: [
        'Ganz ehrlich: Ein verlorener Wiederherstellungsschlüssel lässt sich nicht neu erstellen, weder von der IT noch von Microsoft.',
        'Taucht keine Kopie auf, bleibt als letzter Ausweg, den PC zurückzusetzen. Danach funktioniert er wieder, aber die Dateien darauf sind gelöscht. Dateien in OneDrive oder einer anderen Sicherung bleiben dort erhalten.',
      ],
    },
    whyThisHappened: {
      title: 'Warum BitLocker nach dem Schlüssel fragt',
      intro:
        'BitLocker schützt Ihre Dateien. Wenn sich etwas daran ändert, wie der PC startet, fragt BitLocker nach dem Schlüssel, um sicherzugehen, dass der PC noch in den richtigen Händen ist. Häufige Gründe:',
      points: [
        'Ein BIOS- oder Firmware-Update oder eine geänderte Secure-Boot-Einstellung.',
        'Eine Reparatur oder neue Hardware, etwa eine neue Hauptplatine oder ein neuer Sicherheitschip (TPM).',
        'Ein großes Windows-Update oder eine Neuinstallation.',
        'Eine falsche PIN, zu oft eingegeben.',
        'Eine Dockingstation oder ein USB-Gerät, das beim Start angeschlossen war und den Startvorgang verändert.',
        'Gelegentlich auch ein Versuch, unbefugt auf den PC zuzugreifen.',
      ],
      closing: ['Sie haben nichts falsch gemacht. Mit dem richtigen Schlüssel startet der PC wie gewohnt.'],
    },
    ownCopy: {
      title: 'Ihre eigene Kopie verwenden',
      intro: 'Gut: Ihre eigene Kopie funktioniert genauso, wenn es die richtige ist.',
      points: [
        'Prüfen Sie, ob die zugehörige Schlüssel-ID genauso beginnt wie die auf dem blauen Bildschirm.',
        'Geben Sie die 48 Ziffern mit den Zifferntasten in der oberen Reihe der Tastatur ein. Wenn diese nicht reagieren, stehen F1–F10 für 1–0.',
        'Ein falsch eingegebener Block aus 6 Ziffern wird markiert: Geben Sie nur diesen Block neu ein.',
      ],
      closing: [
        'Nicht dieselbe Schlüssel-ID oder nicht akzeptiert? Für einen Arbeits-PC kann ich den richtigen Schlüssel finden: Tippen Sie auf „Meinen Schlüssel finden“.',
        'Bewahren Sie die Kopie danach getrennt vom PC auf, und fügen Sie sie nie in einen Chat ein.',
      ],
    },
    keyRejected: {
      title: 'Wenn der Schlüssel nicht akzeptiert wird',
      intro: 'Prüfen Sie diese Punkte nacheinander:',
      points: [
        'Die Schlüssel-ID auf dem blauen Bildschirm muss genauso beginnen wie die Schlüssel-ID des Schlüssels, den Sie eingeben. Sonst ist es ein anderer Schlüssel.',
        'Verwenden Sie die Zifferntasten in der oberen Reihe der Tastatur. Wenn nichts erscheint, stehen F1–F10 für 1–0.',
        'Ein Block, der rot wird, enthält eine falsche Ziffer: Geben Sie nur diesen Block neu ein.',
        'Manche PCs haben mehr als einen Schlüssel: Versuchen Sie den anderen, der für diesen PC aufgeführt ist.',
      ],
      closing: ['Immer noch gesperrt? Die IT hilft Ihnen: Tippen Sie auf „Mit der IT sprechen“.'],
    },
    prevention: {
      title: 'Der nächsten Sperre vorbeugen',
      intro: 'Mit ein paar Gewohnheiten wird es beim nächsten Mal einfach:',
      points: [
        'Den Schlüssel Ihres Arbeits-PCs bewahrt die IT auf, und ich bin jederzeit hier in Teams für Sie da.',
        'Planen Sie ein BIOS-Update oder eine Reparatur? Sagen Sie vorher der IT Bescheid: Sie kann BitLocker dafür anhalten.',
        'Speichern Sie bei einem privaten PC den Schlüssel in Ihrem Microsoft-Konto (aka.ms/myrecoverykey), oder drucken Sie ihn aus und bewahren Sie ihn getrennt vom PC auf.',
        'Speichern Sie Ihre Dateien in OneDrive oder einer anderen Sicherung, damit ein verlorener Schlüssel nie verlorene Arbeit bedeutet.',
      ],
      closing: ['Bewahren Sie einen Schlüssel nie in einem Chat, einer E-Mail oder einem Foto auf.'],
    },
    security: {
      title: 'Behalten Sie Ihren Schlüssel für sich',
      intro: 'Ein Wiederherstellungsschlüssel entsperrt alles auf Ihrem PC. Deshalb:',
      points: [
        'Geben Sie ihn nie an jemanden weiter, der Sie anruft, anschreibt oder Ihnen eine Nachricht schickt, auch wenn die Person sagt, sie sei von der IT oder von Microsoft. Die IT fragt Sie nie danach.',
        'Lesen Sie ihn nie am Telefon vor, schicken Sie ihn nie per E-Mail und posten Sie ihn nie in einem Chat, auch nicht für Kollegen oder Ihre Führungskraft.',
        'Geben Sie ihn nur auf dem blauen Bildschirm Ihres eigenen PCs ein.',
        'Jemand hat Sie danach gefragt? Das ist ein Warnsignal: Informieren Sie die IT-Sicherheit.',
      ],
      closing: [
        'Schon an jemanden weitergegeben? Informieren Sie sofort die IT-Sicherheit: Der Schlüssel wird dann ersetzt.',
      ],
    },
  },
  openMyRecoveryKey: 'aka.ms/myrecoverykey öffnen',
  cantFindItThere: 'Dort finde ich ihn nicht',
  findMyKey: 'Meinen Schlüssel finden',
  reportToSecurity: 'An die IT-Sicherheit melden',

  didYouMean: 'Meinten Sie …?',
  outOfScopeTitle: 'Ich kann nur bei BitLocker helfen',
  outOfScopeBody:
    'Ich helfe, wenn ein PC am blauen BitLocker-Wiederherstellungsbildschirm stehen bleibt. Für alles andere wenden Sie sich bitte wie gewohnt an die IT.',
  intentLabels: {
    recoveryScreen: 'Mein PC zeigt die BitLocker-Wiederherstellung',
    whereKeyId: 'Wo finde ich die Schlüssel-ID?',
    whyHappened: 'Warum ist das passiert?',
    personalPc: 'Es ist ein privater PC',
    secondHand: 'Es ist ein gebrauchter PC',
    ownCopy: 'Ich habe eine eigene Kopie des Schlüssels',
    noKeyAnywhere: 'Ich finde den Schlüssel nirgends',
    keyDidNotWork: 'Der Schlüssel hat nicht funktioniert',
    itWorked: 'Es hat funktioniert',
    talkToIt: 'Mit der IT sprechen',
    status: 'Status meiner Anfrage',
    cancel: 'Meine Anfrage abbrechen',
    restart: 'Von vorne beginnen',
    help: 'Was kann der Bot?',
    prevention: 'Wie vermeide ich das künftig?',
    security: 'Jemand wollte meinen Schlüssel',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? 'Super, Sie sind wieder drin. Ich habe den Schlüssel in diesem Chat ausgeblendet.'
      : 'Das freut mich. Ich bin jederzeit für Sie da.',

  riskStopTitle: 'Sicherheit geht vor',
  riskStopLines: [
    'Da der PC möglicherweise in fremden Händen war, prüft die IT diesen Fall persönlich mit Ihnen.',
    'Zu Ihrer Sicherheit wird dafür kein Schlüssel im Chat angezeigt.',
    'Ich habe die IT um Hilfe gebeten. Sie wird benachrichtigt und meldet sich bei Ihnen. Falls der PC verloren oder gestohlen ist, sagen Sie es dann.',
  ],

  caseRequestedTitle: 'Ich habe die IT um Hilfe gebeten',
  caseReasons: {
    requesterAsked: 'Sie wollten mit einem Menschen sprechen, deshalb habe ich das weitergegeben.',
    riskStop:
      'Da der PC möglicherweise in fremden Händen war, prüft die IT diesen Fall persönlich mit Ihnen.',
    onPremisesDevice:
      'Der Schlüssel eines älteren Domänen-PCs liegt auf den eigenen Servern des Unternehmens, deshalb sucht die IT ihn für Sie heraus.',
    notUnderstood:
      'Per Chat konnte ich das nicht klären, deshalb habe ich es an einen Menschen weitergegeben.',
    notReleasable:
      'Für diese Schlüssel-ID konnte ich hier keinen Schlüssel freigeben. Das passiert, wenn sie nicht zu einem auf Sie registrierten PC gehört oder Self-Service dafür nicht erlaubt ist.',
    rateLimited:
      'Sie haben die Zahl der Schlüssel erreicht, die ich pro Tag anzeigen kann. Deshalb hilft Ihnen hier jemand aus der IT.',
    directoryUnavailable:
      'Das Verzeichnis von Microsoft antwortet gerade nicht. Damit Sie nicht warten müssen, habe ich das an einen Menschen weitergegeben.',
    signInMismatch:
      'Die Anmeldung erfolgte mit einem anderen Konto als Ihrem Teams-Konto, deshalb konnte ich sie nicht verwenden.',
    keyDidNotWork:
      'Der Schlüssel hat nicht funktioniert, deshalb sieht sich jemand aus der IT das mit Ihnen an.',
    rotationOverdue: 'Der angezeigte Schlüssel wurde noch nicht ersetzt, deshalb kümmert sich die IT darum.',
    notInSelfServiceGroup:
      'Für Ihr Konto ist das selbstständige Abrufen von Schlüsseln nicht eingeschaltet. Deshalb besorgt Ihnen jemand aus der IT den Schlüssel.',
    alreadyReleased:
      'Der Schlüssel dieses PCs wurde Ihnen bereits angezeigt, deshalb zeige ich ihn hier nicht noch einmal. Falls er nicht funktioniert hat, hilft die IT.',
    repeatRecovery:
      'Der Schlüssel dieses PCs wurde vor weniger als einer Stunde angezeigt, und der PC ist wieder gesperrt. Die IT sieht sich an, woran das liegt.',
    deviceDisabled:
      'Dieser PC ist im Unternehmensverzeichnis deaktiviert, deshalb muss die IT ihn sich zuerst ansehen.',
    notAllowedByTenant:
      'Ihre Organisation erlaubt nicht, dass Mitarbeitende ihre eigenen Schlüssel abrufen. Deshalb besorgt Ihnen jemand aus der IT den Schlüssel.',
    suspiciousContact:
      'Danke für Ihre Meldung. Ich habe die IT informiert, und jemand meldet sich bei Ihnen. Behalten Sie den Schlüssel bis dahin für sich.',
  },
  keyShownAt: (time) => `Er wurde am ${time} angezeigt.`,
  caseNext:
    'Die IT wird mit Ihren Angaben benachrichtigt und meldet sich bei Ihnen. Sie müssen nicht alles noch einmal erklären.',
  caseWithoutKeyId:
    'Notieren Sie nach Möglichkeit die Schlüssel-ID vom blauen Bildschirm: Die IT wird danach fragen.',
  caseStatusHint: 'Schreiben Sie jederzeit „Status“, um Ihre Anfrage zu sehen.',

  offerIt:
    'Entschuldigung, das klappt bei mir gerade nicht. Möchten Sie, dass Ihnen jemand aus der IT hilft?',
  cancelled: (hadRequest) =>
    hadRequest
      ? 'OK, ich habe die Anfrage abgebrochen. Schreiben Sie einfach „Hallo“, wenn Sie neu beginnen möchten.'
      : 'Es gab nichts abzubrechen. Schreiben Sie einfach „Hallo“, wenn Sie beginnen möchten.',

  statusTitle: 'Ihre Anfrage',
  statusNowFact: 'Aktuell',
  statusLastFact: 'Letzte Anfrage',
  statusSteps: {
    idle: 'Nichts in Bearbeitung.',
    awaitingKeyId: 'Wartet auf Ihre Schlüssel-ID.',
    confirmingKeyId: 'Wartet darauf, dass Sie die Schlüssel-ID bestätigen.',
    awaitingAnswers: 'Wartet auf Ihre Angabe, was direkt davor passiert ist.',
  },
  statusOutcomes: {
    none: 'Noch keine.',
    verification: 'Bereit für die Bestätigung per Microsoft-Anmeldung.',
    released: 'Ihr Schlüssel wurde in diesem Chat angezeigt.',
    case: 'An die IT weitergegeben. Sie wird benachrichtigt und meldet sich.',
    cancelled: 'Abgebrochen.',
    guided: (guideTitle) => `Ich habe Ihnen „${guideTitle}“ gezeigt.`,
  },

  expired: 'Willkommen zurück. Seit dem letzten Mal ist mehr als ein Tag vergangen, daher beginnen wir neu.',
  missLimit:
    'Ich kann heute hier keine weitere Anfrage eröffnen: Diese Schlüssel-IDs passen zu keinem Ihrer PCs. Bitte rufen Sie den IT-Helpdesk an oder gehen Sie vorbei.',
  staleCard: 'Diese Schaltfläche gehört zu einer früheren Anfrage. Hier ist der aktuelle Stand.',
  preventionTips:
    'Tipp fürs nächste Mal: Den Schlüssel Ihres Arbeits-PCs sichert die IT, und ich bin jederzeit hier in Teams für Sie da. Speichern Sie bei einem privaten PC den Schlüssel in Ihrem Microsoft-Konto, oder drucken Sie ihn aus und bewahren Sie ihn getrennt vom PC auf. Bewahren Sie einen Schlüssel nie in einem Chat, einer E-Mail oder einem Foto auf.',

  release: {
    title: 'Ihr Wiederherstellungsschlüssel',
    deviceLabel: 'PC',
    compareKeyId: 'Prüfen Sie zuerst, ob die Schlüssel-ID auf Ihrem blauen Bildschirm genauso beginnt.',
    howToType:
      'Geben Sie die 8 Blöcke mit den Zifferntasten in der oberen Reihe der Tastatur ein (falls diese nicht reagieren, stehen F1–F10 für 1–0). Nach jedem Block springt die Eingabe weiter, und ein falscher Block wird markiert.',
    hidesIn: (minutes) =>
      `Zu Ihrer Sicherheit blende ich diesen Schlüssel in ${minutes} ${minutesWord(minutes)} aus, oder sobald Sie mir sagen, dass es funktioniert hat.`,
    worked: 'Es hat funktioniert',
    didNotWork: 'Hat nicht funktioniert',
    oneBlockAtATime: 'Blöcke einzeln anzeigen',
    allBlocks: 'Alle Blöcke anzeigen',
    nextBlock: 'Nächster Block',
    previousBlock: 'Vorheriger Block',
    blockOf: (index, count) => `Block ${index} von ${count}`,
    fallback:
      'Ihr Wiederherstellungsschlüssel ist in dieser Nachricht. Öffnen Sie sie in Microsoft Teams, um ihn zu sehen.',
    needMoreDigits: (matches) =>
      `Mehr als ein Schlüssel auf Ihren PCs beginnt so (${matches} Stück). Bitte geben Sie mehr von der Schlüssel-ID ein, mindestens die ersten 12 Zeichen, dann prüfe ich erneut.`,
    interrupted:
      'Etwas hat mich unterbrochen, bevor Ihr Schlüssel angezeigt werden konnte; es wurde nichts angezeigt. Geben Sie "restart" ein, um es noch einmal zu versuchen.',
    maybeShown:
      'Etwas hat mich unterbrochen, während ich Ihren Schlüssel angezeigt habe. Wenn Sie ihn oben sehen, können Sie ihn verwenden: Ich kann ihn jetzt nicht ausblenden, und die IT sorgt dafür, dass er ersetzt wird.',
    troubleshooting:
      'Das tut mir leid. Prüfen Sie, ob die Schlüssel-ID auf dem Bildschirm mit der auf meiner Karte übereinstimmt und ob jeder Block ohne rote Markierung angenommen wurde. Wenn es trotzdem nicht klappt, hilft die IT: Ich habe es weitergegeben.',
  },
  signIn: {
    mismatch: (name) =>
      `Diese Anmeldung erfolgte als ${name || 'ein anderes Konto'}, nicht als Sie, deshalb konnte ich sie nicht verwenden. Tippen Sie erneut auf „Identität bestätigen“, und melden Sie sich mit Ihrem eigenen Arbeitskonto an.`,
    failed:
      'Diese Anmeldung hat nicht funktioniert oder zu lange gedauert. Tippen Sie erneut auf „Identität bestätigen“, um einen neuen Link zu erhalten.',
    stale:
      'Diese Anmeldung gehört zu einer früheren Anfrage. Wenn Sie noch einen Schlüssel brauchen, schreiben Sie „von vorne“.',
  },
  signInPage: {
    closeThisPage: 'Sie können diese Seite schließen.',
    goBack: (button) => `Gehen Sie zurück zu Teams und tippen Sie erneut auf „${button}“.`,
    verified: {
      title: 'Sie sind bestätigt',
      body: 'Gehen Sie zurück zu Teams: Meine Antwort steht im Chat oder kommt gleich.',
    },
    mismatch: {
      title: 'Sie haben sich als jemand anderes angemeldet',
      body: (name) =>
        `Sie haben sich als ${name || 'ein anderes Konto'} angemeldet, nicht als die Person, die in Teams gefragt hat. Deshalb habe ich abgebrochen und nichts angezeigt.`,
      ownAccount: 'Melden Sie sich dann mit Ihrem eigenen Arbeitskonto an.',
    },
    trouble: { title: 'Bei mir ist etwas schiefgelaufen', body: 'Es wurde nichts angezeigt.' },
    failures: {
      stateUnknownOrUsed: {
        title: 'Dieser Anmeldelink wurde bereits verwendet',
        body: 'Jeder Link funktioniert nur einmal.',
      },
      stateExpired: {
        title: 'Dieser Anmeldelink ist abgelaufen',
        body: 'Jeder Link gilt nur wenige Minuten.',
      },
      tokenInvalid: {
        title: 'Ich konnte Ihre Anmeldung nicht bestätigen',
        body: 'Es wurde nichts angezeigt.',
      },
      authTooOld: {
        title: 'Ihre Anmeldung war nicht aktuell genug',
        body: 'Ich brauche eine Anmeldung aus den letzten Minuten.',
      },
      missingAuthContext: {
        title: 'Ihre Organisation verlangt eine stärkere Anmeldung',
        body: 'Melden Sie sich erneut mit der Methode an, die Ihre Organisation verlangt (zum Beispiel mit der Authenticator-App oder einem Sicherheitsschlüssel).',
      },
      entraError: {
        title: 'Die Anmeldung wurde nicht abgeschlossen',
        body: 'Sie wurde abgebrochen oder abgelehnt.',
      },
      wrongTenant: {
        title: 'Das war nicht Ihr Arbeitskonto',
        body: 'Melden Sie sich mit Ihrem Arbeitskonto an.',
      },
    },
  },
  keyHidden: {
    title: 'Wiederherstellungsschlüssel ausgeblendet',
    body: 'Ich habe den Schlüssel in diesem Chat ausgeblendet. Da er einmal angezeigt wurde, sorgt die IT dafür, dass er durch einen neuen ersetzt wird.',
    askAgain: 'Immer noch gesperrt? Schreiben Sie „von vorne“, und ich helfe Ihnen erneut.',
  },

  releaseNotice: {
    subject: (deviceName) => `Der BitLocker-Wiederherstellungsschlüssel für ${deviceName} wurde angezeigt`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Hallo ${requesterName},`,
      `der BitLocker-Wiederherstellungsschlüssel für Ihr Gerät ${deviceName} wurde am ${day} um ${time} UTC in Ihrem Microsoft Teams-Chat mit dem BitLocker-Wiederherstellungs-Bot angezeigt.`,
      `Schlüssel-ID: ${keyId}`,
      'Wenn Sie das waren, müssen Sie nichts weiter tun. Die IT sorgt dafür, dass der Schlüssel durch einen neuen ersetzt wird.',
      'Wenn Sie das nicht waren, wenden Sie sich sofort telefonisch oder persönlich an Ihren IT-Helpdesk oder Ihr Sicherheitsteam, und weisen Sie auf diese Nachricht hin.',
      'Diese Nachricht wurde automatisch gesendet. Sie enthält den Schlüssel nicht, und die IT fragt Sie nie nach Ihrem Kennwort oder einem Anmeldecode.',
    ],
  },

  groupChatRedirect:
    'Bei der BitLocker-Wiederherstellung helfe ich nur im privaten Chat, damit Ihre Angaben unter uns bleiben. Öffnen Sie einen 1:1-Chat mit mir, um zu beginnen.',
  turnError: 'Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
  slowDown:
    'Das sind sehr viele Nachrichten auf einmal, deshalb pausiere ich kurz. Warten Sie eine Minute und schicken Sie dann eine Nachricht mit Ihrem Anliegen.',

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Verdächtige BitLocker-Wiederherstellungsanfrage: Fall ${caseNumber} von ${requesterName}${keyId ? ` (Schlüssel-ID ${keyId})` : ''} wurde von ${agentName} abgelehnt. Notiz: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} meldet, dass jemand nach dem BitLocker-Wiederherstellungsschlüssel gefragt hat (Fall ${caseNumber}). Behandeln Sie das als möglichen Social-Engineering-Versuch.`,
    probingAlert: (requesterName, misses) =>
      `Mögliches Ausprobieren: ${requesterName} hat heute ${misses} Schlüssel-IDs eingegeben, die zu keinem PC dieser Person passen. Heute werden für diese Person keine weiteren Fälle eröffnet. Wenn sie sich meldet, prüfen Sie ihre Identität besonders sorgfältig.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} hat dem Bot in wenigen Minuten mehr als ${dropped} Nachrichten geschickt; sie wurden nicht beantwortet. Das kann ein hängender Client oder ein Versuch sein, den Bot zu überfluten.`,
    keyFlowInterrupted: (caseNumber) =>
      `Die Schlüsselherausgabe für Fall ${caseNumber} wurde unterbrochen, bevor jemand den Schlüssel gesehen hat. Drücken Sie die Schaltfläche erneut.`,
    keyFlowMaybeShown: (caseNumber) =>
      `Die Schlüsselherausgabe für Fall ${caseNumber} wurde beim Senden der Karte unterbrochen: Der Schlüssel wurde möglicherweise angezeigt und kann nicht ausgeblendet werden. Die Rotation wird wie üblich geprüft.`,
    sendKeyFlow: {
      signInNotice:
        'Melden Sie sich erneut an, um den Schlüssel zu senden. Der Schlüssel geht direkt in den Chat des Benutzers; Sie sehen ihn nicht.',
      signInButton: 'Anmelden und Schlüssel senden',
      sent: (name) =>
        `Der Schlüssel ist jetzt im Chat von ${name}. Er blendet sich nach ein paar Minuten selbst aus.`,
      severalKeys: (matches) =>
        `${matches} Schlüssel auf den PCs des Benutzers beginnen mit dieser Schlüssel-ID. Fragen Sie nach weiteren Zeichen, und versuchen Sie es dann erneut.`,
      notReleased: (reason) =>
        `Es wurde kein Schlüssel gesendet: ${helpdeskDenials[reason]} Am Fall wurde nichts geändert.`,
      signInFailed:
        'Diese Anmeldung konnte nicht zum Senden des Schlüssels verwendet werden. Wählen Sie erneut „Schlüssel an Benutzer senden“.',
    },
    showKeyFlow: {
      signInNotice:
        'Melden Sie sich erneut an, um den Schlüssel zu sehen. Er erscheint in Ihrem privaten Chat mit mir, wo nur Sie ihn sehen.',
      signInButton: 'Anmelden und Schlüssel anzeigen',
      shown: (name) =>
        `Der Schlüssel wurde ${name} im privaten Chat mit mir angezeigt. Er wird ersetzt, sobald er verwendet wurde.`,
      privateChatFailed:
        'Ich konnte keinen privaten Chat mit Ihnen öffnen, deshalb wurde kein Schlüssel gelesen. Öffnen Sie in Teams einen Chat mit mir, und wählen Sie dann erneut „Schlüssel mir anzeigen“.',
      notDelivered:
        'Ich konnte den Schlüssel nicht in Ihren privaten Chat legen, daher hat ihn niemand gesehen. Wählen Sie in einer Minute erneut „Schlüssel mir anzeigen“.',
      notShown: (reason) =>
        `Es wurde kein Schlüssel angezeigt: ${helpdeskDenials[reason]} Am Fall wurde nichts geändert.`,
      signInFailed:
        'Diese Anmeldung konnte nicht zum Anzeigen des Schlüssels verwendet werden. Wählen Sie erneut „Schlüssel mir anzeigen“.',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Fall ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Fall ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Offen: wartet auf Bearbeitung',
      claimed: 'Übernommen: Benutzer verifizieren',
      verified: 'Verifiziert: bereit zum Senden des Schlüssels',
      released: 'Schlüssel herausgegeben: abschließen, sobald der PC wieder läuft',
      resolved: 'Gelöst',
      cancelled: 'Vom Benutzer abgebrochen',
      rejected: 'Als verdächtig abgelehnt',
      reopened: 'Wieder geöffnet: wartet auf Bearbeitung',
    },
    reasons: {
      requesterAsked: 'Wollte einen Menschen sprechen',
      riskStop: 'Risikostopp: Gerät war in fremden Händen, manipuliert, verloren oder gestohlen',
      onPremisesDevice: 'Lokaler Domänen-PC: Schlüssel liegt im lokalen AD',
      notUnderstood: 'Im Chat nicht lösbar',
      notReleasable:
        'Kein freigebbarer Schlüssel für diese Schlüssel-ID (kein Treffer, nicht das eigene Gerät oder nicht erlaubt)',
      rateLimited: 'Self-Service-Limit für Schlüssel überschritten',
      directoryUnavailable: 'Microsoft Graph hat nicht geantwortet',
      signInMismatch: 'Anmeldung mit einem anderen Konto',
      keyDidNotWork: 'Schlüssel herausgegeben, hat aber nicht funktioniert',
      rotationOverdue: 'Herausgegebener Schlüssel nicht innerhalb von 24 Stunden rotiert',
      notInSelfServiceGroup: 'Nicht in der Self-Service-Gruppe',
      alreadyReleased: 'Schlüssel für diese Anfrage bereits angezeigt',
      repeatRecovery: 'Innerhalb einer Stunde nach der Herausgabe erneut gesperrt',
      deviceDisabled: 'PC ist in Entra ID deaktiviert',
      notAllowedByTenant: 'Mandant erlaubt Besitzern nicht, ihre Schlüssel zu lesen',
      suspiciousContact: 'Meldet, dass jemand nach dem Wiederherstellungsschlüssel gefragt hat',
    },
    requesterLabel: 'Benutzer',
    reasonLabel: 'Grund',
    ownerLabel: 'Zuständig',
    nobodyYet: 'Noch niemand',
    verificationLabel: 'Verifizierung',
    notVerifiedYet: 'Noch nicht',
    verifiedBy: (method, agentName) => `${method}, durch ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: 'Videoanruf mit Lichtbildausweis',
      inPerson: 'Persönlich',
      managerConfirmation: 'Von der Führungskraft in Teams bestätigt',
    },
    devicesTitle: 'PCs des Benutzers',
    noDevices: 'Für diese Person wurden keine registrierten PCs gefunden.',
    trustTypes: {
      AzureAd: 'In Entra ID eingebunden',
      ServerAd: 'Hybrid oder in Domäne eingebunden',
      Workplace: 'Registriert (privat)',
      unknown: 'Einbindungsart unbekannt',
    },
    lastSignIn: (when) => `letzte Anmeldung ${when}`,
    moreDevices: (count) => (count === 1 ? 'und 1 weiterer PC' : `und ${count} weitere PCs`),
    historyTitle: 'Verlauf',
    earlierHistory: (count) => (count === 1 ? '1 früherer Eintrag' : `${count} frühere Einträge`),
    events: {
      opened: () => 'Fall eröffnet',
      detailsAdded: () => 'PCs und Details abgerufen',
      posted: () => 'In diesem Kanal gepostet',
      reminded: () => 'Noch nicht übernommen: Kanal erinnert',
      claimed: (by) => `Übernommen von ${by ?? 'einem Helpdesk-Mitglied'}`,
      claimReleased: (by) => (by === undefined ? 'Fall zurückgegeben' : `${by} hat den Fall zurückgegeben`),
      verificationRecorded: (by) => `Verifiziert von ${by ?? 'einem Helpdesk-Mitglied'}`,
      keySentToRequester: (by) =>
        `Schlüssel von ${by ?? 'einem Helpdesk-Mitglied'} in den Chat des Benutzers gesendet`,
      keyShownToAgent: (by) => `Schlüssel ${by ?? 'einem Helpdesk-Mitglied'} angezeigt`,
      resolved: (by) => `Gelöst von ${by ?? 'einem Helpdesk-Mitglied'}`,
      rejectedAsSuspicious: (by) => `Als verdächtig abgelehnt von ${by ?? 'einem Helpdesk-Mitglied'}`,
      reopened: (by) => `Wieder geöffnet${by === undefined ? '' : ` von ${by}`}`,
      cancelled: () => 'Vom Benutzer abgebrochen',
      noteAdded: (by) => (by === undefined ? 'Notiz vom Benutzer' : `Notiz von ${by}`),
    },
    textWithheld: '(zurückgehalten: sah aus wie ein Wiederherstellungsschlüssel)',

    claim: 'Übernehmen',
    releaseClaim: 'Zurückgeben',
    recordVerificationTitle: 'Verifizierung erfassen',
    verificationMethodLabel: 'Wie haben Sie die Person verifiziert?',
    verificationMethodRequired: 'Wählen Sie aus, wie Sie die Person verifiziert haben.',
    verificationNoteLabel: 'Notiz (optional)',
    verificationNotePlaceholder: 'z. B. Ausweis im Video geprüft, passt zum Foto der Personalabteilung',
    saveVerification: 'Verifizierung speichern',
    sendKey: 'Schlüssel an Benutzer senden',
    sendKeyHint:
      'Bei „Schlüssel an Benutzer senden“ melden Sie sich erneut an, dann landet der Schlüssel im Chat des Benutzers. Sie sehen ihn nicht.',
    resolve: 'Abschließen',
    reopen: 'Wieder öffnen',
    rejectOpen: 'Als verdächtig ablehnen…',
    rejectWarning:
      'Damit endet der Fall ohne Schlüssel, der Benutzer wird informiert und die IT-Sicherheit alarmiert. Sicher?',
    rejectConfirm: 'Ja, als verdächtig ablehnen',
    showKeyToMe: 'Schlüssel mir anzeigen',
    closedHint: 'Dieser Fall ist geschlossen. Geben Sie „queue“ ein, um offene Fälle zu sehen.',

    advanced: {
      title: (caseNumber) => `Schlüssel von Fall ${caseNumber} anzeigen?`,
      lines: [
        'Nur für Benutzer, die Teams nicht verwenden können. Sie melden sich erneut an, dann erscheint der Schlüssel in Ihrem privaten Chat mit mir. Nur Sie sehen ihn, und der Vorgang wird protokolliert.',
        'Lesen Sie ihn dem verifizierten Benutzer vor, niemals per E-Mail oder Chat. Er wird danach rotiert.',
      ],
      reasonLabel: 'Warum müssen Sie ihn sehen?',
      reasonPlaceholder: 'z. B. Benutzer hat kein Smartphone, ist mit mir im Videoanruf',
      reasonRequired: 'Geben Sie an, warum Sie den Schlüssel sehen müssen.',
      reveal: 'Schlüssel anzeigen',
      back: 'Zurück zum Fall',
    },
    revealed: {
      title: (caseNumber) => `Wiederherstellungsschlüssel für Fall ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Nur Sie sehen das. Lesen Sie ihn nur ${requesterName} vor, Block für Block, und schreiben Sie ihn nie auf.`,
      hidesIn: (minutes) =>
        `Wird in ${minutes} ${minutesWord(minutes)} wieder ausgeblendet oder wenn Sie auf „Schlüssel ausblenden“ tippen.`,
      hide: 'Schlüssel ausblenden',
      hiddenTitle: (caseNumber) => `Wiederherstellungsschlüssel für Fall ${caseNumber}: ausgeblendet`,
      hiddenBody:
        'Er wurde einmal angezeigt und wird daher durch einen neuen ersetzt. Schließen Sie den Fall ab, sobald die Person wieder Zugriff hat.',
      fallback: (caseNumber) =>
        `Der Wiederherstellungsschlüssel für Fall ${caseNumber}. Öffnen Sie die Nachricht in Microsoft Teams, um ihn zu sehen.`,
    },

    requester: {
      title: (caseNumber) => `Ihre IT-Anfrage ${caseNumber}`,
      caseNumberLabel: 'Anfragenummer',
      updates: {
        opened: () => 'Ich habe Ihre Anfrage an den IT-Helpdesk weitergegeben.',
        claimed: (agent) => `${agent ?? 'Jemand aus der IT'} kümmert sich jetzt um Ihre Anfrage.`,
        claimReleased: () =>
          'Ihre Anfrage liegt wieder in der Warteschlange des Helpdesks und geht an die nächste freie Person.',
        verified: () => 'Die IT hat bestätigt, dass Sie es sind.',
        keySent: () => 'Die IT hat Ihren Wiederherstellungsschlüssel in diesen Chat gesendet.',
        noteAdded: () => 'Ich habe Ihre Notiz zur Anfrage hinzugefügt.',
        resolved: () => 'Die IT hat Ihre Anfrage als erledigt geschlossen.',
        rejected: () => 'Die IT konnte diese Anfrage nicht per Chat abschließen.',
        cancelled: () => 'Sie haben diese Anfrage abgebrochen.',
      },
      next: {
        opened:
          'Jemand aus der IT meldet sich in Teams bei Ihnen, um zu prüfen, dass Sie es sind. Die IT fragt nie nach Ihrem Kennwort oder einem MFA-Code.',
        claimed:
          'Sie werden in Teams kontaktiert, damit geprüft werden kann, dass Sie es sind. Die IT fragt nie nach Ihrem Kennwort oder einem MFA-Code.',
        claimReleased: 'Sie müssen nichts tun: Die nächste Person, die sie übernimmt, meldet sich bei Ihnen.',
        verified: 'Ihr Schlüssel kommt in Kürze in diesem Chat an.',
        keySent:
          'Suchen Sie in diesem Chat nach der Karte mit Ihrem Schlüssel. Sie wird nach ein paar Minuten wieder ausgeblendet.',
        noteAdded: 'Die Person, die Ihre Anfrage bearbeitet, sieht sie.',
        resolved:
          'Immer noch gesperrt? Schreiben Sie „mit der IT sprechen“, und ich öffne eine neue Anfrage.',
        rejected: 'Bitte wenden Sie sich persönlich oder telefonisch an Ihren IT-Helpdesk.',
        cancelled: 'Schreiben Sie einfach „Hallo“, wenn Sie neu beginnen möchten.',
      },
      addNote: 'Notiz hinzufügen',
      noteLabel: 'Notiz für die IT',
      notePlaceholder: 'z. B. wann ich am besten erreichbar bin. Nie Schlüssel oder Kennwort.',
      noteRequired: 'Geben Sie Ihre Notiz ein.',
      sendNote: 'Notiz senden',
      cancelRequest: 'Anfrage abbrechen',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `Fall ${caseNumber} von ${requesterName} wartet seit ${minutesWaiting} ${minutesWord(minutesWaiting)}, und noch niemand hat ihn übernommen.`,

    queueTitle: (count) => `Offene Fälle (${count})`,
    queueEmpty: 'Zurzeit keine offenen Fälle.',
    queueLine: (caseNumber, requesterName, status) => `Fall ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `wartet seit ${minutes} Min.`,
    moreCases: (count) => (count === 1 ? 'und 1 weiterer Fall' : `und ${count} weitere Fälle`),
    queueHint: 'Geben Sie „case“ und eine Nummer ein, um einen Fall zu sehen, zum Beispiel „case 12“.',

    statsTitle: (day) => `Heute (${day})`,
    statsRequests: 'Anfragen',
    statsSelfServed: 'Per Self-Service gelöst',
    statsEscalated: 'An die IT eskaliert',
    statsMedianToKey: 'Median bis zum Schlüssel',
    minutes: (count) => `${count} Min.`,
    noneYet: 'Noch keine',
    topReasonsTitle: 'Häufigste Sperrgründe',
    noReasons: 'Heute noch keine Antworten erfasst.',
    rootCauses: {
      firmwareUpdate: 'BIOS- oder Firmware-Update',
      windowsUpdate: 'Windows-Update',
      hardwareChange: 'Reparatur oder neue Hardware',
      dockOrPeripheral: 'Dock, Monitor oder USB-Gerät',
      wrongPin: 'Zu oft falsche PIN',
      nothingUnusual: 'Nichts Besonderes',
      outOfMyHands: 'In fremden Händen, verloren oder gestohlen',
    },

    auditTitle: (subject) => `Neueste Audit-Ereignisse für ${subject}`,
    auditEmpty: (subject) => `Keine Audit-Ereignisse für ${subject}.`,
    auditDecisions: {
      released: 'Schlüssel herausgegeben',
      denied: 'Abgelehnt',
      escalated: 'An die IT eskaliert',
      signInMismatch: 'Anmeldung mit anderem Konto',
      signInFailed: 'Anmeldung fehlgeschlagen',
      rateLimited: 'Limit erreicht',
      keyCardHidden: 'Schlüsselkarte ausgeblendet',
      rotationRequested: 'Rotation angefordert',
      rotationConfirmed: 'Rotation bestätigt',
      rotationOverdue: 'Rotation überfällig',
      caseChanged: 'Fall geändert',
    },
    auditBy: (actor) => `von ${actor}`,
    moreAudit: (count) =>
      count === 1 ? '1 älteres Ereignis nicht angezeigt' : `${count} ältere Ereignisse nicht angezeigt`,

    commandsUsage:
      'Helpdesk-Befehle: "queue" (offene Fälle, älteste zuerst), "case 12", "stats" (heute) und "audit" mit dem UPN oder der Objekt-ID einer Person, der Entra-deviceId eines Geräts oder einer Schlüssel-ID (mindestens die ersten 8 Zeichen).',
    refusals: {
      notHelpdeskMember: 'Das ist leider nur für das IT-Helpdesk-Team. Es wurde nichts geändert.',
      notRequester: 'Das kann nur die Person, die um Hilfe gebeten hat.',
      ownCase: 'Das ist Ihr eigener Fall, deshalb muss ihn jemand anderes aus dem Helpdesk übernehmen.',
      caseClosed: (status) => `Dieser Fall ist bereits geschlossen (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} ist für diesen Fall zuständig. Fragen Sie dort nach, oder übernehmen Sie den Fall, sobald er zurückgegeben wird.`,
      alreadyOwner: 'Sie sind bereits für diesen Fall zuständig.',
      notClaimed: 'Übernehmen Sie zuerst den Fall.',
      verificationRequired:
        'Erfassen Sie zuerst, wie Sie den Benutzer verifiziert haben. Dann können Sie den Schlüssel senden.',
      advancedRoleRequired:
        '„Schlüssel mir anzeigen“ ist nur für Helpdesk-Mitglieder mit der erweiterten Helpdesk-Rolle. Es wurde nichts angezeigt.',
      alreadyReleased: 'Der Schlüssel wurde für diesen Fall bereits gesendet.',
      notClosed: 'Nur ein gelöster oder abgelehnter Fall kann wieder geöffnet werden.',
      unknownMethod: 'Wählen Sie aus, wie Sie die Person verifiziert haben.',
      textRequired: {
        note: 'Geben Sie zuerst eine Notiz ein.',
        reason: 'Geben Sie an, warum Sie den Schlüssel sehen müssen.',
      },
      textTooLong: (field, max) =>
        `Diese ${field === 'note' ? 'Notiz' : 'Begründung'} ist zu lang. Bitte bleiben Sie unter ${max} Zeichen.`,
      recoveryPasswordInText:
        'Das sah aus wie ein Wiederherstellungsschlüssel, deshalb habe ich es nicht gespeichert. Geben Sie nie einen Schlüssel in Teams ein.',
      changed:
        'Dieser Fall hat sich geändert, während Sie ihn angesehen haben. Hier ist der aktuelle Stand: Bitte versuchen Sie es erneut.',
      outOfDate:
        'Diese Karte ist veraltet, deshalb wurde nichts geändert. Verwenden Sie die neueste Nachricht zu Ihrer Anfrage.',
      caseNotFound: (caseNumber) => `Es gibt keinen Fall ${caseNumber}.`,
      unreadableAction:
        'Diese Schaltfläche hat etwas gesendet, das ich nicht lesen konnte. Aktualisieren Sie die Karte, und versuchen Sie es erneut.',
      membershipUnknown:
        'Ich konnte Ihre Helpdesk-Mitgliedschaft nicht prüfen: Das Verzeichnis antwortet nicht. Es wurde nichts geändert. Bitte versuchen Sie es in einer Minute noch einmal.',
      keyReleaseOff:
        'Die Schlüsselherausgabe ist für diesen Bot nicht eingerichtet, daher kann der Helpdesk keine Schlüssel senden oder anzeigen. Schließen Sie den Fall ab, sobald die Person wieder Zugriff hat.',
    },
  },
};
