/** French (fr): formal "vous" register, as in Windows and Teams in French. */
import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    "aucun PC du demandeur n'a de clé avec cet ID de clé. Vérifiez avec la personne l'ID de clé affiché sur son écran.",
  notAllowedByTenant:
    "Entra ID n'autorise pas cette connexion à lire les clés BitLocker. Un technicien disposant d'un rôle de lecture des clés (par exemple Helpdesk Administrator) peut le faire.",
  notInSelfServiceGroup: "le demandeur n'est pas autorisé à obtenir des clés.",
  rateLimited:
    'cette personne a reçu trop de clés au cours des dernières 24 heures. Examinez le PC sur place.',
  deviceRateLimited: 'ce PC a reçu trop de clés au cours des dernières 24 heures. Examinez-le sur place.',
  riskStop: 'la demande a été arrêtée car jugée à risque.',
  deviceDisabled: 'le PC est désactivé dans Entra ID. Vérifiez pourquoi avant de le déverrouiller.',
  repeatRecovery:
    "ce PC a été déverrouillé avec une clé il y a moins d'une heure. Quelque chose le verrouille à répétition : examinez-le sur place.",
  directoryUnavailable: "Microsoft Graph n'a pas répondu. Réessayez dans quelques minutes.",
  alreadyReleased: 'cette clé a déjà été transmise pour ce ticket.',
};

function plural(count: number, one: string, many: string): string {
  return count < 2 ? one : many;
}

export const fr: Messages = {
  welcomeTitle: 'Récupération BitLocker',
  welcomeBody:
    "Votre PC est bloqué sur un écran bleu BitLocker ? Je peux vous aider à trouver la bonne clé de récupération pour votre PC professionnel, ou demander l'aide du support informatique.",
  neverAskForPassword: 'Je ne vous demanderai jamais votre mot de passe ni un code MFA.',
  welcomeKeyIdLabel: "ID de clé affiché sur l'écran bleu",
  send: 'Envoyer',
  welcomeOrTellMe: 'Ou expliquez-moi simplement ce qui se passe, avec vos propres mots.',
  greetAgain:
    "Bonjour à nouveau ! Si votre PC affiche l'écran BitLocker, tapez l'ID de clé qui y figure (par exemple 4290B6C0), ou dites-moi ce qui se passe.",
  acknowledged:
    "D'accord. Quand vous voulez, tapez l'ID de clé affiché sur l'écran bleu, ou dites-moi ce qui se passe.",
  startRecovery: 'Mon PC affiche un écran de récupération BitLocker',
  startWhereKeyId: "Où trouver l'ID de clé ?",
  startTalkToIt: 'Parler au support',
  startOver: 'Recommencer',

  helpTitle: 'Ce que je peux faire',
  helpIntro:
    'Expliquez-moi simplement, avec vos propres mots. Ces commandes fonctionnent aussi à tout moment :',
  helpCommands: [
    { command: 'aide', description: 'afficher cette liste' },
    { command: 'recommencer', description: 'reprendre depuis le début' },
    { command: 'annuler', description: 'arrêter la demande en cours' },
    { command: 'statut', description: 'voir votre demande en cours' },
    { command: 'parler au support', description: "demander l'aide du support informatique" },
  ],

  keyIdHelpTitle: "Trouver l'ID de clé",
  keyIdHelpSteps: [
    "Regardez l'écran bleu de récupération BitLocker sur le PC bloqué.",
    'En bas, repérez « ID de clé de récupération » (sur les écrans plus anciens : « ID de clé »). Des lettres et des chiffres suivent.',
    'Tapez les 8 premiers caractères ci-dessous ou dans la conversation, par exemple 4290B6C0. Vous pouvez en taper davantage.',
  ],
  keyIdHelpNotes: [
    'Windows 11 peut aussi afficher un indice sur un compte Microsoft. La clé est alors probablement enregistrée dans ce compte personnel.',
    "Appuyez sur Alt pour afficher un code d'erreur, par exemple E_FVE_DEVICE_LOCKEDOUT. Utile à noter, mais pas indispensable.",
  ],

  keyIdLabel: 'ID de clé',
  requestNumberLabel: 'Numéro de demande',
  askKeyIdTitle: "Quel est l'ID de clé ?",
  askKeyIdWhere:
    "Il se trouve en bas de l'écran bleu, après « ID de clé de récupération ». Les 8 premiers caractères suffisent.",
  askKeyIdOrType: 'Vous pouvez aussi le taper directement dans la conversation.',
  notedTitle: 'Déjà noté',
  keyIdPlaceholder: 'ex. 4290B6C0',
  keyIdRequired: "Tapez l'ID de clé affiché sur l'écran bleu.",
  whereIsIt: 'Où le trouver ?',

  keyIdTooShort: (digits) =>
    `J'ai reçu ${digits} ${plural(digits, 'caractère', 'caractères')}. L'ID de clé doit en compter au moins 8 : tapez les 8 premiers affichés sur l'écran bleu.`,
  notAKeyId:
    "Cela ne ressemble pas à un ID de clé. Il ne contient que 0-9 et A-F, comme 4290B6C0, et figure après « ID de clé de récupération » sur l'écran bleu.",
  twoKeyIds:
    'Je vois plusieurs ID de clé dans ce message. Envoyez uniquement celui affiché sur votre écran bleu.',
  passwordPastedTitle: 'Gardez cette clé pour vous',
  passwordPastedLines: [
    'Cela ressemble à une clé de récupération (48 chiffres).',
    "Ne la collez jamais dans une conversation, ici ou ailleurs. Je ne l'ai pas conservée.",
    "Si vous l'avez tapée par erreur, supprimez ce message.",
    "J'ai seulement besoin de l'ID de clé : le code court après « ID de clé de récupération » sur l'écran bleu.",
  ],

  confirmKeyIdQuestion: (keyId) => `Vouliez-vous dire ${keyId} ?`,
  confirmKeyIdCorrections: (corrections) =>
    `J'ai corrigé ${corrections.join(', ')}, car un ID de clé ne contient que 0-9 et A-F.`,
  confirmKeyIdYes: 'Oui',
  confirmKeyIdNo: 'Non, le retaper',

  answersTitle: "Que s'est-il passé juste avant l'écran bleu ?",
  rootCauseButtons: {
    firmwareUpdate: 'Mise à jour du BIOS ou du firmware',
    windowsUpdate: 'Mise à jour Windows',
    hardwareChange: 'Réparation ou nouveau matériel',
    dockOrPeripheral: 'Nouveau dock, écran ou appareil USB',
    wrongPin: "Trop d'erreurs de code PIN",
    nothingUnusual: 'Rien de particulier',
    outOfMyHands: 'Perdu, volé ou laissé sans surveillance',
  },
  assumedWorkPc: 'Cela concerne votre PC professionnel.',
  notWorkPc: "Ce n'est pas un PC professionnel ?",
  deviceKindButtons: {
    personalPc: 'Mon PC personnel',
    secondHand: "Un PC d'occasion",
    oldDomainPc: "Un ancien PC du domaine de l'entreprise",
  },
  errorCodeHint:
    "Un code d'erreur à l'écran (touche Alt), comme E_FVE_DEVICE_LOCKEDOUT ? Tapez-le ici si vous le souhaitez.",
  rootCauseChoices: {
    firmwareUpdate: 'Une mise à jour du BIOS ou du firmware',
    windowsUpdate: 'Une mise à jour Windows',
    hardwareChange: 'Une réparation ou du nouveau matériel',
    dockOrPeripheral: 'Un nouveau dock, un nouvel écran ou un appareil USB',
    wrongPin: "Trop d'erreurs de code PIN",
    nothingUnusual: 'Rien de particulier',
    outOfMyHands: 'Le PC a été laissé sans surveillance, a pu être manipulé, ou est perdu ou volé',
  },
  deviceKindChoices: {
    workPc: 'Mon PC professionnel',
    personalPc: 'Mon PC personnel',
    secondHand: "Un PC d'occasion",
    oldDomainPc: "Un ancien PC joint au domaine de l'entreprise",
    notSure: 'Je ne sais pas',
  },
  whyDidThisHappen: 'Pourquoi est-ce arrivé ?',

  verifyTitle: "Merci, j'ai tout ce qu'il me faut",
  verifyAgainTitle: 'Presque fini : vérifiez votre identité',
  rootCauseFact: "Ce qui s'est passé",
  deviceKindFact: 'PC',
  errorCodeFact: "Code d'erreur",
  verifyNext:
    "Étape suivante : une connexion Microsoft rapide confirme que c'est bien vous. Je ne vous demanderai jamais votre mot de passe ici.",
  verifyButton: 'Vérifier votre identité',
  verifyNotSwitchedOn:
    "La connexion en libre-service n'est pas encore activée ici : une personne du support informatique doit donc vous aider pour cette demande.",

  guides: {
    personalAccount: {
      title: 'Votre clé est probablement dans un compte Microsoft',
      intro:
        'Les PC personnels enregistrent généralement la clé dans le compte Microsoft utilisé pour leur configuration. Sur votre téléphone ou un autre appareil :',
      points: [
        'Ouvrez aka.ms/myrecoverykey.',
        'Connectez-vous avec le compte Microsoft utilisé sur le PC bloqué. Les écrans bleus récents en affichent un indice.',
        "Trouvez la clé dont l'ID de clé correspond à celui affiché sur votre écran.",
        'Saisissez ses 48 chiffres sur le PC bloqué.',
      ],
      closing: [
        "Elle n'y est pas ? Essayez vos autres comptes Microsoft et, sur un PC partagé, ceux des membres de votre famille.",
        'Gardez la clé pour vous : ne la collez jamais dans une conversation.',
      ],
    },
    secondHand: {
      title: "Un PC d'occasion",
      intro:
        "Seule la personne qui a activé BitLocker, l'ancien propriétaire ou le vendeur, peut avoir la clé de récupération de ce PC.",
      points: [
        "Demandez-lui de la chercher sur aka.ms/myrecoverykey, à l'aide de l'ID de clé affiché sur votre écran.",
        'Ne payez pas de service de « récupération » en ligne : personne ne peut déverrouiller les données sans la clé.',
        "Ce PC vous a été remis par le support informatique, peut-être l'ancien PC d'un collègue ? C'est alors un PC professionnel : appuyez sur « Recommencer » et je trouverai sa clé.",
      ],
      closing: [
        "Si la clé reste introuvable, le PC peut être réinitialisé et réutilisé, mais les fichiers qu'il contient seront effacés.",
      ],
    },
    noKeyAnywhere: {
      title: 'Aucune copie de la clé ?',
      intro:
        "Pour un PC professionnel, vous n'avez pas besoin de votre propre copie : le support informatique conserve sa clé, et je peux la retrouver pour vous. Pour un PC personnel, cherchez :",
      points: [
        'Une version imprimée : classeurs, tiroirs, carton du PC.',
        'Une clé USB.',
        "Un fichier nommé par exemple « Clé de récupération BitLocker » ou « BitLocker Recovery Key » suivi de l'ID de clé, en .txt, sur un autre PC, un disque ou un stockage en ligne.",
        'Un e-mail que vous vous êtes envoyé.',
        'Votre gestionnaire de mots de passe.',
        'Le compte Microsoft utilisé sur le PC : aka.ms/myrecoverykey.',
      ],
      closing: [
        'Pour être honnête : une clé de récupération perdue ne peut pas être recréée, ni par le support informatique ni par Microsoft.',
        "Si vous ne trouvez aucune copie, le dernier recours est de réinitialiser le PC. Il fonctionnera de nouveau, mais les fichiers qu'il contient seront effacés. Les fichiers dans OneDrive ou une autre sauvegarde y restent en sécurité.",
      ],
    },
    whyThisHappened: {
      title: 'Pourquoi BitLocker demande la clé',
      intro:
        "BitLocker protège vos fichiers. Quand la façon dont le PC démarre change, il demande la clé pour s'assurer que le PC est toujours entre de bonnes mains. Raisons fréquentes :",
      points: [
        'Une mise à jour du BIOS ou du firmware, ou un changement du paramètre de démarrage sécurisé (Secure Boot).',
        'Une réparation ou du nouveau matériel, comme une nouvelle carte mère ou une nouvelle puce de sécurité (TPM).',
        'Une mise à jour importante de Windows ou une réinstallation.',
        'Un code PIN erroné, saisi trop de fois.',
        'Un dock ou un appareil USB branché au démarrage, qui modifie la façon dont le PC démarre.',
        "Parfois, quelqu'un qui essaie d'accéder au PC.",
      ],
      closing: ["Ce n'est pas votre faute. La bonne clé déverrouille le PC comme d'habitude."],
    },
    ownCopy: {
      title: 'Utiliser votre propre copie',
      intro: "Très bien : votre propre copie fonctionne tout aussi bien, si c'est la bonne.",
      points: [
        "Vérifiez que l'ID de clé qui l'accompagne commence comme celui de l'écran bleu.",
        'Saisissez les 48 chiffres avec les touches numériques en haut du clavier. Si rien ne se passe, F1–F10 correspondent à 1–0.',
        'Un bloc de 6 chiffres mal saisi est signalé : retapez uniquement ce bloc.',
      ],
      closing: [
        "L'ID de clé n'est pas le même, ou la clé est refusée ? Pour un PC professionnel, je peux trouver la bonne clé : appuyez sur « Trouver ma clé ».",
        'Ensuite, rangez la copie loin du PC et ne la collez jamais dans une conversation.',
      ],
    },
    keyRejected: {
      title: "Si la clé n'est pas acceptée",
      intro: 'Vérifiez ces points, un par un :',
      points: [
        "L'ID de clé de l'écran bleu doit commencer comme l'ID de clé de la clé que vous saisissez. Sinon, c'est une autre clé.",
        "Utilisez les touches numériques en haut du clavier. Si rien ne s'affiche, F1–F10 correspondent à 1–0.",
        'Un bloc qui devient rouge contient un chiffre erroné : retapez uniquement ce bloc.',
        "Certains PC ont plusieurs clés : essayez l'autre clé indiquée pour ce PC.",
      ],
      closing: [
        'Le PC est toujours verrouillé ? Le support informatique peut vous aider : appuyez sur « Parler au support ».',
      ],
    },
    prevention: {
      title: 'Éviter le prochain blocage',
      intro: 'Quelques habitudes simplifient la prochaine fois :',
      points: [
        'La clé de votre PC professionnel est conservée par le support informatique, et je suis là dans Teams dès que vous en avez besoin.',
        "Vous prévoyez une mise à jour du BIOS ou une réparation ? Prévenez d'abord le support informatique : il peut suspendre BitLocker le temps de l'intervention.",
        'Pour un PC personnel, enregistrez la clé dans votre compte Microsoft (aka.ms/myrecoverykey), ou imprimez-la et rangez-la loin du PC.',
        'Gardez vos fichiers dans OneDrive ou une autre sauvegarde : ainsi, une clé perdue ne signifie jamais du travail perdu.',
      ],
      closing: ['Ne gardez jamais une clé dans une conversation, un e-mail ou une photo.'],
    },
    security: {
      title: 'Gardez votre clé pour vous',
      intro: 'Une clé de récupération déverrouille tout le contenu de votre PC. Donc :',
      points: [
        "Ne la donnez jamais à quelqu'un qui vous appelle, vous écrit ou vous envoie un message, même s'il dit faire partie du support informatique ou de Microsoft. Le support informatique ne vous la demande jamais.",
        "Ne la lisez jamais au téléphone, ne l'envoyez pas par e-mail et ne la publiez pas dans une conversation, même pas pour un collègue ou votre responsable.",
        "Saisissez-la uniquement sur l'écran bleu de votre propre PC.",
        "Quelqu'un vous l'a demandée ? C'est un signal d'alerte : prévenez la sécurité informatique.",
      ],
      closing: [
        "Vous l'avez déjà donnée à quelqu'un ? Prévenez la sécurité informatique dès maintenant : la clé sera remplacée.",
      ],
    },
  },
  openMyRecoveryKey: 'Ouvrir aka.ms/myrecoverykey',
  cantFindItThere: "Elle n'y est pas",
  findMyKey: 'Trouver ma clé',
  reportToSecurity: 'Signaler à la sécurité informatique',

  didYouMean: 'Vouliez-vous dire… ?',
  outOfScopeTitle: 'Je ne peux vous aider que pour BitLocker',
  outOfScopeBody:
    "J'interviens quand un PC s'arrête sur l'écran bleu de récupération BitLocker. Pour toute autre question, contactez le support informatique comme d'habitude.",
  intentLabels: {
    recoveryScreen: 'Mon PC affiche un écran de récupération BitLocker',
    whereKeyId: "Où trouver l'ID de clé ?",
    whyHappened: 'Pourquoi est-ce arrivé ?',
    personalPc: "C'est un PC personnel",
    secondHand: "C'est un PC d'occasion",
    ownCopy: "J'ai ma propre copie de la clé",
    noKeyAnywhere: 'Je ne trouve la clé nulle part',
    keyDidNotWork: "La clé n'a pas fonctionné",
    itWorked: 'Ça a fonctionné',
    talkToIt: 'Parler au support',
    status: 'État de ma demande',
    cancel: 'Annuler ma demande',
    restart: 'Recommencer',
    help: 'Que pouvez-vous faire ?',
    prevention: 'Éviter que cela se reproduise',
    security: "Quelqu'un m'a demandé ma clé",
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? "Parfait, vous avez retrouvé l'accès. J'ai masqué la clé dans cette conversation."
      : 'Tant mieux ! Je suis là dès que vous avez besoin de moi.',

  riskStopTitle: 'Restons prudents',
  riskStopLines: [
    'Comme le PC a pu être laissé sans surveillance, le support informatique va vérifier cela avec vous en personne.',
    "Pour votre sécurité, aucune clé de ce PC n'est affichée dans la conversation.",
    "J'ai demandé l'aide du support informatique. Il sera prévenu et vous contactera ; si le PC est perdu ou volé, signalez-le à ce moment-là.",
  ],

  caseRequestedTitle: "J'ai demandé l'aide du support informatique",
  caseReasons: {
    requesterAsked: "Vous avez demandé à parler à une personne : j'ai donc transmis votre demande.",
    riskStop:
      'Comme le PC a pu être laissé sans surveillance, le support informatique va vérifier cela avec vous en personne.',
    onPremisesDevice:
      "La clé d'un ancien PC du domaine est conservée sur les serveurs de l'entreprise : le support informatique va la chercher pour vous.",
    notUnderstood:
      "Je n'ai pas pu régler cela dans la conversation : j'ai donc transmis votre demande à une personne.",
    notReleasable:
      "Je n'ai pas pu fournir de clé pour cet ID de clé d'ici. Cela arrive quand il ne correspond pas à un PC enregistré à votre nom, ou quand le libre-service n'est pas autorisé pour ce PC.",
    rateLimited:
      'Vous avez atteint le nombre de clés que je peux afficher par jour : une personne du support informatique va donc vous aider pour celle-ci.',
    directoryUnavailable:
      "L'annuaire Microsoft ne répond pas pour le moment : j'ai donc transmis votre demande à une personne plutôt que de vous faire attendre.",
    signInMismatch:
      "La connexion a été faite avec un autre compte que celui que vous utilisez dans Teams : je n'ai donc pas pu l'utiliser.",
    keyDidNotWork:
      "La clé n'a pas fonctionné : une personne du support informatique va donc regarder cela avec vous.",
    rotationOverdue:
      "La clé affichée n'a pas encore été remplacée : le support informatique va s'en occuper.",
    notInSelfServiceGroup:
      "L'obtention des clés en libre-service n'est pas activée pour votre compte : une personne du support informatique va donc vous transmettre la clé.",
    alreadyReleased:
      "La clé de ce PC vous a déjà été affichée : je ne l'afficherai donc pas de nouveau ici. Si elle n'a pas fonctionné, le support informatique va vous aider.",
    repeatRecovery:
      "La clé de ce PC a été affichée il y a moins d'une heure et il est de nouveau verrouillé : le support informatique va en chercher la cause.",
    deviceDisabled:
      "Ce PC est désactivé dans l'annuaire de l'entreprise : le support informatique doit d'abord l'examiner.",
    notAllowedByTenant:
      'Votre organisation ne permet pas de consulter soi-même ses clés : une personne du support informatique va donc vous la transmettre.',
    suspiciousContact:
      "Merci de l'avoir signalé. J'ai prévenu le support informatique, et quelqu'un va vous contacter. En attendant, gardez la clé pour vous.",
  },
  keyShownAt: (time) => `Elle a été affichée le ${time}.`,
  caseNext:
    "Le support informatique sera informé de ce que vous m'avez dit et vous contactera. Inutile de tout réexpliquer.",
  caseWithoutKeyId:
    "Si possible, notez l'ID de clé affiché sur l'écran bleu : le support informatique vous le demandera.",
  caseStatusHint: 'Tapez « statut » à tout moment pour voir votre demande.',

  offerIt:
    "Désolé, je n'arrive pas à bien vous comprendre. Voulez-vous qu'une personne du support informatique vous aide ?",
  cancelled: (hadRequest) =>
    hadRequest
      ? "D'accord, j'ai annulé cette demande. Dites bonjour quand vous voulez recommencer."
      : "Il n'y avait rien à annuler. Dites bonjour quand vous voulez commencer.",

  statusTitle: 'Votre demande',
  statusNowFact: 'En ce moment',
  statusLastFact: 'Dernière demande',
  statusSteps: {
    idle: 'Rien en cours.',
    awaitingKeyId: 'En attente de votre ID de clé.',
    confirmingKeyId: "En attente de votre confirmation de l'ID de clé.",
    awaitingAnswers: "En attente de ce qui s'est passé juste avant.",
  },
  statusOutcomes: {
    none: "Aucune pour l'instant.",
    verification: 'Prête pour la vérification par connexion Microsoft.',
    released: 'Votre clé a été affichée dans cette conversation.',
    case: 'Transmise au support informatique. Il sera prévenu et vous contactera.',
    cancelled: 'Annulée.',
    guided: (guideTitle) => `Je vous ai montré « ${guideTitle} ».`,
  },

  expired: "Bonjour à nouveau. Plus d'une journée s'est écoulée : nous repartons donc de zéro.",
  missLimit:
    "Je ne peux plus ouvrir de demande ici aujourd'hui : ces ID de clé ne correspondent à aucun de vos PC. Appelez le support informatique ou passez le voir.",
  staleCard: 'Ce bouton correspond à une demande précédente. Voici où nous en sommes.',
  preventionTips:
    'Conseil pour la prochaine fois : la clé de votre PC professionnel est sauvegardée par le support informatique, et je suis là dans Teams dès que vous en avez besoin. Pour un PC personnel, enregistrez sa clé dans votre compte Microsoft, ou imprimez-la et rangez-la loin du PC. Ne gardez jamais une clé dans une conversation, un e-mail ou une photo.',

  release: {
    title: 'Votre clé de récupération',
    deviceLabel: 'PC',
    compareKeyId: "Vérifiez d'abord que l'ID de clé sur votre écran bleu commence de la même façon.",
    howToType:
      "Saisissez les 8 blocs avec les touches numériques en haut du clavier (si elles ne fonctionnent pas, F1–F10 correspondent à 1–0). L'écran passe au bloc suivant après chaque bloc et signale un bloc erroné.",
    hidesIn: (minutes) =>
      `Pour votre sécurité, je masquerai cette clé dans ${minutes} ${plural(minutes, 'minute', 'minutes')}, ou dès que vous me direz qu'elle a fonctionné.`,
    worked: 'Ça a fonctionné',
    didNotWork: "Ça n'a pas fonctionné",
    oneBlockAtATime: 'Afficher un bloc à la fois',
    allBlocks: 'Afficher tous les blocs',
    nextBlock: 'Bloc suivant',
    previousBlock: 'Bloc précédent',
    blockOf: (index, count) => `Bloc ${index} sur ${count}`,
    fallback:
      'Votre clé de récupération se trouve dans ce message. Ouvrez-le dans Microsoft Teams pour la voir.',
    needMoreDigits: (matches) =>
      `Plusieurs clés de vos PC commencent ainsi (${matches} au total). Tapez une plus grande partie de l'ID de clé, au moins les 12 premiers caractères, et je vérifierai de nouveau.`,
    interrupted:
      "Quelque chose m'a interrompu avant que votre clé puisse s'afficher : rien n'a été affiché. Tapez « restart » pour réessayer.",
    maybeShown:
      "Quelque chose m'a interrompu pendant l'affichage de votre clé. Si vous la voyez plus haut, vous pouvez l'utiliser : je ne peux plus la masquer, et le support informatique veillera à ce qu'elle soit remplacée.",
    troubleshooting:
      "Désolé pour ce contretemps. Vérifiez que l'ID de clé à l'écran correspond à celui de ma carte, et que chaque bloc a été saisi sans marque rouge. Si cela ne fonctionne toujours pas, le support informatique va vous aider : je lui ai transmis votre demande.",
  },
  signIn: {
    mismatch: (name) =>
      `Cette connexion a été faite avec un autre compte${name ? ` (${name})` : ''}, pas avec le vôtre : je n'ai donc pas pu l'utiliser. Appuyez de nouveau sur « Vérifier votre identité » et connectez-vous avec votre propre compte professionnel.`,
    failed:
      "Cette connexion n'a pas abouti ou a pris trop de temps. Appuyez de nouveau sur « Vérifier votre identité » pour obtenir un nouveau lien.",
    stale:
      "Cette connexion correspond à une demande précédente. Si vous avez encore besoin d'une clé, tapez « recommencer ».",
  },
  signInPage: {
    closeThisPage: 'Vous pouvez fermer cette page.',
    goBack: (button) => `Revenez dans Teams et appuyez à nouveau sur « ${button} ».`,
    verified: {
      title: 'Votre identité est confirmée',
      body: 'Revenez dans Teams : ma réponse est dans la conversation, ou y sera dans un instant.',
    },
    mismatch: {
      title: 'Vous vous êtes connecté avec un autre compte',
      body: (name) =>
        `Vous vous êtes connecté en tant que ${name || 'un autre compte'}, et non en tant que la personne qui a demandé dans Teams : je me suis donc arrêté sans rien afficher.`,
      ownAccount: 'Connectez-vous ensuite avec votre propre compte professionnel.',
    },
    trouble: { title: 'Un problème est survenu de mon côté', body: "Rien n'a été affiché." },
    failures: {
      stateUnknownOrUsed: {
        title: 'Ce lien de connexion a déjà été utilisé',
        body: "Chaque lien ne fonctionne qu'une fois.",
      },
      stateExpired: {
        title: 'Ce lien de connexion a expiré',
        body: "Chaque lien n'est valable que quelques minutes.",
      },
      tokenInvalid: { title: 'Je n’ai pas pu confirmer votre connexion', body: "Rien n'a été affiché." },
      authTooOld: {
        title: "Votre connexion n'était pas assez récente",
        body: "J'ai besoin d'une connexion de moins de quelques minutes.",
      },
      missingAuthContext: {
        title: 'Votre organisation exige une connexion plus forte',
        body: "Reconnectez-vous avec la méthode exigée par votre organisation (par exemple l'application Authenticator ou une clé de sécurité).",
      },
      entraError: { title: "La connexion n'a pas abouti", body: 'Elle a été annulée ou refusée.' },
      wrongTenant: {
        title: "Ce n'était pas votre compte professionnel",
        body: 'Connectez-vous avec votre compte professionnel.',
      },
    },
  },
  keyHidden: {
    title: 'Clé de récupération masquée',
    body: "J'ai masqué la clé dans cette conversation. Elle a été affichée une fois : le support informatique va donc s'assurer qu'elle est remplacée par une nouvelle.",
    askAgain: 'Le PC est toujours verrouillé ? Tapez « recommencer » et je vous aiderai de nouveau.',
  },

  releaseNotice: {
    subject: (deviceName) => `La clé de récupération BitLocker de l'appareil ${deviceName} a été consultée`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Bonjour ${requesterName},`,
      `La clé de récupération BitLocker de votre appareil ${deviceName} a été affichée dans votre conversation Microsoft Teams avec le bot de récupération BitLocker le ${day} à ${time} UTC.`,
      `ID de clé : ${keyId}`,
      "Si c'était vous, vous n'avez rien d'autre à faire. Le support informatique s'assure que la clé est remplacée par une nouvelle.",
      "Si ce n'était pas vous, contactez dès maintenant votre support informatique ou votre équipe de sécurité, par téléphone ou en personne, et signalez-leur ce message.",
      'Ce message a été envoyé automatiquement. Il ne contient pas la clé, et le support informatique ne vous demandera jamais votre mot de passe ni un code de connexion.',
    ],
  },

  groupChatRedirect:
    'Je vous aide pour la récupération BitLocker uniquement dans une conversation privée, pour que vos informations restent entre nous. Ouvrez une conversation individuelle avec moi pour commencer.',
  turnError: 'Désolé, un problème est survenu de mon côté. Réessayez dans un instant.',
  slowDown:
    "Cela fait beaucoup de messages d'un coup, je fais donc une courte pause. Attendez une minute, puis envoyez un seul message avec ce dont vous avez besoin.",

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Demande de récupération BitLocker suspecte : le ticket ${caseNumber} (${requesterName}${keyId ? `, ID de clé ${keyId}` : ''}) a été rejeté par ${agentName}. Note du technicien : ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} signale que quelqu'un lui a demandé sa clé de récupération BitLocker (ticket ${caseNumber}). Traitez cela comme une possible tentative d'ingénierie sociale.`,
    probingAlert: (requesterName, misses) =>
      `Tentative de sondage possible : ${requesterName} a saisi aujourd'hui ${misses} ID de clé qui ne correspondent à aucun de ses PC. Plus aucun dossier ne sera ouvert pour cette personne aujourd'hui. Si elle vous contacte, vérifiez son identité avec soin.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} a envoyé plus de ${dropped} messages au bot en quelques minutes ; ils sont restés sans réponse. Il peut s'agir d'un client bloqué ou d'une tentative de saturer le bot.`,
    keyFlowInterrupted: (caseNumber) =>
      `La remise de la clé du dossier ${caseNumber} a été interrompue avant que quiconque la voie. Appuyez de nouveau sur le bouton pour réessayer.`,
    keyFlowMaybeShown: (caseNumber) =>
      `La remise de la clé du dossier ${caseNumber} a été interrompue pendant l'envoi de la carte : elle a peut-être été affichée et ne peut pas être masquée. Son remplacement sera vérifié comme d'habitude.`,
    sendKeyFlow: {
      signInNotice:
        'Pour envoyer la clé, reconnectez-vous. La clé va directement dans la conversation du demandeur ; vous ne la verrez pas.',
      signInButton: 'Se connecter et envoyer la clé',
      sent: (name) =>
        `La clé se trouve maintenant dans la conversation du demandeur (${name}). Elle se masque automatiquement après quelques minutes.`,
      severalKeys: (matches) =>
        `${matches} clés des PC du demandeur commencent par cet ID de clé. Demandez-lui davantage de caractères de l'ID de clé, puis réessayez.`,
      notReleased: (reason) =>
        `Aucune clé n'a été envoyée : ${helpdeskDenials[reason]} Rien n'a changé sur le ticket.`,
      signInFailed:
        "Cette connexion n'a pas pu servir à envoyer la clé. Appuyez de nouveau sur « Envoyer la clé au demandeur ».",
    },
    showKeyFlow: {
      signInNotice:
        "Pour voir la clé, reconnectez-vous. Elle arrive dans votre conversation privée avec moi, où elle n'est visible que par vous.",
      signInButton: 'Se connecter et afficher la clé',
      shown: (name) =>
        `La clé a été affichée à ${name} dans sa conversation privée avec moi. Elle sera remplacée une fois utilisée.`,
      privateChatFailed:
        "Je n'ai pas pu ouvrir de conversation privée avec vous : aucune clé n'a donc été lue. Ouvrez une conversation avec moi dans Teams, puis appuyez de nouveau sur « M'afficher la clé ».",
      notDelivered:
        "Je n'ai pas pu placer la clé dans votre conversation privée : personne ne l'a donc vue. Appuyez de nouveau sur « M'afficher la clé » dans une minute.",
      notShown: (reason) =>
        `Aucune clé n'a été affichée : ${helpdeskDenials[reason]} Rien n'a changé sur le ticket.`,
      signInFailed:
        "Cette connexion n'a pas pu servir à afficher la clé. Appuyez de nouveau sur « M'afficher la clé ».",
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Ticket ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Ticket ${caseNumber}, ${requesterName} : ${status}`,
    statuses: {
      open: "Ouvert : en attente d'un technicien",
      claimed: "Pris en charge : vérifier l'identité du demandeur",
      verified: "Vérifié : prêt pour l'envoi de la clé",
      released: "Clé transmise : à résoudre une fois l'accès rétabli",
      resolved: 'Résolu',
      cancelled: 'Annulé par le demandeur',
      rejected: 'Rejeté comme suspect',
      reopened: "Rouvert : en attente d'un technicien",
    },
    reasons: {
      requesterAsked: 'A demandé à parler à une personne',
      riskStop: 'Arrêt pour risque : appareil laissé sans surveillance, manipulé, perdu ou volé',
      onPremisesDevice: "PC joint au domaine local : clé dans l'AD local",
      notUnderstood: "La conversation n'a pas permis de régler la demande",
      notReleasable:
        "Aucune clé transmissible pour cet ID de clé (aucune correspondance, appareil d'une autre personne ou non autorisé)",
      rateLimited: 'Limite de clés en libre-service dépassée',
      directoryUnavailable: 'Microsoft Graph ne répondait pas',
      signInMismatch: 'Connexion effectuée avec un autre compte',
      keyDidNotWork: "Clé transmise, mais elle n'a pas fonctionné",
      rotationOverdue: 'Clé transmise sans rotation sous 24 heures',
      notInSelfServiceGroup: 'Pas dans le groupe libre-service',
      alreadyReleased: 'Clé déjà affichée pour cette demande',
      repeatRecovery: "De nouveau verrouillé moins d'une heure après une transmission de clé",
      deviceDisabled: 'PC désactivé dans Entra ID',
      notAllowedByTenant: 'Le locataire ne permet pas aux propriétaires de lire leurs clés',
      suspiciousContact: "A signalé que quelqu'un lui a demandé sa clé de récupération",
    },
    requesterLabel: 'Demandeur',
    reasonLabel: 'Motif',
    ownerLabel: 'Pris en charge par',
    nobodyYet: "Personne pour l'instant",
    verificationLabel: 'Vérification',
    notVerifiedYet: 'Pas encore',
    verifiedBy: (method, agentName) => `${method}, par ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: "Appel vidéo avec pièce d'identité",
      inPerson: 'En personne',
      managerConfirmation: 'Confirmé par le responsable dans Teams',
    },
    devicesTitle: 'Ses PC',
    noDevices: 'Aucun PC enregistré trouvé pour cette personne.',
    trustTypes: {
      AzureAd: 'Joint à Entra ID',
      ServerAd: 'Joint hybride ou au domaine',
      Workplace: 'Inscrit (personnel)',
      unknown: 'Type de jonction inconnu',
    },
    lastSignIn: (when) => `dernière connexion le ${when}`,
    moreDevices: (count) => `et ${count} ${plural(count, 'autre', 'autres')}`,
    historyTitle: 'Historique',
    earlierHistory: (count) => `${count} ${plural(count, 'entrée antérieure', 'entrées antérieures')}`,
    events: {
      opened: () => 'Ticket ouvert',
      detailsAdded: () => 'PC et détails récupérés',
      posted: () => 'Publié dans ce canal',
      reminded: () => 'Toujours pas pris en charge : rappel envoyé au canal',
      claimed: (by) => `Pris en charge par ${by ?? 'un technicien'}`,
      claimReleased: (by) => `${by ?? 'Le technicien'} a libéré le ticket`,
      verificationRecorded: (by) => `Vérifié par ${by ?? 'un technicien'}`,
      keySentToRequester: (by) =>
        `Clé envoyée dans la conversation du demandeur par ${by ?? 'un technicien'}`,
      keyShownToAgent: (by) => `Clé affichée à ${by ?? 'un technicien'}`,
      resolved: (by) => `Résolu par ${by ?? 'un technicien'}`,
      rejectedAsSuspicious: (by) => `Rejeté comme suspect par ${by ?? 'un technicien'}`,
      reopened: (by) => `Rouvert${by === undefined ? '' : ` par ${by}`}`,
      cancelled: () => 'Annulé par le demandeur',
      noteAdded: (by) => (by === undefined ? 'Note du demandeur' : `Note ajoutée par ${by}`),
    },
    textWithheld: '(masqué : cela ressemblait à une clé de récupération)',

    claim: 'Prendre en charge',
    releaseClaim: 'Libérer le ticket',
    recordVerificationTitle: 'Enregistrer la vérification',
    verificationMethodLabel: 'Comment avez-vous vérifié son identité ?',
    verificationMethodRequired: 'Choisissez comment vous avez vérifié son identité.',
    verificationNoteLabel: 'Note (facultatif)',
    verificationNotePlaceholder: 'ex. badge vérifié en vidéo, conforme à la photo RH',
    saveVerification: 'Enregistrer la vérification',
    sendKey: 'Envoyer la clé au demandeur',
    sendKeyHint:
      '« Envoyer la clé au demandeur » vous demande de vous reconnecter, puis place la clé dans la conversation du demandeur. Vous ne la verrez pas.',
    resolve: 'Résoudre',
    reopen: 'Rouvrir',
    rejectOpen: 'Rejeter comme suspect…',
    rejectWarning:
      'Cette action clôt le ticket sans clé, prévient le demandeur et alerte la sécurité. Vous confirmez ?',
    rejectConfirm: 'Oui, rejeter comme suspect',
    showKeyToMe: "M'afficher la clé",
    closedHint: 'Ce ticket est clos. Tapez « queue » pour voir les tickets ouverts.',

    advanced: {
      title: (caseNumber) => `Afficher la clé du ticket ${caseNumber} ?`,
      lines: [
        "Uniquement pour les demandeurs qui ne peuvent pas utiliser Teams. Vous vous reconnectez, puis la clé arrive dans votre conversation privée avec moi. Elle n'est visible que par vous, et l'accès est audité.",
        "Lisez-la au demandeur dont l'identité a été vérifiée, jamais par e-mail ni dans une conversation. Elle fera ensuite l'objet d'une rotation.",
      ],
      reasonLabel: 'Pourquoi avez-vous besoin de la voir ?',
      reasonPlaceholder: "ex. le demandeur n'a pas de téléphone, en appel vidéo avec moi",
      reasonRequired: 'Indiquez pourquoi vous avez besoin de voir la clé.',
      reveal: 'Afficher la clé',
      back: 'Retour au ticket',
    },
    revealed: {
      title: (caseNumber) => `Clé de récupération du ticket ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Ceci n'est visible que par vous. Lisez-la uniquement à ${requesterName}, un bloc à la fois, et ne la notez jamais.`,
      hidesIn: (minutes) =>
        `Masquée de nouveau dans ${minutes} ${plural(minutes, 'minute', 'minutes')}, ou quand vous appuyez sur « Masquer la clé ».`,
      hide: 'Masquer la clé',
      hiddenTitle: (caseNumber) => `Clé de récupération du ticket ${caseNumber} : masquée`,
      hiddenBody:
        "Elle a été affichée une fois : elle sera donc remplacée par une nouvelle. Résolvez le ticket une fois que la personne a retrouvé l'accès.",
      fallback: (caseNumber) =>
        `La clé de récupération du ticket ${caseNumber}. Ouvrez ce message dans Microsoft Teams pour la voir.`,
    },

    requester: {
      title: (caseNumber) => `Votre demande au support n° ${caseNumber}`,
      caseNumberLabel: 'Numéro de demande',
      updates: {
        opened: () => "J'ai transmis votre demande au support informatique.",
        claimed: (agent) =>
          `${agent ?? 'Une personne du support informatique'} s'occupe maintenant de votre demande.`,
        claimReleased: () =>
          "Votre demande est de nouveau dans la file d'attente du support, pour la prochaine personne disponible.",
        verified: () => 'Le support informatique a confirmé votre identité.',
        keySent: () => 'Le support informatique a envoyé votre clé de récupération dans cette conversation.',
        noteAdded: () => "J'ai ajouté votre note à la demande.",
        resolved: () => 'Le support informatique a clôturé votre demande comme résolue.',
        rejected: () => "Le support informatique n'a pas pu traiter cette demande par messagerie.",
        cancelled: () => 'Vous avez annulé cette demande.',
      },
      next: {
        opened:
          'Une personne du support informatique va vous contacter dans Teams pour vérifier votre identité. Le support informatique ne vous demande jamais votre mot de passe ni un code MFA.',
        claimed:
          'Cette personne va vous contacter dans Teams pour vérifier votre identité. Le support informatique ne vous demande jamais votre mot de passe ni un code MFA.',
        claimReleased:
          "Vous n'avez rien à faire : la prochaine personne qui prendra en charge votre demande vous contactera.",
        verified: 'Votre clé va bientôt arriver dans cette conversation.',
        keySent:
          'Cherchez la carte contenant votre clé dans cette conversation. Elle est de nouveau masquée après quelques minutes.',
        noteAdded: 'La personne qui traite votre demande la verra.',
        resolved:
          "Le PC est toujours verrouillé ? Tapez « parler au support » et j'ouvrirai une nouvelle demande.",
        rejected: 'Contactez votre support informatique en personne ou par téléphone.',
        cancelled: 'Dites bonjour quand vous voulez recommencer.',
      },
      addNote: 'Ajouter une note',
      noteLabel: 'Note pour le support',
      notePlaceholder: "ex. le meilleur moment pour m'appeler. Jamais votre clé ni votre mot de passe.",
      noteRequired: 'Tapez votre note.',
      sendNote: 'Envoyer la note',
      cancelRequest: 'Annuler la demande',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `Le ticket ${caseNumber} (${requesterName}) attend depuis ${minutesWaiting} ${plural(minutesWaiting, 'minute', 'minutes')} et personne ne l'a encore pris en charge.`,

    queueTitle: (count) => `Tickets ouverts (${count})`,
    queueEmpty: 'Aucun ticket ouvert pour le moment.',
    queueLine: (caseNumber, requesterName, status) => `Ticket ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `en attente depuis ${minutes} min`,
    moreCases: (count) => `et ${count} ${plural(count, 'autre', 'autres')}`,
    queueHint: "Tapez « case » suivi d'un numéro pour en voir un, par exemple « case 12 ».",

    statsTitle: (day) => `Aujourd'hui (${day})`,
    statsRequests: 'Demandes',
    statsSelfServed: 'En libre-service',
    statsEscalated: 'Transmises au support',
    statsMedianToKey: "Délai médian jusqu'à la clé",
    minutes: (count) => `${count} min`,
    noneYet: 'Pas encore',
    topReasonsTitle: 'Principales causes de blocage',
    noReasons: "Aucune réponse enregistrée aujourd'hui pour l'instant.",
    rootCauses: {
      firmwareUpdate: 'Mise à jour du BIOS ou du firmware',
      windowsUpdate: 'Mise à jour Windows',
      hardwareChange: 'Réparation ou nouveau matériel',
      dockOrPeripheral: 'Dock, écran ou appareil USB',
      wrongPin: "Trop d'erreurs de code PIN",
      nothingUnusual: 'Rien de particulier',
      outOfMyHands: 'Laissé sans surveillance, perdu ou volé',
    },

    auditTitle: (subject) => `Derniers événements d'audit pour ${subject}`,
    auditEmpty: (subject) => `Aucun événement d'audit pour ${subject}.`,
    auditDecisions: {
      released: 'Clé transmise',
      denied: 'Refusé',
      escalated: 'Transmis au support',
      signInMismatch: 'Connexion avec un autre compte',
      signInFailed: 'Échec de la connexion',
      rateLimited: 'Limite atteinte',
      keyCardHidden: 'Carte de la clé masquée',
      rotationRequested: 'Rotation demandée',
      rotationConfirmed: 'Rotation confirmée',
      rotationOverdue: 'Rotation en retard',
      caseChanged: 'Ticket modifié',
    },
    auditBy: (actor) => `par ${actor}`,
    moreAudit: (count) =>
      `${count} ${plural(count, 'événement plus ancien non affiché', 'événements plus anciens non affichés')}`,

    commandsUsage:
      'Commandes du helpdesk : "queue" (dossiers ouverts, les plus anciens d\'abord), "case 12", "stats" (aujourd\'hui) et "audit" suivi de l\'UPN ou de l\'ID d\'objet d\'une personne, du deviceId Entra d\'un appareil ou d\'un ID de clé (au moins ses 8 premiers caractères).',
    refusals: {
      notHelpdeskMember:
        "Désolé, cette action est réservée à l'équipe du support informatique. Rien n'a été modifié.",
      notRequester: "Seule la personne qui a demandé de l'aide peut faire cela.",
      ownCase: "C'est votre propre ticket : un autre technicien doit le prendre en charge.",
      caseClosed: (status) => `Ce ticket est déjà clos (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} a pris en charge ce ticket. Voyez avec cette personne, ou prenez-le en charge une fois qu'il sera libéré.`,
      alreadyOwner: 'Vous avez déjà pris en charge ce ticket.',
      notClaimed: "Prenez d'abord le ticket en charge.",
      verificationRequired:
        "Enregistrez d'abord comment vous avez vérifié l'identité du demandeur. Vous pourrez ensuite envoyer la clé.",
      advancedRoleRequired:
        "« M'afficher la clé » est réservé aux techniciens disposant du rôle de support avancé. Rien n'a été affiché.",
      alreadyReleased: 'La clé a déjà été envoyée pour ce ticket.',
      notClosed: 'Seul un ticket résolu ou rejeté peut être rouvert.',
      unknownMethod: 'Choisissez comment vous avez vérifié son identité.',
      textRequired: {
        note: "Tapez d'abord une note.",
        reason: 'Indiquez pourquoi vous avez besoin de voir la clé.',
      },
      textTooLong: (field, max) =>
        field === 'note'
          ? `Cette note est trop longue. Limitez-la à ${max} caractères.`
          : `Ce motif est trop long. Limitez-le à ${max} caractères.`,
      recoveryPasswordInText:
        "Ce texte ressemblait à une clé de récupération : je ne l'ai donc pas conservé. Ne tapez jamais de clé dans Teams.",
      changed:
        'Ce ticket a été modifié pendant que vous le consultiez. Le voici dans son état actuel : réessayez.',
      outOfDate:
        "Cette carte n'est plus à jour : rien n'a été modifié. Utilisez le message le plus récent concernant votre demande.",
      caseNotFound: (caseNumber) => `Le ticket ${caseNumber} n'existe pas.`,
      unreadableAction:
        "Ce bouton a envoyé quelque chose que je n'ai pas pu lire. Actualisez la carte et réessayez.",
      membershipUnknown:
        "Je n'ai pas pu vérifier votre appartenance au support : l'annuaire ne répond pas. Rien n'a été modifié. Réessayez dans une minute.",
      keyReleaseOff:
        "La transmission des clés n'est pas configurée sur ce bot : le support ne peut donc ni envoyer ni afficher de clés. Résolvez le ticket une fois que la personne a retrouvé l'accès.",
    },
  },
};
