import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    "geen van de pc's van de aanvrager heeft een sleutel met die sleutel-id. Controleer samen met de aanvrager de sleutel-id op het scherm.",
  notAllowedByTenant:
    'Entra ID staat niet toe dat deze aanmelding BitLocker-sleutels leest. Een medewerker met een rol die sleutels mag lezen (bijvoorbeeld Helpdesk Administrator) kan dit wel.',
  notInSelfServiceGroup: 'de aanvrager mag geen sleutels krijgen.',
  rateLimited:
    'deze persoon heeft in de afgelopen 24 uur te veel sleutels gekregen. Bekijk de pc ter plekke.',
  deviceRateLimited: 'deze pc heeft in de afgelopen 24 uur te veel sleutels gekregen. Bekijk hem ter plekke.',
  riskStop: 'de aanvraag is gestopt omdat die risicovol is.',
  deviceDisabled: 'de pc is uitgeschakeld in Entra ID. Zoek uit waarom, voordat u hem ontgrendelt.',
  repeatRecovery:
    'deze pc is minder dan een uur geleden met een sleutel ontgrendeld. Iets blijft hem vergrendelen: bekijk hem ter plekke.',
  directoryUnavailable: 'Microsoft Graph gaf geen antwoord. Probeer het over een paar minuten opnieuw.',
  alreadyReleased: 'deze sleutel is voor deze melding al uitgegeven.',
};

/**
 * Dutch (nl), formal "u" as in Windows and Teams. Key ID is "sleutel-id"; the screen's own wording is
 * "BitLocker-herstel" and "Herstelsleutel-id".
 */
export const nl: Messages = {
  welcomeTitle: 'BitLocker-herstel',
  welcomeBody:
    'Staat uw pc vast op een blauw BitLocker-scherm? Ik help u de juiste herstelsleutel voor uw werk-pc te vinden, of ik schakel IT in.',
  neverAskForPassword: 'Ik vraag nooit om uw wachtwoord of een MFA-code.',
  welcomeKeyIdLabel: 'Sleutel-id van het blauwe scherm',
  send: 'Verzenden',
  welcomeOrTellMe: 'Of vertel me gewoon in uw eigen woorden wat er aan de hand is.',
  greetAgain:
    'Hallo weer! Toont uw pc het BitLocker-scherm? Typ dan de sleutel-id die erop staat (zoals 4290B6C0), of vertel me wat er aan de hand is.',
  acknowledged:
    'OK. Typ de sleutel-id van het blauwe scherm zodra u zover bent, of vertel me wat er aan de hand is.',
  startRecovery: 'Mijn pc toont een BitLocker-herstelscherm',
  startWhereKeyId: 'Waar vind ik de sleutel-id?',
  startTalkToIt: 'Praten met IT',
  startOver: 'Opnieuw beginnen',

  helpTitle: 'Wat ik kan',
  helpIntro: 'Vertel het me gewoon in uw eigen woorden. Dit werkt ook altijd:',
  helpCommands: [
    { command: 'help', description: 'deze lijst tonen' },
    { command: 'opnieuw beginnen', description: 'opnieuw vanaf het begin starten' },
    { command: 'annuleren', description: 'de huidige aanvraag stoppen' },
    { command: 'status', description: 'uw openstaande aanvraag bekijken' },
    { command: 'praten met IT', description: 'de helpdesk om hulp vragen' },
  ],

  keyIdHelpTitle: 'De sleutel-id vinden',
  keyIdHelpSteps: [
    'Kijk op de vergrendelde pc naar het blauwe scherm "BitLocker-herstel".',
    'Zoek onderaan "Herstelsleutel-id" (op oudere schermen staat "Sleutel-id"). Daarachter staan letters en cijfers.',
    'Typ de eerste 8 daarvan hieronder of in de chat, bijvoorbeeld 4290B6C0. Meer mag ook.',
  ],
  keyIdHelpNotes: [
    'Windows 11 kan ook een hint naar een Microsoft-account tonen. Dan staat de sleutel waarschijnlijk in dat persoonlijke account.',
    'Als u op Alt drukt, ziet u een foutcode, zoals E_FVE_DEVICE_LOCKEDOUT. Handig om te noteren, maar niet nodig.',
  ],

  keyIdLabel: 'Sleutel-id',
  requestNumberLabel: 'Aanvraagnummer',
  askKeyIdTitle: 'Wat is de sleutel-id?',
  askKeyIdWhere:
    'Die staat onderaan het blauwe scherm, na "Herstelsleutel-id". De eerste 8 tekens zijn genoeg.',
  askKeyIdOrType: 'U kunt hem ook gewoon in de chat typen.',
  notedTitle: 'Tot nu toe',
  keyIdPlaceholder: 'bijv. 4290B6C0',
  keyIdRequired: 'Typ de sleutel-id van het blauwe scherm.',
  whereIsIt: 'Waar staat die?',

  keyIdTooShort: (digits) =>
    `Ik heb ${digits} ${digits === 1 ? 'teken' : 'tekens'} ontvangen. De sleutel-id heeft er minstens 8 nodig: typ de eerste 8 van het blauwe scherm.`,
  notAKeyId:
    'Dat lijkt geen sleutel-id. Die bestaat alleen uit 0-9 en A-F, zoals 4290B6C0, en staat na "Herstelsleutel-id" op het blauwe scherm.',
  twoKeyIds: 'Ik zie daar meer dan één sleutel-id. Stuur alleen de sleutel-id die op uw blauwe scherm staat.',
  passwordPastedTitle: 'Houd dit alstublieft voor uzelf',
  passwordPastedLines: [
    'Dat leek op een herstelsleutel (48 cijfers).',
    'Plak die nooit in een chat, hier of waar dan ook. Ik heb hem niet bewaard.',
    'Hebt u hem per ongeluk getypt? Verwijder dat bericht dan.',
    'Ik heb alleen de sleutel-id nodig: de korte code na "Herstelsleutel-id" op het blauwe scherm.',
  ],

  confirmKeyIdQuestion: (keyId) => `Bedoelde u ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `Ik heb dit aangepast: ${corrections.join(', ')}, want een sleutel-id bevat alleen 0-9 en A-F.`,
  confirmKeyIdYes: 'Ja',
  confirmKeyIdNo: 'Nee, opnieuw typen',

  answersTitle: 'Wat gebeurde er vlak voor het blauwe scherm?',
  rootCauseButtons: {
    firmwareUpdate: 'BIOS- of firmware-update',
    windowsUpdate: 'Windows-update',
    hardwareChange: 'Reparatie of nieuwe hardware',
    dockOrPeripheral: 'Nieuw dock, scherm of USB-apparaat',
    wrongPin: 'Te vaak verkeerde pincode',
    nothingUnusual: 'Niets bijzonders',
    outOfMyHands: 'Kwijt, gestolen of even uit mijn handen',
  },
  assumedWorkPc: 'Dit is voor uw werk-pc.',
  notWorkPc: 'Geen werk-pc?',
  deviceKindButtons: {
    personalPc: 'Mijn persoonlijke pc',
    secondHand: 'Een tweedehands pc',
    oldDomainPc: 'Een oudere pc in het bedrijfsdomein',
  },
  errorCodeHint:
    'Staat er een foutcode op het scherm (druk op Alt), zoals E_FVE_DEVICE_LOCKEDOUT? Typ die hier als u wilt.',
  rootCauseChoices: {
    firmwareUpdate: 'Een BIOS- of firmware-update',
    windowsUpdate: 'Een Windows-update',
    hardwareChange: 'Een reparatie of nieuwe hardware',
    dockOrPeripheral: 'Een nieuw dock, scherm of USB-apparaat',
    wrongPin: 'Te vaak een verkeerde pincode',
    nothingUnusual: 'Niets bijzonders',
    outOfMyHands: 'De pc was uit mijn handen, is misschien gemanipuleerd, of is kwijt of gestolen',
  },
  deviceKindChoices: {
    workPc: 'Mijn werk-pc',
    personalPc: 'Mijn persoonlijke pc',
    secondHand: 'Een tweedehands pc',
    oldDomainPc: 'Een oudere pc die lid is van het bedrijfsdomein',
    notSure: 'Weet ik niet zeker',
  },
  whyDidThisHappen: 'Waarom gebeurde dit?',

  verifyTitle: 'Bedankt, meer heb ik niet nodig',
  verifyAgainTitle: 'Bijna klaar: bevestig dat u het bent',
  rootCauseFact: 'Wat er gebeurde',
  deviceKindFact: 'Pc',
  errorCodeFact: 'Foutcode',
  verifyNext:
    'Volgende stap: met een korte Microsoft-aanmelding laat u zien dat u het bent. Ik vraag hier nooit om uw wachtwoord.',
  verifyButton: 'Bevestig dat u het bent',
  verifyNotSwitchedOn:
    'Aanmelden via selfservice is hier nog niet ingeschakeld. Daarom helpt iemand van IT u hiermee.',

  guides: {
    personalAccount: {
      title: 'Uw sleutel staat waarschijnlijk in een Microsoft-account',
      intro:
        "Bij persoonlijke pc's wordt de sleutel meestal opgeslagen in het Microsoft-account waarmee de pc is ingesteld. Op uw telefoon of een ander apparaat:",
      points: [
        'Open aka.ms/myrecoverykey.',
        'Meld u aan met het Microsoft-account dat op de vergrendelde pc wordt gebruikt. Nieuwere blauwe schermen geven daar een hint voor.',
        'Zoek de sleutel waarvan de sleutel-id overeenkomt met die op uw scherm.',
        'Typ de 48 cijfers ervan op de vergrendelde pc.',
      ],
      closing: [
        'Staat hij er niet? Probeer uw andere Microsoft-accounts en, bij een gedeelde pc, de accounts van gezinsleden.',
        'Houd de sleutel voor uzelf: plak hem nooit in een chat.',
      ],
    },
    secondHand: {
      title: 'Een tweedehands pc',
      intro:
        'Alleen wie BitLocker heeft ingeschakeld, de vorige eigenaar of de verkoper, kan de herstelsleutel van deze pc hebben.',
      points: [
        'Vraag die persoon de sleutel op te zoeken via aka.ms/myrecoverykey, met de sleutel-id van uw scherm.',
        'Betaal alstublieft geen online "herstel"-diensten: niemand kan de gegevens ontgrendelen zonder de sleutel.',
        'Hebt u deze pc van IT gekregen, misschien de oude pc van een collega? Dan telt hij als werk-pc: tik op "Opnieuw beginnen", dan zoek ik de sleutel ervan op.',
      ],
      closing: [
        'Als de sleutel niet te vinden is, kan de pc opnieuw worden ingesteld en weer worden gebruikt, maar dan worden de bestanden erop gewist.',
      ],
    },
    noKeyAnywhere: {
      title: 'Geen kopie van de sleutel?',
      intro:
        'Voor een werk-pc hebt u geen eigen kopie nodig: IT bewaart de sleutel, en ik kan hem voor u vinden. Zoek bij een persoonlijke pc naar:',
      points: [
        'Een afdruk: in mappen met papieren, in lades, in de doos van de pc.',
        'Een USB-stick.',
        'Een bestand met een naam als "BitLocker-herstelsleutel" plus de sleutel-id, eindigend op .txt, op een andere pc, een schijf of in cloudopslag.',
        'Een e-mail die u aan uzelf hebt gestuurd.',
        'Uw wachtwoordbeheerder.',
        'Het Microsoft-account dat op de pc wordt gebruikt: aka.ms/myrecoverykey.',
      ],
      closing: [
        'Eerlijk is eerlijk: een verloren herstelsleutel kan niet opnieuw worden gemaakt, niet door IT en niet door Microsoft.',
        'Duikt er geen kopie op? Dan is de pc opnieuw instellen de laatste uitweg. Daarna werkt hij weer, maar de bestanden erop worden gewist. Bestanden in OneDrive of een andere back-up blijven daar veilig.',
      ],
    },
    whyThisHappened: {
      title: 'Waarom BitLocker om de sleutel vraagt',
      intro:
        'BitLocker beschermt uw bestanden. Als er iets verandert aan hoe de pc opstart, vraagt BitLocker om de sleutel, om zeker te weten dat de pc nog in de juiste handen is. Veelvoorkomende redenen:',
      points: [
        'Een BIOS- of firmware-update, of een gewijzigde Secure Boot-instelling.',
        'Een reparatie of nieuwe hardware, zoals een nieuw moederbord of een nieuwe beveiligingschip (TPM).',
        'Een grote Windows-update of een herinstallatie.',
        'Een verkeerde pincode, te vaak ingevoerd.',
        'Een dock of USB-apparaat dat bij het opstarten is aangesloten, waardoor de pc anders opstart.',
        'Een enkele keer: iemand die probeert in de pc te komen.',
      ],
      closing: ['Het is niet uw schuld. Met de juiste sleutel wordt de pc gewoon weer ontgrendeld.'],
    },
    ownCopy: {
      title: 'Uw eigen kopie gebruiken',
      intro: 'Goed zo: uw eigen kopie werkt net zo goed, als het de juiste is.',
      points: [
        'Controleer of de sleutel-id die erbij staat hetzelfde begint als die op het blauwe scherm.',
        'Typ de 48 cijfers met de cijfertoetsen boven aan het toetsenbord. Doen die niets, dan staan F1–F10 voor 1–0.',
        'Een verkeerd getypt blok van 6 cijfers wordt gemarkeerd: typ alleen dat blok opnieuw.',
      ],
      closing: [
        'Niet dezelfde sleutel-id, of wordt hij niet geaccepteerd? Voor een werk-pc kan ik de juiste sleutel vinden: tik op "Mijn sleutel zoeken".',
        'Bewaar de kopie daarna niet bij de pc, en plak hem nooit in een chat.',
      ],
    },
    keyRejected: {
      title: 'Als de sleutel niet wordt geaccepteerd',
      intro: 'Controleer deze punten, een voor een:',
      points: [
        'De sleutel-id op het blauwe scherm moet hetzelfde beginnen als de sleutel-id van de sleutel die u typt. Zo niet, dan is het een andere sleutel.',
        'Typ met de cijfertoetsen boven aan het toetsenbord. Verschijnt er niets, dan staan F1–F10 voor 1–0.',
        'Wordt een blok rood, dan staat er een verkeerd cijfer in: typ alleen dat blok opnieuw.',
        "Sommige pc's hebben meer dan één sleutel: probeer de andere sleutel die voor die pc wordt vermeld.",
      ],
      closing: ['Nog steeds geen toegang? IT kan helpen: tik op "Praten met IT".'],
    },
    prevention: {
      title: 'De volgende keer voorkomen',
      intro: 'Met een paar gewoonten gaat het de volgende keer makkelijk:',
      points: [
        'IT bewaart de sleutel van uw werk-pc, en ik ben er in Teams wanneer u me nodig hebt.',
        'Plant u een BIOS-update of een reparatie? Laat het IT eerst weten: dan kan IT BitLocker daarvoor onderbreken.',
        'Sla bij een persoonlijke pc de sleutel op in uw Microsoft-account (aka.ms/myrecoverykey), of druk hem af en bewaar hem niet bij de pc.',
        'Bewaar uw bestanden in OneDrive of een andere back-up, zodat een verloren sleutel nooit verloren werk betekent.',
      ],
      closing: ['Bewaar een sleutel nooit in een chat, een e-mail of een foto.'],
    },
    security: {
      title: 'Houd uw sleutel voor uzelf',
      intro: 'Met een herstelsleutel kan alles op uw pc worden ontgrendeld. Dus:',
      points: [
        'Geef hem nooit aan iemand die u belt, mailt of een bericht stuurt, ook niet als die zegt van IT of Microsoft te zijn. IT vraagt u er nooit om.',
        'Lees hem nooit voor aan de telefoon, mail hem niet en zet hem niet in een chat, ook niet voor een collega of uw leidinggevende.',
        'Typ hem alleen op het blauwe scherm van uw eigen pc.',
        'Heeft iemand u erom gevraagd? Dat is een waarschuwingssignaal: meld het bij IT-beveiliging.',
      ],
      closing: [
        'Hebt u hem al aan iemand gegeven? Meld het nu bij IT-beveiliging: de sleutel wordt dan vervangen.',
      ],
    },
  },
  openMyRecoveryKey: 'aka.ms/myrecoverykey openen',
  cantFindItThere: 'Ik vind hem daar niet',
  findMyKey: 'Mijn sleutel zoeken',
  reportToSecurity: 'Melden bij IT-beveiliging',

  didYouMean: 'Bedoelde u…?',
  outOfScopeTitle: 'Ik kan alleen helpen met BitLocker',
  outOfScopeBody:
    'Ik help als een pc stopt bij het blauwe BitLocker-herstelscherm. Neem voor al het andere op de gebruikelijke manier contact op met IT.',
  intentLabels: {
    recoveryScreen: 'Mijn pc toont een BitLocker-herstelscherm',
    whereKeyId: 'Waar vind ik de sleutel-id?',
    whyHappened: 'Waarom gebeurde dit?',
    personalPc: 'Het is een persoonlijke pc',
    secondHand: 'Het is een tweedehands pc',
    ownCopy: 'Ik heb zelf een kopie van de sleutel',
    noKeyAnywhere: 'Ik kan de sleutel nergens vinden',
    keyDidNotWork: 'De sleutel werkte niet',
    itWorked: 'Het is gelukt',
    talkToIt: 'Praten met IT',
    status: 'Status van mijn aanvraag',
    cancel: 'Mijn aanvraag annuleren',
    restart: 'Opnieuw beginnen',
    help: 'Wat kan deze bot?',
    prevention: 'Hoe voorkom ik dit de volgende keer?',
    security: 'Iemand vroeg om mijn sleutel',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? 'Mooi, u kunt weer aan de slag. Ik heb de sleutel in deze chat verborgen.'
      : 'Fijn om te horen. Ik ben er wanneer u me nodig hebt.',

  riskStopTitle: 'Veiligheid voorop',
  riskStopLines: [
    'Omdat de pc mogelijk uit uw handen is geweest, controleert IT dit persoonlijk met u.',
    'Voor uw veiligheid wordt voor deze pc geen sleutel in de chat getoond.',
    'Ik heb IT om hulp gevraagd. IT krijgt een melding en neemt contact met u op. Is de pc kwijt of gestolen? Vertel het dan.',
  ],

  caseRequestedTitle: 'Ik heb IT om hulp gevraagd',
  caseReasons: {
    requesterAsked: 'U vroeg om een persoon, dus ik heb dit doorgegeven.',
    riskStop: 'Omdat de pc mogelijk uit uw handen is geweest, controleert IT dit persoonlijk met u.',
    onPremisesDevice:
      'De sleutel van een oudere domein-pc staat op de eigen servers van het bedrijf, dus IT zoekt hem voor u op.',
    notUnderstood: 'Ik kreeg dit via de chat niet opgelost, dus ik heb het aan een persoon doorgegeven.',
    notReleasable:
      'Ik kon hier geen sleutel vrijgeven voor die sleutel-id. Dat gebeurt als die niet bij een pc op uw naam hoort, of als selfservice er niet voor is toegestaan.',
    rateLimited:
      'U hebt het aantal sleutels bereikt dat ik per dag kan tonen, dus iemand van IT helpt u hiermee.',
    directoryUnavailable:
      'De directory van Microsoft reageert nu niet. Daarom heb ik dit aan een persoon doorgegeven, zodat u niet hoeft te wachten.',
    signInMismatch:
      'U hebt u aangemeld met een ander account dan uw account in Teams, dus ik kon die aanmelding niet gebruiken.',
    keyDidNotWork: 'De sleutel werkte niet, dus iemand van IT bekijkt het samen met u.',
    rotationOverdue: 'De getoonde sleutel is nog niet vervangen, dus IT zorgt ervoor dat dat gebeurt.',
    notInSelfServiceGroup:
      'Zelf sleutels ophalen is niet ingeschakeld voor uw account, dus iemand van IT bezorgt u de sleutel.',
    alreadyReleased:
      'De sleutel van deze pc is al aan u getoond, dus ik toon hem hier niet opnieuw. Werkte hij niet? Dan helpt IT u.',
    repeatRecovery:
      'De sleutel van deze pc is minder dan een uur geleden getoond en de pc is weer vergrendeld, dus IT zoekt uit waarom.',
    deviceDisabled: 'Deze pc is uitgeschakeld in de bedrijfsdirectory, dus IT moet er eerst naar kijken.',
    notAllowedByTenant:
      'Uw organisatie staat niet toe dat mensen hun eigen sleutels lezen, dus iemand van IT bezorgt u de sleutel.',
    suspiciousContact:
      'Bedankt voor uw melding. Ik heb IT ingelicht en iemand neemt contact met u op. Houd de sleutel intussen voor uzelf.',
  },
  keyShownAt: (time) => `Hij is getoond op ${time}.`,
  caseNext:
    'IT krijgt een melding met wat u me hebt verteld en neemt contact met u op. U hoeft niet alles opnieuw uit te leggen.',
  caseWithoutKeyId: 'Noteer zo mogelijk de sleutel-id van het blauwe scherm: IT zal ernaar vragen.',
  caseStatusHint: 'Typ op elk moment "status" om uw aanvraag te bekijken.',

  offerIt: 'Sorry, ik begrijp het niet goed. Wilt u dat iemand van IT u helpt?',
  cancelled: (hadRequest) =>
    hadRequest
      ? 'OK, ik heb die aanvraag geannuleerd. Zeg gerust hallo als u opnieuw wilt beginnen.'
      : 'Er was niets om te annuleren. Zeg gerust hallo als u wilt beginnen.',

  statusTitle: 'Uw aanvraag',
  statusNowFact: 'Nu',
  statusLastFact: 'Laatste aanvraag',
  statusSteps: {
    idle: 'Er loopt niets.',
    awaitingKeyId: 'Wacht op uw sleutel-id.',
    confirmingKeyId: 'Wacht tot u de sleutel-id bevestigt.',
    awaitingAnswers: 'Wacht op wat er vlak daarvoor gebeurde.',
  },
  statusOutcomes: {
    none: 'Nog geen.',
    verification: 'Klaar voor de controle met een Microsoft-aanmelding.',
    released: 'Uw sleutel is in deze chat getoond.',
    case: 'Doorgegeven aan IT. IT krijgt een melding en neemt contact met u op.',
    cancelled: 'Geannuleerd.',
    guided: (guideTitle) => `Ik heb u "${guideTitle}" getoond.`,
  },

  expired: 'Welkom terug. Het is meer dan een dag geleden, dus we beginnen opnieuw.',
  missLimit:
    'Ik kan hier vandaag geen nieuwe aanvraag openen: die sleutel-id’s passen bij geen van je pc’s. Bel of bezoek de IT-helpdesk.',
  staleCard: 'Die knop hoort bij een eerdere aanvraag. Hier ziet u waar we nu staan.',
  preventionTips:
    'Tip voor de volgende keer: IT bewaart een back-up van de sleutel van uw werk-pc, en ik ben er in Teams wanneer u me nodig hebt. Sla bij een persoonlijke pc de sleutel op in uw Microsoft-account, of druk hem af en bewaar hem niet bij de pc. Bewaar een sleutel nooit in een chat, een e-mail of een foto.',

  release: {
    title: 'Uw herstelsleutel',
    deviceLabel: 'Pc',
    compareKeyId: 'Controleer eerst of de sleutel-id op uw blauwe scherm hetzelfde begint.',
    howToType:
      'Typ de 8 blokken met de cijfertoetsen boven aan het toetsenbord (werken die niet, dan staan F1–F10 voor 1–0). Na elk blok gaat het scherm verder, en een fout blok wordt gemarkeerd.',
    hidesIn: (minutes) =>
      `Voor uw veiligheid verberg ik deze sleutel over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}, of zodra u me laat weten dat het gelukt is.`,
    worked: 'Het is gelukt',
    didNotWork: 'Het werkte niet',
    oneBlockAtATime: 'Eén blok tegelijk tonen',
    allBlocks: 'Alle blokken tonen',
    nextBlock: 'Volgend blok',
    previousBlock: 'Vorig blok',
    blockOf: (index, count) => `Blok ${index} van ${count}`,
    fallback: 'Uw herstelsleutel staat in dit bericht. Open het in Microsoft Teams om hem te zien.',
    needMoreDigits: (matches) =>
      `Er zijn ${matches} sleutels op uw pc's die zo beginnen. Typ meer van de sleutel-id, minstens de eerste 12 tekens, dan kijk ik opnieuw.`,
    interrupted:
      'Ik werd onderbroken voordat je sleutel getoond kon worden, dus er is niets getoond. Typ "restart" om het opnieuw te proberen.',
    maybeShown:
      'Ik werd onderbroken terwijl ik je sleutel toonde. Zie je hem hierboven, dan kun je hem gebruiken: ik kan hem nu niet verbergen, en IT zorgt dat hij wordt vervangen.',
    troubleshooting:
      'Dat is vervelend. Controleer of de sleutel-id op het scherm overeenkomt met die op mijn kaart, en of elk blok zonder rode markering is ingevoerd. Lukt het nog steeds niet? Dan helpt IT u: ik heb het doorgegeven.',
  },
  signIn: {
    mismatch: (name) =>
      `Er is aangemeld als ${name || 'iemand anders'}, niet als u, dus ik kon die aanmelding niet gebruiken. Tik opnieuw op "Bevestig dat u het bent" en meld u aan met uw eigen werkaccount.`,
    failed:
      'Die aanmelding is niet gelukt of duurde te lang. Tik opnieuw op "Bevestig dat u het bent" voor een nieuwe link.',
    stale:
      'Die aanmelding hoort bij een eerdere aanvraag. Hebt u nog een sleutel nodig? Typ dan "opnieuw beginnen".',
  },
  signInPage: {
    closeThisPage: 'U kunt deze pagina sluiten.',
    goBack: (button) => `Ga terug naar Teams en tik opnieuw op “${button}”.`,
    verified: {
      title: 'Uw identiteit is bevestigd',
      body: 'Ga terug naar Teams: mijn antwoord staat in de chat, of komt zo.',
    },
    mismatch: {
      title: 'U bent aangemeld als iemand anders',
      body: (name) =>
        `U bent aangemeld als ${name || 'een ander account'}, niet als de persoon die het in Teams vroeg. Daarom ben ik gestopt en heb ik niets getoond.`,
      ownAccount: 'Meld u daarna aan met uw eigen werkaccount.',
    },
    trouble: { title: 'Er ging bij mij iets mis', body: 'Er is niets getoond.' },
    failures: {
      stateUnknownOrUsed: {
        title: 'Deze aanmeldlink is al gebruikt',
        body: 'Elke link werkt maar één keer.',
      },
      stateExpired: { title: 'Deze aanmeldlink is verlopen', body: 'Elke link werkt maar een paar minuten.' },
      tokenInvalid: { title: 'Ik kon uw aanmelding niet bevestigen', body: 'Er is niets getoond.' },
      authTooOld: {
        title: 'Uw aanmelding was niet recent genoeg',
        body: 'Ik heb een aanmelding van de laatste paar minuten nodig.',
      },
      missingAuthContext: {
        title: 'Uw organisatie vraagt om een sterkere aanmelding',
        body: 'Meld u opnieuw aan met de methode die uw organisatie vereist (bijvoorbeeld de Authenticator-app of een beveiligingssleutel).',
      },
      entraError: { title: 'De aanmelding is niet afgerond', body: 'Die is geannuleerd of geweigerd.' },
      wrongTenant: { title: 'Dat was niet uw werkaccount', body: 'Meld u aan met uw werkaccount.' },
    },
  },
  keyHidden: {
    title: 'Herstelsleutel verborgen',
    body: 'Ik heb de sleutel in deze chat verborgen. Hij is één keer getoond, dus IT zorgt ervoor dat hij door een nieuwe wordt vervangen.',
    askAgain: 'Nog steeds geen toegang? Typ "opnieuw beginnen", dan help ik u verder.',
  },

  releaseNotice: {
    subject: (deviceName) => `De BitLocker-herstelsleutel voor ${deviceName} is bekeken`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Beste ${requesterName},`,
      `De BitLocker-herstelsleutel voor uw apparaat ${deviceName} is op ${day} om ${time} UTC getoond in uw Microsoft Teams-chat met de BitLocker-herstelbot.`,
      `Sleutel-id: ${keyId}`,
      'Was u dit zelf? Dan hoeft u niets meer te doen. IT zorgt ervoor dat de sleutel door een nieuwe wordt vervangen.',
      'Was u dit niet? Neem dan nu telefonisch of persoonlijk contact op met uw IT-helpdesk of beveiligingsteam en vertel over dit bericht.',
      'Dit bericht is automatisch verzonden. Het bevat de sleutel niet, en IT vraagt u nooit om uw wachtwoord of een aanmeldingscode.',
    ],
  },

  groupChatRedirect:
    'Ik help alleen in een privéchat met BitLocker-herstel, zodat uw gegevens tussen ons blijven. Open een 1-op-1-chat met mij om te beginnen.',
  turnError: 'Sorry, er ging aan mijn kant iets mis. Probeer het zo opnieuw.',
  slowDown:
    'Dat zijn veel berichten tegelijk, dus ik pauzeer even. Wacht een minuut en stuur dan één bericht met wat je nodig hebt.',

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Verdachte BitLocker-herstelaanvraag: melding ${caseNumber} voor ${requesterName}${keyId ? ` (sleutel-id ${keyId})` : ''} is afgewezen door ${agentName}. Notitie: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} meldt dat iemand om de BitLocker-herstelsleutel heeft gevraagd (melding ${caseNumber}). Behandel dit als een mogelijke poging tot social engineering.`,
    probingAlert: (requesterName, misses) =>
      `Mogelijk uitproberen: ${requesterName} heeft vandaag ${misses} sleutel-id’s ingevoerd die bij geen van hun pc’s passen. Vandaag worden er voor deze persoon geen meldingen meer geopend. Neemt deze persoon contact op, controleer dan zorgvuldig wie het is.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} heeft de bot in een paar minuten meer dan ${dropped} berichten gestuurd; die zijn niet beantwoord. Het kan een vastgelopen client zijn of een poging de bot te overspoelen.`,
    keyFlowInterrupted: (caseNumber) =>
      `Het vrijgeven van de sleutel voor melding ${caseNumber} werd onderbroken voordat iemand hem zag. Druk opnieuw op de knop.`,
    keyFlowMaybeShown: (caseNumber) =>
      `Het vrijgeven van de sleutel voor melding ${caseNumber} werd onderbroken tijdens het versturen van de kaart: hij is mogelijk getoond en kan niet worden verborgen. De rotatie wordt zoals altijd gecontroleerd.`,
    sendKeyFlow: {
      signInNotice:
        'Meld u opnieuw aan om de sleutel te sturen. De sleutel gaat rechtstreeks naar de eigen chat van de aanvrager; u ziet hem zelf niet.',
      signInButton: 'Aanmelden en sleutel sturen',
      sent: (name) =>
        `De sleutel staat nu in de chat van ${name}. Na een paar minuten wordt hij vanzelf verborgen.`,
      severalKeys: (matches) =>
        `${matches} sleutels op de pc's van de aanvrager beginnen met die sleutel-id. Vraag de aanvrager om meer tekens en probeer het opnieuw.`,
      notReleased: (reason) =>
        `Er is geen sleutel gestuurd: ${helpdeskDenials[reason]} Er is niets gewijzigd aan de melding.`,
      signInFailed:
        'Die aanmelding kon niet worden gebruikt om de sleutel te sturen. Klik opnieuw op "Sleutel naar aanvrager sturen".',
    },
    showKeyFlow: {
      signInNotice:
        'Meld u opnieuw aan om de sleutel te zien. Hij komt in uw privéchat met mij, waar alleen u hem ziet.',
      signInButton: 'Aanmelden en sleutel tonen',
      shown: (name) =>
        `De sleutel is aan ${name} getoond in een privéchat met mij. Hij wordt vervangen zodra hij is gebruikt.`,
      privateChatFailed:
        'Ik kon geen privéchat met u openen, dus er is geen sleutel gelezen. Open in Teams een chat met mij en klik dan opnieuw op "Sleutel aan mij tonen".',
      notDelivered:
        'Ik kon de sleutel niet in uw privéchat zetten, dus niemand heeft hem gezien. Klik over een minuut opnieuw op "Sleutel aan mij tonen".',
      notShown: (reason) =>
        `Er is geen sleutel getoond: ${helpdeskDenials[reason]} Er is niets gewijzigd aan de melding.`,
      signInFailed:
        'Die aanmelding kon niet worden gebruikt om de sleutel te tonen. Klik opnieuw op "Sleutel aan mij tonen".',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Melding ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Melding ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Open: wacht op een behandelaar',
      claimed: 'Opgepakt: verifieer de aanvrager',
      verified: 'Geverifieerd: klaar om de sleutel te sturen',
      released: 'Sleutel vrijgegeven: afhandelen zodra de aanvrager weer toegang heeft',
      resolved: 'Afgehandeld',
      cancelled: 'Geannuleerd door de aanvrager',
      rejected: 'Afgewezen als verdacht',
      reopened: 'Heropend: wacht op een behandelaar',
    },
    reasons: {
      requesterAsked: 'Vroeg om een persoon',
      riskStop: 'Risicostop: apparaat was uit handen, gemanipuleerd, kwijt of gestolen',
      onPremisesDevice: 'On-premises domein-pc: sleutel staat in on-premises AD',
      notUnderstood: 'Kwam er via de chat niet uit',
      notReleasable:
        'Geen vrij te geven sleutel voor deze sleutel-id (geen match, niet het eigen apparaat of niet toegestaan)',
      rateLimited: 'Boven de limiet voor selfservice',
      directoryUnavailable: 'Microsoft Graph gaf geen antwoord',
      signInMismatch: 'Aangemeld met een ander account',
      keyDidNotWork: 'Sleutel vrijgegeven, maar werkte niet',
      rotationOverdue: 'Vrijgegeven sleutel niet binnen 24 uur geroteerd',
      notInSelfServiceGroup: 'Niet in de selfservicegroep',
      alreadyReleased: 'Sleutel al getoond voor deze aanvraag',
      repeatRecovery: 'Binnen een uur na vrijgave weer vergrendeld',
      deviceDisabled: 'Pc is uitgeschakeld in Entra ID',
      notAllowedByTenant: 'Tenant laat eigenaren hun sleutels niet lezen',
      suspiciousContact: 'Meldde dat iemand om de herstelsleutel vroeg',
    },
    requesterLabel: 'Aanvrager',
    reasonLabel: 'Waarom IT',
    ownerLabel: 'Behandelaar',
    nobodyYet: 'Nog niemand',
    verificationLabel: 'Verificatie',
    notVerifiedYet: 'Nog niet',
    verifiedBy: (method, agentName) => `${method}, door ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: 'Videogesprek met identiteitsbewijs',
      inPerson: 'Persoonlijk',
      managerConfirmation: 'Leidinggevende bevestigde in Teams',
    },
    devicesTitle: "Pc's van de aanvrager",
    noDevices: "Geen geregistreerde pc's gevonden voor deze persoon.",
    trustTypes: {
      AzureAd: 'Aan Entra gekoppeld',
      ServerAd: 'Hybride of aan domein gekoppeld',
      Workplace: 'Geregistreerd (persoonlijk)',
      unknown: 'Type koppeling onbekend',
    },
    lastSignIn: (when) => `laatst aangemeld op ${when}`,
    moreDevices: (count) => `en nog ${count}`,
    historyTitle: 'Geschiedenis',
    earlierHistory: (count) => `${count} ${count === 1 ? 'eerdere gebeurtenis' : 'eerdere gebeurtenissen'}`,
    events: {
      opened: () => 'Melding geopend',
      detailsAdded: () => "Pc's en gegevens opgezocht",
      posted: () => 'Geplaatst in dit kanaal',
      reminded: () => 'Nog steeds niet opgepakt: herinnering in het kanaal',
      claimed: (by) => `Opgepakt door ${by ?? 'een medewerker'}`,
      claimReleased: (by) => `${by ?? 'De behandelaar'} heeft de melding teruggegeven`,
      verificationRecorded: (by) => `Geverifieerd door ${by ?? 'een medewerker'}`,
      keySentToRequester: (by) =>
        `Sleutel naar de chat van de aanvrager gestuurd door ${by ?? 'een medewerker'}`,
      keyShownToAgent: (by) => `Sleutel getoond aan ${by ?? 'een medewerker'}`,
      resolved: (by) => `Afgehandeld door ${by ?? 'een medewerker'}`,
      rejectedAsSuspicious: (by) => `Afgewezen als verdacht door ${by ?? 'een medewerker'}`,
      reopened: (by) => `Heropend${by === undefined ? '' : ` door ${by}`}`,
      cancelled: () => 'Geannuleerd door de aanvrager',
      noteAdded: (by) => `Notitie van ${by ?? 'de aanvrager'}`,
    },
    textWithheld: '(achtergehouden: het leek op een herstelsleutel)',

    claim: 'Oppakken',
    releaseClaim: 'Teruggeven',
    recordVerificationTitle: 'Verificatie vastleggen',
    verificationMethodLabel: 'Hoe hebt u de aanvrager geverifieerd?',
    verificationMethodRequired: 'Kies hoe u de aanvrager hebt geverifieerd.',
    verificationNoteLabel: 'Notitie (optioneel)',
    verificationNotePlaceholder: 'bijv. pasje via video gecontroleerd, komt overeen met foto van HR',
    saveVerification: 'Verificatie opslaan',
    sendKey: 'Sleutel naar aanvrager sturen',
    sendKeyHint:
      'Met "Sleutel naar aanvrager sturen" meldt u zich opnieuw aan, waarna de sleutel in de eigen chat van de aanvrager komt. U ziet hem zelf niet.',
    resolve: 'Afhandelen',
    reopen: 'Heropenen',
    rejectOpen: 'Afwijzen als verdacht…',
    rejectWarning:
      'Hiermee sluit u de melding zonder sleutel, krijgt de aanvrager bericht en wordt beveiliging gewaarschuwd. Zeker weten?',
    rejectConfirm: 'Ja, afwijzen als verdacht',
    showKeyToMe: 'Sleutel aan mij tonen',
    closedHint: 'Deze melding is gesloten. Typ "queue" om open meldingen te zien.',

    advanced: {
      title: (caseNumber) => `Sleutel van melding ${caseNumber} tonen?`,
      lines: [
        'Alleen voor aanvragers die Teams niet kunnen gebruiken. U meldt zich opnieuw aan en daarna komt de sleutel in uw privéchat met mij. Alleen u ziet hem, en dit wordt vastgelegd voor audit.',
        'Lees hem voor aan de geverifieerde aanvrager, nooit per e-mail of chat. De sleutel wordt daarna geroteerd.',
      ],
      reasonLabel: 'Waarom moet u hem zien?',
      reasonPlaceholder: 'bijv. aanvrager heeft geen telefoon, zit met mij in een videogesprek',
      reasonRequired: 'Typ waarom u de sleutel moet zien.',
      reveal: 'Sleutel tonen',
      back: 'Terug naar de melding',
    },
    revealed: {
      title: (caseNumber) => `Herstelsleutel voor melding ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Alleen u ziet dit. Lees hem alleen voor aan ${requesterName}, één blok tegelijk, en schrijf hem nooit op.`,
      hidesIn: (minutes) =>
        `Wordt over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} weer verborgen, of zodra u op "Sleutel verbergen" tikt.`,
      hide: 'Sleutel verbergen',
      hiddenTitle: (caseNumber) => `Herstelsleutel voor melding ${caseNumber}: verborgen`,
      hiddenBody:
        'Hij is één keer getoond en wordt dus door een nieuwe vervangen. Handel de melding af zodra de aanvrager weer toegang heeft.',
      fallback: (caseNumber) =>
        `De herstelsleutel voor melding ${caseNumber}. Open dit bericht in Microsoft Teams om hem te zien.`,
    },

    requester: {
      title: (caseNumber) => `Uw IT-aanvraag ${caseNumber}`,
      caseNumberLabel: 'Aanvraagnummer',
      updates: {
        opened: () => 'Ik heb uw aanvraag doorgegeven aan de IT-helpdesk.',
        claimed: (agent) => `${agent ?? 'Iemand van IT'} behandelt nu uw aanvraag.`,
        claimReleased: () =>
          'Uw aanvraag staat weer in de wachtrij van de helpdesk, voor de eerstvolgende die tijd heeft.',
        verified: () => 'IT heeft bevestigd dat u het bent.',
        keySent: () => 'IT heeft uw herstelsleutel naar deze chat gestuurd.',
        noteAdded: () => 'Ik heb uw notitie aan de aanvraag toegevoegd.',
        resolved: () => 'IT heeft uw aanvraag als afgerond gesloten.',
        rejected: () => 'IT kon deze aanvraag niet via de chat afronden.',
        cancelled: () => 'U hebt deze aanvraag geannuleerd.',
      },
      next: {
        opened:
          'Iemand van IT neemt in Teams contact met u op om te controleren of u het bent. IT vraagt nooit om uw wachtwoord of een MFA-code.',
        claimed:
          'Die persoon neemt in Teams contact met u op om te controleren of u het bent. IT vraagt nooit om uw wachtwoord of een MFA-code.',
        claimReleased: 'U hoeft niets te doen: de volgende die uw aanvraag oppakt, neemt contact met u op.',
        verified: 'Uw sleutel komt zo in deze chat.',
        keySent: 'Zoek in deze chat de kaart met uw sleutel. Na een paar minuten wordt hij weer verborgen.',
        noteAdded: 'Degene die uw aanvraag behandelt, ziet de notitie.',
        resolved: 'Nog steeds geen toegang? Typ "praten met IT", dan open ik een nieuwe aanvraag.',
        rejected: 'Neem persoonlijk of telefonisch contact op met uw IT-helpdesk.',
        cancelled: 'Zeg gerust hallo als u opnieuw wilt beginnen.',
      },
      addNote: 'Notitie toevoegen',
      noteLabel: 'Notitie voor IT',
      notePlaceholder: 'bijv. wanneer ik het best bereikbaar ben. Nooit uw sleutel of wachtwoord.',
      noteRequired: 'Typ uw notitie.',
      sendNote: 'Notitie verzenden',
      cancelRequest: 'Aanvraag annuleren',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `Melding ${caseNumber} voor ${requesterName} wacht al ${minutesWaiting} ${minutesWaiting === 1 ? 'minuut' : 'minuten'} en is nog door niemand opgepakt.`,

    queueTitle: (count) => `Open meldingen (${count})`,
    queueEmpty: 'Er zijn nu geen open meldingen.',
    queueLine: (caseNumber, requesterName, status) => `Melding ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `wacht ${minutes} min`,
    moreCases: (count) => `en nog ${count}`,
    queueHint: 'Typ "case" en een nummer om een melding te bekijken, bijvoorbeeld "case 12".',

    statsTitle: (day) => `Vandaag (${day})`,
    statsRequests: 'Aanvragen',
    statsSelfServed: 'Zelf opgelost',
    statsEscalated: 'Doorgezet naar IT',
    statsMedianToKey: 'Mediane tijd tot sleutel',
    minutes: (count) => `${count} min`,
    noneYet: 'Nog geen',
    topReasonsTitle: 'Meest voorkomende oorzaken',
    noReasons: 'Vandaag nog geen antwoorden vastgelegd.',
    rootCauses: {
      firmwareUpdate: 'BIOS- of firmware-update',
      windowsUpdate: 'Windows-update',
      hardwareChange: 'Reparatie of nieuwe hardware',
      dockOrPeripheral: 'Dock, scherm of USB-apparaat',
      wrongPin: 'Te vaak verkeerde pincode',
      nothingUnusual: 'Niets bijzonders',
      outOfMyHands: 'Uit handen, kwijt of gestolen',
    },

    auditTitle: (subject) => `Laatste auditgebeurtenissen voor ${subject}`,
    auditEmpty: (subject) => `Geen auditgebeurtenissen voor ${subject}.`,
    auditDecisions: {
      released: 'Sleutel vrijgegeven',
      denied: 'Geweigerd',
      escalated: 'Doorgezet naar IT',
      signInMismatch: 'Aangemeld met ander account',
      signInFailed: 'Aanmelden mislukt',
      rateLimited: 'Limiet bereikt',
      keyCardHidden: 'Sleutelkaart verborgen',
      rotationRequested: 'Rotatie aangevraagd',
      rotationConfirmed: 'Rotatie bevestigd',
      rotationOverdue: 'Rotatie te laat',
      caseChanged: 'Melding gewijzigd',
    },
    auditBy: (actor) => `door ${actor}`,
    moreAudit: (count) => `${count} oudere niet getoond`,

    commandsUsage:
      'Helpdeskopdrachten: "queue" (open zaken, oudste eerst), "case 12", "stats" (vandaag) en "audit" met de UPN of object-id van een persoon, de Entra-deviceId van een apparaat of een sleutel-id (minstens de eerste 8 tekens).',
    refusals: {
      notHelpdeskMember: 'Sorry, dat is alleen voor het IT-helpdeskteam. Er is niets gewijzigd.',
      notRequester: 'Alleen degene die om hulp vroeg, kan dat doen.',
      ownCase: 'Dit is uw eigen melding, dus een andere medewerker moet die oppakken.',
      caseClosed: (status) => `Deze melding is al gesloten (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} behandelt deze melding. Vraag het aan die persoon, of pak de melding op zodra die is teruggegeven.`,
      alreadyOwner: 'U behandelt deze melding al.',
      notClaimed: 'Pak de melding eerst op.',
      verificationRequired:
        'Leg eerst vast hoe u de aanvrager hebt geverifieerd. Daarna kunt u de sleutel sturen.',
      advancedRoleRequired:
        '"Sleutel aan mij tonen" is alleen voor medewerkers met de geavanceerde helpdeskrol. Er is niets getoond.',
      alreadyReleased: 'De sleutel is voor deze melding al gestuurd.',
      notClosed: 'Alleen een afgehandelde of afgewezen melding kan worden heropend.',
      unknownMethod: 'Kies hoe u de aanvrager hebt geverifieerd.',
      textRequired: { note: 'Typ eerst een notitie.', reason: 'Typ waarom u de sleutel moet zien.' },
      textTooLong: (field, max) =>
        `Die ${field === 'note' ? 'notitie' : 'reden'} is te lang. Houd het korter dan ${max} tekens.`,
      recoveryPasswordInText:
        'Dat leek op een herstelsleutel, dus ik heb het niet bewaard. Typ nooit een sleutel in Teams.',
      changed: 'Deze melding is gewijzigd terwijl u keek. Dit is de huidige stand: probeer het opnieuw.',
      outOfDate:
        'Die kaart is verouderd, dus er is niets gewijzigd. Gebruik het nieuwste bericht over uw aanvraag.',
      caseNotFound: (caseNumber) => `Melding ${caseNumber} bestaat niet.`,
      unreadableAction:
        'Die knop stuurde iets wat ik niet kon lezen. Vernieuw de kaart en probeer het opnieuw.',
      membershipUnknown:
        'Ik kon je helpdesklidmaatschap niet controleren: de directory reageert niet. Er is niets gewijzigd. Probeer het over een minuut opnieuw.',
      keyReleaseOff:
        'Sleutelvrijgave is niet ingesteld voor deze bot, dus de helpdesk kan geen sleutels sturen of tonen. Handel de melding af zodra de aanvrager weer toegang heeft.',
    },
  },
};
