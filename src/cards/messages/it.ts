/** Italian (it). Register: the informal "tu" that Microsoft uses in Windows and Teams in Italian. */
import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    "nessuno dei PC del richiedente ha una chiave con quell'ID chiave. Verifica insieme al richiedente l'ID chiave sulla sua schermata.",
  notAllowedByTenant:
    'Entra ID non consente a questo accesso di leggere le chiavi BitLocker. Può farlo un operatore con un ruolo che legge le chiavi (ad esempio Helpdesk Administrator).',
  notInSelfServiceGroup: 'il richiedente non è autorizzato a ricevere chiavi.',
  rateLimited: 'questa persona ha ricevuto troppe chiavi nelle ultime 24 ore. Controlla il PC di persona.',
  deviceRateLimited: 'questo PC ha ricevuto troppe chiavi nelle ultime 24 ore. Controllalo di persona.',
  riskStop: 'la richiesta è stata bloccata perché rischiosa.',
  deviceDisabled: 'il PC è disattivato in Entra ID. Verifica il motivo prima di sbloccarlo.',
  repeatRecovery:
    "questo PC è stato sbloccato con una chiave meno di un'ora fa. Qualcosa continua a bloccarlo: controllalo di persona.",
  directoryUnavailable: 'Microsoft Graph non ha risposto. Riprova tra qualche minuto.',
  alreadyReleased: 'questa chiave è già stata fornita per questo caso.',
};

const minuti = (count: number): string => (count === 1 ? 'minuto' : 'minuti');

export const it: Messages = {
  welcomeTitle: 'Ripristino di BitLocker',
  welcomeBody:
    "Il PC è bloccato sulla schermata blu di BitLocker? Posso aiutarti a trovare la chiave di ripristino giusta per il tuo PC aziendale, oppure farti aiutare dall'IT.",
  neverAskForPassword: 'Non ti chiederò mai la password o un codice MFA.',
  welcomeKeyIdLabel: 'ID chiave (dalla schermata blu)',
  send: 'Invia',
  welcomeOrTellMe: 'Oppure raccontami cosa succede, con parole tue.',
  greetAgain:
    "Ciao di nuovo! Se il PC mostra la schermata di BitLocker, scrivi l'ID chiave che vedi (ad esempio 4290B6C0) oppure raccontami cosa succede.",
  acknowledged: "OK. Quando vuoi, scrivi l'ID chiave dalla schermata blu oppure raccontami cosa succede.",
  startRecovery: 'Il mio PC mostra la schermata di BitLocker',
  startWhereKeyId: "Dove trovo l'ID chiave?",
  startTalkToIt: "Parla con l'IT",
  startOver: 'Ricomincia',

  helpTitle: 'Cosa posso fare',
  helpIntro: 'Scrivimi con parole tue. In qualsiasi momento funzionano anche questi comandi:',
  helpCommands: [
    { command: 'aiuto', description: 'mostra questo elenco' },
    { command: 'ricomincia', description: "riparti dall'inizio" },
    { command: 'annulla', description: 'interrompi la richiesta in corso' },
    { command: 'stato', description: 'vedi la tua richiesta aperta' },
    { command: "parla con l'IT", description: "chiedi aiuto all'helpdesk" },
  ],

  keyIdHelpTitle: "Come trovare l'ID chiave",
  keyIdHelpSteps: [
    'Guarda la schermata blu di ripristino di BitLocker sul PC bloccato.',
    'In basso, cerca "ID chiave di ripristino" (sulle schermate meno recenti "ID chiave"). Subito dopo ci sono lettere e numeri.',
    'Scrivi i primi 8 caratteri qui sotto o nella chat, ad esempio 4290B6C0. Puoi scriverne anche di più.',
  ],
  keyIdHelpNotes: [
    "Windows 11 può mostrare anche un suggerimento sull'account Microsoft. In quel caso la chiave è probabilmente salvata in quell'account personale.",
    'Premendo Alt compare un codice di errore, ad esempio E_FVE_DEVICE_LOCKEDOUT. Utile da annotare, ma non necessario.',
  ],

  keyIdLabel: 'ID chiave',
  requestNumberLabel: 'Numero richiesta',
  askKeyIdTitle: "Qual è l'ID chiave?",
  askKeyIdWhere:
    'Si trova in basso nella schermata blu, dopo "ID chiave di ripristino". Bastano i primi 8 caratteri.',
  askKeyIdOrType: 'Puoi anche scriverlo direttamente nella chat.',
  notedTitle: 'Finora',
  keyIdPlaceholder: 'ad es. 4290B6C0',
  keyIdRequired: "Scrivi l'ID chiave che vedi sulla schermata blu.",
  whereIsIt: 'Dove si trova?',

  keyIdTooShort: (digits) =>
    `Ho ricevuto ${digits} ${digits === 1 ? 'carattere' : 'caratteri'}. L'ID chiave ne ha almeno 8: scrivi i primi 8 dalla schermata blu.`,
  notAKeyId:
    'Questo non sembra un ID chiave. Contiene solo 0-9 e A-F, ad esempio 4290B6C0, e compare dopo "ID chiave di ripristino" sulla schermata blu.',
  twoKeyIds: 'Vedo più di un ID chiave. Invia solo quello che compare sulla tua schermata blu.',
  passwordPastedTitle: 'Questa tienila per te',
  passwordPastedLines: [
    'Sembrava una chiave di ripristino (48 cifre).',
    "Non incollarla mai in nessuna chat, né qui né altrove. Non l'ho conservata.",
    "Se l'hai scritta per errore, elimina quel messaggio.",
    'Mi serve solo l\'ID chiave: il codice breve dopo "ID chiave di ripristino" sulla schermata blu.',
  ],

  confirmKeyIdQuestion: (keyId) => `Intendevi ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `Ho interpretato ${corrections.join(', ')}, perché gli ID chiave usano solo 0-9 e A-F.`,
  confirmKeyIdYes: 'Sì',
  confirmKeyIdNo: 'No, lo riscrivo',

  answersTitle: 'Cosa è successo subito prima della schermata blu?',
  rootCauseButtons: {
    firmwareUpdate: 'Aggiornamento BIOS o firmware',
    windowsUpdate: 'Aggiornamento di Windows',
    hardwareChange: 'Riparazione o nuovo hardware',
    dockOrPeripheral: 'Nuovo dock, monitor o dispositivo USB',
    wrongPin: 'PIN sbagliato troppe volte',
    nothingUnusual: 'Niente di insolito',
    outOfMyHands: 'Perso, rubato o fuori dal mio controllo',
  },
  assumedWorkPc: 'Presumo che sia il tuo PC aziendale.',
  notWorkPc: 'Non è un PC aziendale?',
  deviceKindButtons: {
    personalPc: 'Il mio PC personale',
    secondHand: 'Un PC usato',
    oldDomainPc: 'Un vecchio PC nel dominio aziendale',
  },
  errorCodeHint:
    "C'è un codice di errore sulla schermata (premi Alt), ad esempio E_FVE_DEVICE_LOCKEDOUT? Se vuoi, scrivilo qui.",
  rootCauseChoices: {
    firmwareUpdate: 'Un aggiornamento BIOS o firmware',
    windowsUpdate: 'Un aggiornamento di Windows',
    hardwareChange: 'Una riparazione o hardware nuovo',
    dockOrPeripheral: 'Un nuovo dock, monitor o dispositivo USB',
    wrongPin: 'Un PIN sbagliato, troppe volte',
    nothingUnusual: 'Niente di insolito',
    outOfMyHands:
      'Il PC è stato fuori dal mio controllo, potrebbe essere stato manomesso, oppure è stato perso o rubato',
  },
  deviceKindChoices: {
    workPc: 'Il mio PC aziendale',
    personalPc: 'Il mio PC personale',
    secondHand: 'Un PC usato',
    oldDomainPc: 'Un vecchio PC aggiunto al dominio aziendale',
    notSure: 'Non lo so',
  },
  whyDidThisHappen: 'Perché è successo?',

  verifyTitle: 'Grazie, è tutto quello che mi serve',
  verifyAgainTitle: 'Ci siamo quasi: conferma la tua identità',
  rootCauseFact: 'Cosa è successo',
  deviceKindFact: 'PC',
  errorCodeFact: 'Codice di errore',
  verifyNext:
    'Ora un rapido accesso Microsoft conferma che sei tu. Qui in chat non ti chiederò mai la password.',
  verifyButton: 'Conferma la tua identità',
  verifyNotSwitchedOn:
    "L'accesso self-service qui non è ancora attivo, quindi per questa richiesta ti aiuterà una persona dell'IT.",

  guides: {
    personalAccount: {
      title: 'La chiave è probabilmente in un account Microsoft',
      intro:
        "Di solito i PC personali salvano la chiave nell'account Microsoft usato per configurarli. Dal telefono o da un altro dispositivo:",
      points: [
        'Apri aka.ms/myrecoverykey.',
        "Accedi con l'account Microsoft usato sul PC bloccato. Le schermate blu più recenti ne mostrano un suggerimento.",
        "Trova la chiave con l'ID chiave uguale a quello sulla tua schermata.",
        'Digita le sue 48 cifre sul PC bloccato.',
      ],
      closing: [
        "Non c'è? Prova con gli altri tuoi account Microsoft e, se il PC è condiviso, con quelli dei familiari.",
        'Tieni la chiave per te: non incollarla mai in una chat.',
      ],
    },
    secondHand: {
      title: 'Un PC usato',
      intro:
        'La chiave di ripristino di questo PC può averla solo chi ha attivato BitLocker: il proprietario precedente o il venditore.',
      points: [
        "Chiedi loro di cercarla su aka.ms/myrecoverykey, con l'ID chiave che vedi sulla tua schermata.",
        'Non pagare servizi di "recupero" online: senza la chiave nessuno può sbloccare i dati.',
        'Questo PC te l\'ha dato l\'IT, magari era di un collega? Allora conta come PC aziendale: tocca "Ricomincia" e troverò la sua chiave.',
      ],
      closing: [
        'Se la chiave non si trova, il PC si può reimpostare e usare di nuovo, ma i file che contiene verranno cancellati.',
      ],
    },
    noKeyAnywhere: {
      title: 'Nessuna copia della chiave?',
      intro:
        "Per un PC aziendale non ti serve una copia tua: la chiave la conserva l'IT e posso trovarla io per te. Per un PC personale, cerca:",
      points: [
        'Una stampa: documenti cartacei, cassetti, la scatola del PC.',
        'Una chiavetta USB.',
        'Un file con un nome come "Chiave di ripristino BitLocker" (o "BitLocker Recovery Key") seguito dall\'ID chiave, con estensione .txt, su un altro PC, un\'unità o uno spazio di archiviazione cloud.',
        "Un'email che hai mandato al tuo indirizzo.",
        'Il tuo gestore di password.',
        "L'account Microsoft usato sul PC: aka.ms/myrecoverykey.",
      ],
      closing: [
        "La verità è che una chiave di ripristino persa non si può ricreare, né dall'IT né da Microsoft.",
        "Se non trovi nessuna copia, l'ultima soluzione è reimpostare il PC. Dopo funziona di nuovo, ma i file che contiene vengono cancellati. I file in OneDrive o in un altro backup restano al sicuro.",
      ],
    },
    whyThisHappened: {
      title: 'Perché BitLocker chiede la chiave',
      intro:
        'BitLocker protegge i tuoi file. Quando cambia qualcosa nel modo in cui il PC si avvia, chiede la chiave per essere sicuro che il PC sia ancora nelle mani giuste. Cause comuni:',
      points: [
        "Un aggiornamento BIOS o firmware, o una modifica all'impostazione Avvio protetto.",
        'Una riparazione o hardware nuovo, ad esempio una nuova scheda madre o un nuovo chip di sicurezza (TPM).',
        'Un aggiornamento importante di Windows o una reinstallazione.',
        'Un PIN sbagliato, inserito troppe volte.',
        "Un dock o un dispositivo USB collegato all'accensione, che cambia il modo in cui il PC si avvia.",
        'Ogni tanto, qualcuno che cerca di entrare nel PC.',
      ],
      closing: ['Non è colpa tua. Con la chiave giusta il PC si sblocca come al solito.'],
    },
    ownCopy: {
      title: 'Usare la tua copia',
      intro: 'Bene: anche la tua copia funziona, se è quella giusta.',
      points: [
        "Controlla che l'ID chiave indicato insieme alla chiave inizi come quello sulla schermata blu.",
        'Digita le 48 cifre con i tasti numerici nella fila in alto della tastiera. Se non funzionano, F1–F10 corrispondono a 1–0.',
        'Se un blocco di 6 cifre è sbagliato, viene segnalato: riscrivi solo quel blocco.',
      ],
      closing: [
        'L\'ID chiave non è lo stesso, o la chiave non viene accettata? Per un PC aziendale posso trovare io la chiave giusta: tocca "Trova la mia chiave".',
        'Dopo, tieni la copia lontana dal PC e non incollarla mai in una chat.',
      ],
    },
    keyRejected: {
      title: 'Se la chiave non viene accettata',
      intro: 'Controlla questi punti, uno alla volta:',
      points: [
        "L'ID chiave sulla schermata blu deve iniziare come l'ID chiave della chiave che digiti. Se non è così, è un'altra chiave.",
        'Digita con i tasti numerici nella fila in alto della tastiera. Se non compare niente, F1–F10 corrispondono a 1–0.',
        'Un blocco che diventa rosso contiene una cifra sbagliata: riscrivi solo quel blocco.',
        "Alcuni PC hanno più di una chiave: prova l'altra indicata per quel PC.",
      ],
      closing: ['Il PC è ancora bloccato? L\'IT può aiutarti: tocca "Parla con l\'IT".'],
    },
    prevention: {
      title: 'Come evitare il prossimo blocco',
      intro: 'Qualche abitudine rende tutto più semplice la prossima volta:',
      points: [
        "La chiave del tuo PC aziendale la conserva l'IT, e io sono qui in Teams quando ti serve.",
        "Hai in programma un aggiornamento del BIOS o una riparazione? Avvisa prima l'IT: può sospendere BitLocker per l'occasione.",
        'Per un PC personale, salva la chiave nel tuo account Microsoft (aka.ms/myrecoverykey), oppure stampala e conservala lontano dal PC.',
        'Tieni i file in OneDrive o in un altro backup, così una chiave persa non significherà mai lavoro perso.',
      ],
      closing: ["Non conservare mai una chiave in una chat, in un'email o in una foto."],
    },
    security: {
      title: 'Tieni la chiave per te',
      intro: "Una chiave di ripristino sblocca tutto quello che c'è sul tuo PC. Quindi:",
      points: [
        "Non darla mai a chi ti chiama o ti scrive per email o messaggio, anche se dice di essere dell'IT o di Microsoft. L'IT non te la chiede mai.",
        'Non leggerla mai al telefono, non inviarla per email e non pubblicarla in una chat, nemmeno a un collega o al tuo responsabile.',
        'Digitala solo sulla schermata blu del tuo PC.',
        "Qualcuno te l'ha chiesta? È un segnale d'allarme: avvisa la sicurezza IT.",
      ],
      closing: ["L'hai già data a qualcuno? Avvisa subito la sicurezza IT: la chiave verrà sostituita."],
    },
  },
  openMyRecoveryKey: 'Apri aka.ms/myrecoverykey',
  cantFindItThere: 'Lì non la trovo',
  findMyKey: 'Trova la mia chiave',
  reportToSecurity: 'Segnala alla sicurezza IT',

  didYouMean: 'Intendevi…?',
  outOfScopeTitle: 'Posso aiutarti solo con BitLocker',
  outOfScopeBody:
    "Ti aiuto quando un PC si ferma sulla schermata blu di ripristino di BitLocker. Per tutto il resto, contatta l'IT come fai di solito.",
  intentLabels: {
    recoveryScreen: 'Il mio PC mostra la schermata di BitLocker',
    whereKeyId: "Dove trovo l'ID chiave?",
    whyHappened: 'Perché è successo?',
    personalPc: 'È un PC personale',
    secondHand: 'È un PC usato',
    ownCopy: 'Ho una mia copia della chiave',
    noKeyAnywhere: 'Non trovo la chiave da nessuna parte',
    keyDidNotWork: 'La chiave non ha funzionato',
    itWorked: 'Ha funzionato',
    talkToIt: "Parla con l'IT",
    status: 'Stato della mia richiesta',
    cancel: 'Annulla la mia richiesta',
    restart: 'Ricomincia',
    help: 'Cosa sai fare?',
    prevention: 'Come evitarlo la prossima volta',
    security: 'Qualcuno mi ha chiesto la chiave',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? 'Ottimo, hai di nuovo accesso al PC. In questa chat la chiave ora è nascosta.'
      : 'Mi fa piacere. Sono qui quando ti serve.',

  riskStopTitle: 'Procediamo in sicurezza',
  riskStopLines: [
    "Poiché il PC potrebbe essere stato fuori dal tuo controllo, l'IT lo verificherà con te di persona.",
    'Per la tua sicurezza, in questo caso nessuna chiave viene mostrata in chat.',
    "Ho chiesto aiuto all'IT, che riceverà una notifica e ti contatterà; se il PC è stato perso o rubato, diglielo in quel momento.",
  ],

  caseRequestedTitle: "Ho chiesto aiuto all'IT",
  caseReasons: {
    requesterAsked: 'Hai chiesto di parlare con una persona, quindi ho inoltrato la richiesta.',
    riskStop:
      "Poiché il PC potrebbe essere stato fuori dal tuo controllo, l'IT lo verificherà con te di persona.",
    onPremisesDevice:
      "La chiave di un vecchio PC nel dominio aziendale è conservata sui server dell'azienda, quindi la cercherà l'IT per te.",
    notUnderstood: 'Qui in chat non riesco a risolvere, quindi ho passato la richiesta a una persona.',
    notReleasable:
      "Da qui non posso fornire una chiave per quell'ID chiave. Succede quando la chiave non è su un PC registrato a tuo nome, oppure quando il self-service non è consentito.",
    rateLimited:
      "Hai raggiunto il numero massimo di chiavi che posso mostrare in un giorno, quindi ti aiuterà una persona dell'IT.",
    directoryUnavailable:
      'La directory di Microsoft al momento non risponde, quindi ho passato la richiesta a una persona invece di farti aspettare.',
    signInMismatch:
      "L'accesso è stato fatto con un account diverso da quello che usi in Teams, quindi non ho potuto usarlo.",
    keyDidNotWork: "La chiave non ha funzionato, quindi una persona dell'IT la controllerà con te.",
    rotationOverdue: "La chiave mostrata non è ancora stata sostituita, quindi se ne occuperà l'IT.",
    notInSelfServiceGroup:
      "Per il tuo account non è attivo il recupero autonomo delle chiavi, quindi una persona dell'IT ti farà avere la chiave.",
    alreadyReleased:
      "La chiave di questo PC ti è già stata mostrata, quindi qui non la mostro di nuovo. Se non ha funzionato, ti aiuterà l'IT.",
    repeatRecovery:
      "La chiave di questo PC è stata mostrata meno di un'ora fa e il PC è di nuovo bloccato, quindi l'IT verificherà il motivo.",
    deviceDisabled: "Questo PC è disattivato nella directory aziendale, quindi l'IT deve prima verificarlo.",
    notAllowedByTenant:
      "La tua organizzazione non consente di leggere autonomamente le proprie chiavi, quindi una persona dell'IT ti farà avere la chiave.",
    suspiciousContact:
      "Grazie della segnalazione. Ho avvisato l'IT e qualcuno ti contatterà. Nel frattempo, tieni la chiave per te.",
  },
  keyShownAt: (time) => `Chiave mostrata: ${time}.`,
  caseNext:
    "L'IT riceverà una notifica con quello che mi hai detto e ti contatterà. Non serve rispiegare tutto.",
  caseWithoutKeyId: "Se puoi, annota l'ID chiave dalla schermata blu: l'IT te lo chiederà.",
  caseStatusHint: 'Scrivi "stato" in qualsiasi momento per vedere la tua richiesta.',

  offerIt: "Scusa, non riesco a capire bene. Vuoi che ti aiuti una persona dell'IT?",
  cancelled: (hadRequest) =>
    hadRequest
      ? 'OK, ho annullato la richiesta. Scrivi "ciao" quando vuoi ricominciare.'
      : 'Non c\'era niente da annullare. Scrivi "ciao" quando vuoi iniziare.',

  statusTitle: 'La tua richiesta',
  statusNowFact: 'Ora',
  statusLastFact: 'Ultima richiesta',
  statusSteps: {
    idle: 'Niente in corso.',
    awaitingKeyId: 'In attesa del tuo ID chiave.',
    confirmingKeyId: "In attesa che tu confermi l'ID chiave.",
    awaitingAnswers: 'In attesa di sapere cosa è successo subito prima.',
  },
  statusOutcomes: {
    none: 'Ancora nessuna.',
    verification: "Pronta per la verifica con l'accesso Microsoft.",
    released: 'La tua chiave è stata mostrata in questa chat.',
    case: "Passata all'IT, che riceverà una notifica e ti contatterà.",
    cancelled: 'Annullata.',
    guided: (guideTitle) => `Ti ho mostrato "${guideTitle}".`,
  },

  expired: 'Ciao di nuovo. È passato più di un giorno, quindi ricominciamo da capo.',
  missLimit:
    "Oggi non posso aprire qui un'altra richiesta: quegli ID chiave non corrispondono a nessuno dei tuoi PC. Chiama o passa dall'helpdesk IT.",
  staleCard: 'Quel pulsante appartiene a una richiesta precedente. Ecco a che punto siamo ora.',
  preventionTips:
    "Un consiglio per la prossima volta: la chiave del tuo PC aziendale è salvata dall'IT, e io sono qui in Teams quando ti serve. Per un PC personale, salva la chiave nel tuo account Microsoft oppure stampala e conservala lontano dal PC. Non conservare mai una chiave in una chat, in un'email o in una foto.",

  release: {
    title: 'La tua chiave di ripristino',
    deviceLabel: 'PC',
    compareKeyId: "Prima controlla che l'ID chiave sulla schermata blu inizi allo stesso modo.",
    howToType:
      'Digita gli 8 blocchi con i tasti numerici nella fila in alto della tastiera (se non funzionano, F1–F10 corrispondono a 1–0). Dopo ogni blocco la schermata passa al successivo e segnala un blocco sbagliato.',
    hidesIn: (minutes) =>
      `Per la tua sicurezza nasconderò questa chiave tra ${minutes} ${minuti(minutes)}, o appena mi dici che ha funzionato.`,
    worked: 'Ha funzionato',
    didNotWork: 'Non ha funzionato',
    oneBlockAtATime: 'Mostra un blocco alla volta',
    allBlocks: 'Mostra tutti i blocchi',
    nextBlock: 'Blocco successivo',
    previousBlock: 'Blocco precedente',
    blockOf: (index, count) => `Blocco ${index} di ${count}`,
    fallback: 'La tua chiave di ripristino è in questo messaggio. Aprilo in Microsoft Teams per vederla.',
    needMoreDigits: (matches) =>
      `Sui tuoi PC ci sono più chiavi che iniziano così (${matches}). Scrivi una parte più lunga dell'ID chiave, almeno i primi 12 caratteri, e controllo di nuovo.`,
    interrupted:
      'Qualcosa mi ha interrotto prima che potessi mostrare la tua chiave, quindi non è stato mostrato nulla. Scrivi "restart" per riprovare.',
    maybeShown:
      "Qualcosa mi ha interrotto mentre mostravo la tua chiave. Se la vedi qui sopra, puoi usarla: ora non posso nasconderla, e l'IT si assicurerà che venga sostituita.",
    troubleshooting:
      "Mi dispiace. Controlla che l'ID chiave sulla schermata corrisponda a quello sulla mia scheda e che nessun blocco sia segnato in rosso. Se continua a non funzionare, ti aiuterà l'IT: ho già inoltrato la richiesta.",
  },
  signIn: {
    mismatch: (name) =>
      `Quell'accesso è stato fatto come ${name || 'un altro account'}, non come te, quindi non ho potuto usarlo. Tocca di nuovo "Conferma la tua identità" e accedi con il tuo account aziendale.`,
    failed:
      'L\'accesso non è riuscito o ha richiesto troppo tempo. Tocca di nuovo "Conferma la tua identità" per ricevere un nuovo link.',
    stale:
      'Quell\'accesso appartiene a una richiesta precedente. Se ti serve ancora una chiave, scrivi "ricomincia".',
  },
  signInPage: {
    closeThisPage: 'Puoi chiudere questa pagina.',
    goBack: (button) => `Torna in Teams e tocca di nuovo “${button}”.`,
    verified: {
      title: 'Identità confermata',
      body: 'Torna in Teams: la mia risposta è nella chat, o arriverà tra un momento.',
    },
    mismatch: {
      title: 'Hai effettuato l’accesso con un altro account',
      body: (name) =>
        `Hai effettuato l’accesso come ${name || 'un altro account'}, non come la persona che ha chiesto in Teams, quindi mi sono fermato senza mostrare nulla.`,
      ownAccount: 'Poi accedi con il tuo account aziendale.',
    },
    trouble: { title: 'Qualcosa è andato storto da parte mia', body: 'Non è stato mostrato nulla.' },
    failures: {
      stateUnknownOrUsed: {
        title: 'Questo link di accesso è già stato usato',
        body: 'Ogni link funziona una sola volta.',
      },
      stateExpired: { title: 'Questo link di accesso è scaduto', body: 'Ogni link vale solo pochi minuti.' },
      tokenInvalid: {
        title: 'Non sono riuscito a confermare il tuo accesso',
        body: 'Non è stato mostrato nulla.',
      },
      authTooOld: {
        title: 'Il tuo accesso non era abbastanza recente',
        body: 'Mi serve un accesso degli ultimi minuti.',
      },
      missingAuthContext: {
        title: 'La tua organizzazione richiede un accesso più sicuro',
        body: "Accedi di nuovo con il metodo richiesto dalla tua organizzazione (ad esempio l'app Authenticator o una chiave di sicurezza).",
      },
      entraError: { title: "L'accesso non è stato completato", body: 'È stato annullato o rifiutato.' },
      wrongTenant: {
        title: 'Non era il tuo account aziendale',
        body: 'Accedi con il tuo account aziendale.',
      },
    },
  },
  keyHidden: {
    title: 'Chiave di ripristino nascosta',
    body: "In questa chat la chiave ora è nascosta. È stata mostrata una volta, quindi l'IT si assicurerà che venga sostituita con una nuova.",
    askAgain: 'Il PC è ancora bloccato? Scrivi "ricomincia" e ti aiuto di nuovo.',
  },

  releaseNotice: {
    subject: (deviceName) => `È stata visualizzata la chiave di ripristino BitLocker di ${deviceName}`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Ciao ${requesterName},`,
      `la chiave di ripristino BitLocker del tuo dispositivo ${deviceName} è stata mostrata nella tua chat di Microsoft Teams con il bot Ripristino BitLocker il ${day} alle ${time} UTC.`,
      `ID chiave: ${keyId}`,
      "Se eri tu, non devi fare altro. L'IT si assicura che la chiave venga sostituita con una nuova.",
      "Se non eri tu, contatta subito l'helpdesk IT o il team di sicurezza, per telefono o di persona, e segnala questo messaggio.",
      "Questo messaggio è stato inviato automaticamente. Non contiene la chiave, e l'IT non ti chiederà mai la password o un codice di accesso.",
    ],
  },

  groupChatRedirect:
    'Ti aiuto con il ripristino di BitLocker solo in una chat privata, così i tuoi dati restano tra noi. Apri una chat 1:1 con me per iniziare.',
  turnError: 'Scusa, qualcosa non ha funzionato da parte mia. Riprova tra un momento.',
  slowDown:
    'Sono tanti messaggi tutti insieme, quindi faccio una breve pausa. Aspetta un minuto, poi invia un solo messaggio con ciò che ti serve.',

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Richiesta di ripristino BitLocker sospetta: il caso ${caseNumber} di ${requesterName}${keyId ? ` (ID chiave ${keyId})` : ''} è stato rifiutato da ${agentName}. Nota dell'operatore: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} segnala che qualcuno ha chiesto la sua chiave di ripristino BitLocker (caso ${caseNumber}). Trattalo come un possibile tentativo di social engineering.`,
    probingAlert: (requesterName, misses) =>
      `Possibile sondaggio: oggi ${requesterName} ha inserito ${misses} ID chiave che non corrispondono a nessuno dei suoi PC. Oggi non verranno aperti altri casi per questa persona. Se ti contatta, verifica con attenzione la sua identità.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} ha inviato al bot più di ${dropped} messaggi in pochi minuti; non hanno avuto risposta. Può essere un client bloccato o un tentativo di sommergere il bot.`,
    keyFlowInterrupted: (caseNumber) =>
      `La consegna della chiave per il caso ${caseNumber} è stata interrotta prima che qualcuno la vedesse. Premi di nuovo il pulsante.`,
    keyFlowMaybeShown: (caseNumber) =>
      `La consegna della chiave per il caso ${caseNumber} è stata interrotta durante l'invio della scheda: potrebbe essere stata mostrata e non può essere nascosta. La sua rotazione verrà verificata come sempre.`,
    sendKeyFlow: {
      signInNotice:
        'Per inviare la chiave, accedi di nuovo. La chiave va direttamente nella chat del richiedente: tu non la vedrai.',
      signInButton: 'Accedi e invia la chiave',
      sent: (name) => `La chiave ora è nella chat di ${name}. Si nasconde da sola dopo qualche minuto.`,
      severalKeys: (matches) =>
        `${matches} chiavi sui PC del richiedente iniziano con quell'ID chiave. Chiedi al richiedente una parte più lunga dell'ID chiave, poi riprova.`,
      notReleased: (reason) =>
        `Nessuna chiave inviata: ${helpdeskDenials[reason]} Il caso non è stato modificato.`,
      signInFailed:
        'Questo accesso non può essere usato per inviare la chiave. Premi di nuovo "Invia chiave al richiedente".',
    },
    showKeyFlow: {
      signInNotice:
        'Per vedere la chiave, accedi di nuovo. La chiave arriva nella tua chat privata con me, dove la vedi solo tu.',
      signInButton: 'Accedi e mostra la chiave',
      shown: (name) =>
        `La chiave è stata mostrata a ${name} nella sua chat privata con me. Verrà sostituita dopo l'uso.`,
      privateChatFailed:
        'Non è stato possibile aprire una chat privata con te, quindi nessuna chiave è stata letta. Apri una chat con me in Teams, poi premi di nuovo "Mostrami la chiave".',
      notDelivered:
        'Non è stato possibile inserire la chiave nella tua chat privata, quindi nessuno l\'ha vista. Premi di nuovo "Mostrami la chiave" tra un minuto.',
      notShown: (reason) =>
        `Nessuna chiave mostrata: ${helpdeskDenials[reason]} Il caso non è stato modificato.`,
      signInFailed:
        'Questo accesso non può essere usato per mostrare la chiave. Premi di nuovo "Mostrami la chiave".',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Caso ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Caso ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Aperto: in attesa di un operatore',
      claimed: 'Preso in carico: verifica il richiedente',
      verified: 'Verificato: pronto per inviare la chiave',
      released: 'Chiave fornita: risolvi quando il richiedente ha di nuovo accesso',
      resolved: 'Risolto',
      cancelled: 'Annullato dal richiedente',
      rejected: 'Rifiutato perché sospetto',
      reopened: 'Riaperto: in attesa di un operatore',
    },
    reasons: {
      requesterAsked: 'Ha chiesto una persona',
      riskStop: 'Blocco per rischio: dispositivo fuori dal suo controllo, manomesso, perso o rubato',
      onPremisesDevice: 'PC nel dominio locale: la chiave è in AD locale',
      notUnderstood: 'Non risolto in chat',
      notReleasable:
        'Nessuna chiave fornibile per questo ID chiave (nessuna corrispondenza, dispositivo non suo o non consentito)',
      rateLimited: 'Superato il limite di chiavi in self-service',
      directoryUnavailable: 'Microsoft Graph non rispondeva',
      signInMismatch: 'Accesso effettuato con un altro account',
      keyDidNotWork: 'La chiave fornita non ha funzionato',
      rotationOverdue: 'Chiave fornita non ruotata entro 24 ore',
      notInSelfServiceGroup: 'Non fa parte del gruppo self-service',
      alreadyReleased: 'Chiave già mostrata per questa richiesta',
      repeatRecovery: "Di nuovo bloccato entro un'ora dalla consegna della chiave",
      deviceDisabled: 'PC disattivato in Entra ID',
      notAllowedByTenant: 'Il tenant non consente ai proprietari di leggere le proprie chiavi',
      suspiciousContact: 'Ha segnalato che qualcuno ha chiesto la sua chiave di ripristino',
    },
    requesterLabel: 'Richiedente',
    reasonLabel: "Perché all'IT",
    ownerLabel: 'Operatore',
    nobodyYet: 'Ancora nessuno',
    verificationLabel: 'Verifica',
    notVerifiedYet: 'Non ancora',
    verifiedBy: (method, agentName) => `${method}, da ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: "Videochiamata con documento d'identità",
      inPerson: 'Di persona',
      managerConfirmation: 'Confermato dal responsabile in Teams',
    },
    devicesTitle: 'PC del richiedente',
    noDevices: 'Nessun PC registrato trovato per questa persona.',
    trustTypes: {
      AzureAd: 'Aggiunto a Entra ID',
      ServerAd: 'Aggiunto ibrido o al dominio',
      Workplace: 'Registrato (personale)',
      unknown: 'Tipo di aggiunta sconosciuto',
    },
    lastSignIn: (when) => `ultimo accesso ${when}`,
    moreDevices: (count) => `e altri ${count}`,
    historyTitle: 'Cronologia',
    earlierHistory: (count) => `${count} ${count === 1 ? 'voce precedente' : 'voci precedenti'}`,
    events: {
      opened: () => 'Caso aperto',
      detailsAdded: () => 'PC e dettagli recuperati',
      posted: () => 'Pubblicato in questo canale',
      reminded: () => 'Ancora non preso in carico: promemoria inviato al canale',
      claimed: (by) => `Preso in carico da ${by ?? 'un operatore'}`,
      claimReleased: (by) => `${by ?? "L'operatore"} ha rimesso il caso in coda`,
      verificationRecorded: (by) => `Richiedente verificato da ${by ?? 'un operatore'}`,
      keySentToRequester: (by) => `Chiave inviata nella chat del richiedente da ${by ?? 'un operatore'}`,
      keyShownToAgent: (by) => `Chiave mostrata a ${by ?? 'un operatore'}`,
      resolved: (by) => `Risolto da ${by ?? 'un operatore'}`,
      rejectedAsSuspicious: (by) => `Rifiutato come sospetto da ${by ?? 'un operatore'}`,
      reopened: (by) => `Riaperto${by === undefined ? '' : ` da ${by}`}`,
      cancelled: () => 'Annullato dal richiedente',
      noteAdded: (by) => `Nota ${by === undefined ? 'del richiedente' : `di ${by}`}`,
    },
    textWithheld: '(nascosto: sembrava una chiave di ripristino)',

    claim: 'Prendi in carico',
    releaseClaim: 'Rimetti in coda',
    recordVerificationTitle: 'Registra la verifica',
    verificationMethodLabel: "Come hai verificato l'identità?",
    verificationMethodRequired: "Scegli come hai verificato l'identità.",
    verificationNoteLabel: 'Nota (facoltativa)',
    verificationNotePlaceholder: 'ad es. badge controllato in video, corrisponde alla foto HR',
    saveVerification: 'Salva verifica',
    sendKey: 'Invia chiave al richiedente',
    sendKeyHint:
      '"Invia chiave al richiedente" ti chiede di accedere di nuovo, poi inserisce la chiave nella chat del richiedente. Tu non la vedrai.',
    resolve: 'Risolvi',
    reopen: 'Riapri',
    rejectOpen: 'Rifiuta come sospetto…',
    rejectWarning:
      'Il caso viene chiuso senza chiave, il richiedente viene avvisato e la sicurezza riceve un avviso. Confermi?',
    rejectConfirm: 'Sì, rifiuta come sospetto',
    showKeyToMe: 'Mostrami la chiave',
    closedHint: 'Questo caso è chiuso. Scrivi "queue" per vedere i casi aperti.',

    advanced: {
      title: (caseNumber) => `Mostrare la chiave del caso ${caseNumber}?`,
      lines: [
        "Solo per richiedenti che non possono usare Teams. Accedi di nuovo, poi la chiave arriva nella tua chat privata con me. La vedi solo tu e l'operazione viene registrata.",
        'Leggila al richiedente verificato, mai via email o chat. Dopo verrà sostituita.',
      ],
      reasonLabel: 'Perché devi vederla?',
      reasonPlaceholder: 'ad es. il richiedente non ha il telefono, è in videochiamata con me',
      reasonRequired: 'Scrivi perché devi vedere la chiave.',
      reveal: 'Mostra chiave',
      back: 'Torna al caso',
    },
    revealed: {
      title: (caseNumber) => `Chiave di ripristino del caso ${caseNumber}`,
      onlyYou: (requesterName) =>
        `La vedi solo tu. Leggila solo a ${requesterName}, un blocco alla volta, e non trascriverla mai.`,
      hidesIn: (minutes) =>
        `Verrà nascosta di nuovo tra ${minutes} ${minuti(minutes)}, o quando tocchi "Nascondi chiave".`,
      hide: 'Nascondi chiave',
      hiddenTitle: (caseNumber) => `Chiave di ripristino del caso ${caseNumber}: nascosta`,
      hiddenBody:
        'È stata mostrata una volta, quindi verrà sostituita con una nuova. Risolvi il caso quando la persona ha di nuovo accesso.',
      fallback: (caseNumber) =>
        `La chiave di ripristino del caso ${caseNumber}. Apri il messaggio in Microsoft Teams per vederla.`,
    },

    requester: {
      title: (caseNumber) => `La tua richiesta IT n. ${caseNumber}`,
      caseNumberLabel: 'Numero richiesta',
      updates: {
        opened: () => "Ho passato la tua richiesta all'helpdesk IT.",
        claimed: (agent) => `${agent ?? "Una persona dell'IT"} ora si occupa della tua richiesta.`,
        claimReleased: () =>
          "La tua richiesta è di nuovo nella coda dell'helpdesk, per la prossima persona disponibile.",
        verified: () => "L'IT ha confermato la tua identità.",
        keySent: () => "L'IT ha inviato la tua chiave di ripristino in questa chat.",
        noteAdded: () => 'Ho aggiunto la tua nota alla richiesta.',
        resolved: () => "L'IT ha chiuso la tua richiesta come completata.",
        rejected: () => "L'IT non ha potuto completare questa richiesta via chat.",
        cancelled: () => 'Hai annullato questa richiesta.',
      },
      next: {
        opened:
          "Una persona dell'IT ti contatterà in Teams per verificare la tua identità. L'IT non ti chiede mai la password o un codice MFA.",
        claimed:
          "Ti contatterà in Teams per verificare la tua identità. L'IT non ti chiede mai la password o un codice MFA.",
        claimReleased: 'Non devi fare niente: ti contatterà la prossima persona che la prende in carico.',
        verified: 'La tua chiave arriverà a breve in questa chat.',
        keySent:
          'Cerca in questa chat la scheda con la tua chiave. Dopo qualche minuto viene nascosta di nuovo.',
        noteAdded: 'La vedrà la persona che gestisce la tua richiesta.',
        resolved: 'Il PC è ancora bloccato? Scrivi "parla con l\'IT" e apro una nuova richiesta.',
        rejected: "Contatta l'helpdesk IT di persona o per telefono.",
        cancelled: 'Scrivi "ciao" quando vuoi ricominciare.',
      },
      addNote: 'Aggiungi una nota',
      noteLabel: "Nota per l'IT",
      notePlaceholder: "ad es. l'orario migliore per chiamarmi. Mai la chiave o la password.",
      noteRequired: 'Scrivi la tua nota.',
      sendNote: 'Invia nota',
      cancelRequest: 'Annulla richiesta',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `Il caso ${caseNumber} di ${requesterName} è in attesa da ${minutesWaiting} ${minuti(minutesWaiting)} e nessuno l'ha ancora preso in carico.`,

    queueTitle: (count) => `Casi aperti (${count})`,
    queueEmpty: 'Nessun caso aperto al momento.',
    queueLine: (caseNumber, requesterName, status) => `Caso ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `in attesa da ${minutes} min`,
    moreCases: (count) => `e altri ${count}`,
    queueHint: 'Scrivi "case" e un numero per vederne uno, ad esempio "case 12".',

    statsTitle: (day) => `Oggi (${day})`,
    statsRequests: 'Richieste',
    statsSelfServed: 'Risolte in self-service',
    statsEscalated: "Passate all'IT",
    statsMedianToKey: 'Tempo mediano fino alla chiave',
    minutes: (count) => `${count} min`,
    noneYet: 'Ancora nessun dato',
    topReasonsTitle: 'Cause di blocco più frequenti',
    noReasons: 'Nessuna risposta registrata oggi.',
    rootCauses: {
      firmwareUpdate: 'Aggiornamento BIOS o firmware',
      windowsUpdate: 'Aggiornamento di Windows',
      hardwareChange: 'Riparazione o nuovo hardware',
      dockOrPeripheral: 'Dock, monitor o dispositivo USB',
      wrongPin: 'PIN sbagliato troppe volte',
      nothingUnusual: 'Niente di insolito',
      outOfMyHands: 'Fuori dal suo controllo, perso o rubato',
    },

    auditTitle: (subject) => `Ultimi eventi di controllo per ${subject}`,
    auditEmpty: (subject) => `Nessun evento di controllo per ${subject}.`,
    auditDecisions: {
      released: 'Chiave fornita',
      denied: 'Negato',
      escalated: "Passato all'IT",
      signInMismatch: 'Accesso con un altro account',
      signInFailed: 'Accesso non riuscito',
      rateLimited: 'Limite raggiunto',
      keyCardHidden: 'Scheda della chiave nascosta',
      rotationRequested: 'Rotazione richiesta',
      rotationConfirmed: 'Rotazione confermata',
      rotationOverdue: 'Rotazione in ritardo',
      caseChanged: 'Caso modificato',
    },
    auditBy: (actor) => `da ${actor}`,
    moreAudit: (count) =>
      count === 1 ? '1 evento meno recente non mostrato' : `${count} eventi meno recenti non mostrati`,

    commandsUsage:
      'Comandi dell\'helpdesk: "queue" (casi aperti, i più vecchi per primi), "case 12", "stats" (oggi) e "audit" con l\'UPN o l\'ID oggetto di una persona, il deviceId Entra di un dispositivo o un ID chiave (almeno i primi 8 caratteri).',
    refusals: {
      notHelpdeskMember:
        "Spiacente, questa funzione è riservata al team dell'helpdesk IT. Non è stato modificato nulla.",
      notRequester: 'Può farlo solo la persona che ha chiesto aiuto.',
      ownCase: 'Questo caso riguarda te, quindi deve occuparsene un altro operatore.',
      caseClosed: (status) => `Questo caso è già chiuso (${status}).`,
      claimedByOther: (ownerName) =>
        `Il caso è assegnato a ${ownerName}. Chiedi a questa persona, oppure prendilo in carico quando viene rimesso in coda.`,
      alreadyOwner: 'Questo caso è già assegnato a te.',
      notClaimed: 'Prima prendi in carico il caso.',
      verificationRequired:
        'Prima registra come hai verificato il richiedente. Poi potrai inviare la chiave.',
      advancedRoleRequired:
        '"Mostrami la chiave" è riservato agli operatori con il ruolo helpdesk avanzato. Non è stato mostrato nulla.',
      alreadyReleased: 'La chiave per questo caso è già stata inviata.',
      notClosed: 'Si può riaprire solo un caso risolto o rifiutato.',
      unknownMethod: "Scegli come hai verificato l'identità.",
      textRequired: { note: 'Prima scrivi una nota.', reason: 'Scrivi perché devi vedere la chiave.' },
      textTooLong: (field, max) =>
        `${field === 'note' ? 'La nota è troppo lunga' : 'Il motivo è troppo lungo'}. Usa meno di ${max} caratteri.`,
      recoveryPasswordInText:
        "Sembrava una chiave di ripristino, quindi non l'ho conservata. Non scrivere mai una chiave in Teams.",
      changed: 'Il caso è cambiato mentre lo stavi guardando. Eccolo aggiornato: riprova.',
      outOfDate:
        'Questa scheda non è aggiornata, quindi non è stato modificato nulla. Usa il messaggio più recente sulla tua richiesta.',
      caseNotFound: (caseNumber) => `Il caso ${caseNumber} non esiste.`,
      unreadableAction:
        'Quel pulsante ha inviato qualcosa che non riesco a leggere. Aggiorna la scheda e riprova.',
      membershipUnknown:
        "Non sono riuscito a verificare la tua appartenenza all'helpdesk: la directory non risponde. Non è stato modificato nulla. Riprova tra un minuto.",
      keyReleaseOff:
        "La consegna delle chiavi non è configurata su questo bot, quindi l'helpdesk non può inviare né mostrare chiavi. Risolvi il caso quando la persona ha di nuovo accesso.",
    },
  },
};
