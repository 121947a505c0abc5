/** Spanish (es): neutral Spanish for Spain and Latin America, informal "tú" as in Windows and Teams. */
import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    'ninguno de los equipos del solicitante tiene una clave con ese Id. de clave. Comprueba con la persona el Id. de clave de su pantalla.',
  notAllowedByTenant:
    'Entra ID no permite que este inicio de sesión lea claves de BitLocker. Puede hacerlo un agente con un rol que permita leer claves (por ejemplo, Helpdesk Administrator).',
  notInSelfServiceGroup: 'el solicitante no tiene permiso para obtener claves.',
  rateLimited:
    'esta persona ha recibido demasiadas claves en las últimas 24 horas. Revisa el equipo en persona.',
  deviceRateLimited:
    'este equipo ha recibido demasiadas claves en las últimas 24 horas. Revísalo en persona.',
  riskStop: 'la solicitud se detuvo por riesgo.',
  deviceDisabled: 'el equipo está deshabilitado en Entra ID. Averigua por qué antes de desbloquearlo.',
  repeatRecovery:
    'este equipo se desbloqueó con una clave hace menos de una hora. Algo lo sigue bloqueando: revísalo en persona.',
  directoryUnavailable: 'Microsoft Graph no respondió. Vuelve a intentarlo en unos minutos.',
  alreadyReleased: 'esta clave ya se entregó para este caso.',
};

const minutesWord = (minutes: number): string => (minutes === 1 ? 'minuto' : 'minutos');

export const es: Messages = {
  welcomeTitle: 'Recuperación de BitLocker',
  welcomeBody:
    '¿Una pantalla azul de BitLocker no te deja entrar? Puedo ayudarte a encontrar la clave de recuperación correcta de tu equipo de la empresa o pedir ayuda a TI.',
  neverAskForPassword: 'Nunca te pediré tu contraseña ni un código MFA.',
  welcomeKeyIdLabel: 'Id. de clave de la pantalla azul',
  send: 'Enviar',
  welcomeOrTellMe: 'O cuéntame qué pasa, con tus propias palabras.',
  greetAgain:
    '¡Hola de nuevo! Si tu equipo muestra la pantalla de BitLocker, escribe el Id. de clave que aparece (como 4290B6C0) o cuéntame qué pasa.',
  acknowledged:
    'De acuerdo. Cuando quieras, escribe el Id. de clave de la pantalla azul o cuéntame qué pasa.',
  startRecovery: 'Mi equipo muestra la pantalla de recuperación de BitLocker',
  startWhereKeyId: '¿Dónde encuentro el Id. de clave?',
  startTalkToIt: 'Hablar con TI',
  startOver: 'Empezar de nuevo',

  helpTitle: 'Lo que puedo hacer',
  helpIntro: 'Cuéntamelo con tus palabras. Estos comandos también funcionan en cualquier momento:',
  helpCommands: [
    { command: 'ayuda', description: 'mostrar esta lista' },
    { command: 'empezar de nuevo', description: 'volver a empezar desde el principio' },
    { command: 'cancelar', description: 'detener la solicitud actual' },
    { command: 'estado', description: 'ver tu solicitud abierta' },
    { command: 'hablar con TI', description: 'pedir ayuda al soporte técnico' },
  ],

  keyIdHelpTitle: 'Cómo encontrar el Id. de clave',
  keyIdHelpSteps: [
    'Mira la pantalla azul de recuperación de BitLocker en el equipo bloqueado.',
    'Cerca de la parte inferior, busca "Id. de clave de recuperación" (en pantallas antiguas, "Id. de clave"). Detrás aparecen letras y números.',
    'Escribe los 8 primeros abajo o en el chat; por ejemplo, 4290B6C0. También puedes escribir más.',
  ],
  keyIdHelpNotes: [
    'Windows 11 también puede mostrar una pista de una cuenta Microsoft. En ese caso, la clave probablemente esté guardada en esa cuenta personal.',
    'Si presionas Alt, aparece un código de error, como E_FVE_DEVICE_LOCKEDOUT. Conviene anotarlo, pero no es imprescindible.',
  ],

  keyIdLabel: 'Id. de clave',
  requestNumberLabel: 'Número de solicitud',
  askKeyIdTitle: '¿Cuál es el Id. de clave?',
  askKeyIdWhere:
    'Está cerca de la parte inferior de la pantalla azul, después de "Id. de clave de recuperación". Bastan los 8 primeros caracteres.',
  askKeyIdOrType: 'También puedes escribirlo directamente en el chat.',
  notedTitle: 'Hasta ahora',
  keyIdPlaceholder: 'p. ej., 4290B6C0',
  keyIdRequired: 'Escribe el Id. de clave de la pantalla azul.',
  whereIsIt: '¿Dónde está?',

  keyIdTooShort: (digits) =>
    `Recibí ${digits} ${digits === 1 ? 'carácter' : 'caracteres'}. El Id. de clave necesita al menos 8: escribe los 8 primeros de la pantalla azul.`,
  notAKeyId:
    'Eso no parece un Id. de clave. Solo usa 0-9 y A-F, como 4290B6C0, y aparece después de "Id. de clave de recuperación" en la pantalla azul.',
  twoKeyIds: 'Veo más de un Id. de clave. Envía solo el que aparece en tu pantalla azul.',
  passwordPastedTitle: 'Esa clave es solo para ti',
  passwordPastedLines: [
    'Eso parecía una clave de recuperación (48 dígitos).',
    'Nunca la pegues en ningún chat, ni aquí ni en ningún otro sitio. No la he guardado.',
    'Si la escribiste por error, elimina ese mensaje.',
    'Solo necesito el Id. de clave: el código corto que aparece después de "Id. de clave de recuperación" en la pantalla azul.',
  ],

  confirmKeyIdQuestion: (keyId) => `¿Quisiste decir ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `Lo corregí así: ${corrections.join(', ')}, porque el Id. de clave solo usa 0-9 y A-F.`,
  confirmKeyIdYes: 'Sí',
  confirmKeyIdNo: 'No, corregir',

  answersTitle: '¿Qué pasó justo antes de la pantalla azul?',
  rootCauseButtons: {
    firmwareUpdate: 'Actualización de BIOS o firmware',
    windowsUpdate: 'Actualización de Windows',
    hardwareChange: 'Reparación o hardware nuevo',
    dockOrPeripheral: 'Dock, monitor o dispositivo USB nuevo',
    wrongPin: 'PIN incorrecto demasiadas veces',
    nothingUnusual: 'Nada fuera de lo normal',
    outOfMyHands: 'Lo perdí, me lo robaron o estuvo en otras manos',
  },
  assumedWorkPc: 'Esto es para tu equipo de la empresa.',
  notWorkPc: '¿No es un equipo de la empresa?',
  deviceKindButtons: {
    personalPc: 'Mi equipo personal',
    secondHand: 'Un equipo de segunda mano',
    oldDomainPc: 'Un equipo antiguo del dominio de la empresa',
  },
  errorCodeHint:
    '¿Hay un código de error en la pantalla (presiona Alt), como E_FVE_DEVICE_LOCKEDOUT? Si quieres, escríbelo aquí.',
  rootCauseChoices: {
    firmwareUpdate: 'Una actualización de BIOS o firmware',
    windowsUpdate: 'Una actualización de Windows',
    hardwareChange: 'Una reparación o hardware nuevo',
    dockOrPeripheral: 'Un dock, monitor o dispositivo USB nuevo',
    wrongPin: 'Un PIN incorrecto, demasiadas veces',
    nothingUnusual: 'Nada fuera de lo normal',
    outOfMyHands: 'El equipo estuvo en otras manos, pudo ser manipulado, o está perdido o robado',
  },
  deviceKindChoices: {
    workPc: 'Mi equipo de la empresa',
    personalPc: 'Mi equipo personal',
    secondHand: 'Un equipo de segunda mano',
    oldDomainPc: 'Un equipo antiguo unido al dominio de la empresa',
    notSure: 'No lo sé',
  },
  whyDidThisHappen: '¿Por qué ocurre esto?',

  verifyTitle: 'Gracias, ya tengo todo lo que necesito',
  verifyAgainTitle: 'Casi listo: verifica tu identidad',
  rootCauseFact: 'Qué pasó',
  deviceKindFact: 'Equipo',
  errorCodeFact: 'Código de error',
  verifyNext:
    'Siguiente paso: un inicio de sesión rápido con Microsoft confirma que eres tú. Aquí nunca te pediré tu contraseña.',
  verifyButton: 'Verificar identidad',
  verifyNotSwitchedOn:
    'Aquí todavía no está activado el inicio de sesión de autoservicio, así que alguien de TI tiene que ayudarte con esto.',

  guides: {
    personalAccount: {
      title: 'Tu clave probablemente está en una cuenta Microsoft',
      intro:
        'Los equipos personales suelen guardar la clave en la cuenta Microsoft con la que se configuraron. En tu teléfono o en otro dispositivo:',
      points: [
        'Abre aka.ms/myrecoverykey.',
        'Inicia sesión con la cuenta Microsoft que usas en el equipo bloqueado. Las pantallas azules más recientes muestran una pista de esa cuenta.',
        'Busca la clave cuyo Id. de clave coincida con el de tu pantalla.',
        'Escribe sus 48 dígitos en el equipo bloqueado.',
      ],
      closing: [
        '¿No está ahí? Prueba con tus otras cuentas Microsoft y, si el equipo es compartido, con las de tu familia.',
        'La clave es solo para ti: nunca la pegues en un chat.',
      ],
    },
    secondHand: {
      title: 'Un equipo de segunda mano',
      intro:
        'Solo quien activó BitLocker, el dueño anterior o el vendedor, puede tener la clave de recuperación de este equipo.',
      points: [
        'Pídele que la busque en aka.ms/myrecoverykey con el Id. de clave de tu pantalla.',
        'No pagues servicios de "recuperación" en línea: nadie puede desbloquear los datos sin la clave.',
        '¿Te dio TI este equipo, quizá el que usaba un compañero? Entonces cuenta como equipo de la empresa: toca "Empezar de nuevo" y encontraré su clave.',
      ],
      closing: [
        'Si no aparece la clave, se puede restablecer el equipo y volver a usarlo, pero se borrarán los archivos que contiene.',
      ],
    },
    noKeyAnywhere: {
      title: '¿No tienes ninguna copia de la clave?',
      intro:
        'Para un equipo de la empresa no necesitas tu propia copia: TI guarda su clave y puedo encontrarla por ti. Para un equipo personal, busca:',
      points: [
        'Una copia impresa: carpetas de papeles, cajones, la caja del equipo.',
        'Una memoria USB.',
        'Un archivo .txt con un nombre como "Clave de recuperación de BitLocker" (o "BitLocker Recovery Key") seguido del Id. de clave, en otro equipo, una unidad o un almacenamiento en la nube.',
        'Un correo que te hayas enviado.',
        'Tu administrador de contraseñas.',
        'La cuenta Microsoft que usas en el equipo: aka.ms/myrecoverykey.',
      ],
      closing: [
        'Para ser sinceros: nadie puede volver a crear una clave de recuperación perdida, ni TI ni Microsoft.',
        'Si no aparece ninguna copia, el último recurso es restablecer el equipo. Después vuelve a funcionar, pero se borran los archivos que contiene. Los archivos de OneDrive o de otra copia de seguridad siguen a salvo allí.',
      ],
    },
    whyThisHappened: {
      title: 'Por qué BitLocker pide la clave',
      intro:
        'BitLocker protege tus archivos. Cuando cambia algo en la forma en que arranca el equipo, pide la clave para asegurarse de que sigue en las manos correctas. Causas habituales:',
      points: [
        'Una actualización de BIOS o firmware, o un cambio en la configuración de Arranque seguro.',
        'Una reparación o hardware nuevo, como una placa base o un chip de seguridad (TPM) nuevos.',
        'Una actualización importante de Windows o una reinstalación.',
        'Un PIN incorrecto escrito demasiadas veces.',
        'Un dock o dispositivo USB conectado al encender, que cambia la forma en que arranca el equipo.',
        'A veces, alguien que intenta entrar en el equipo.',
      ],
      closing: ['No es culpa tuya. Con la clave correcta, el equipo se desbloquea como siempre.'],
    },
    ownCopy: {
      title: 'Cómo usar tu propia copia',
      intro: 'Bien: tu propia copia sirve igual, si es la correcta.',
      points: [
        'Comprueba que el Id. de clave que la acompaña empieza igual que el de la pantalla azul.',
        'Escribe los 48 dígitos con las teclas numéricas de la fila superior del teclado. Si no responden, F1–F10 equivalen a 1–0.',
        'Si escribes mal un bloque de 6 dígitos, se marca: vuelve a escribir solo ese bloque.',
      ],
      closing: [
        '¿No es el mismo Id. de clave o no la acepta? Para un equipo de la empresa puedo encontrar la clave correcta: toca "Buscar mi clave".',
        'Después, guarda la copia lejos del equipo y nunca la pegues en un chat.',
      ],
    },
    keyRejected: {
      title: 'Si no acepta la clave',
      intro: 'Revisa esto, paso a paso:',
      points: [
        'El Id. de clave de la pantalla azul debe empezar igual que el de la clave que escribes. Si no, es otra clave.',
        'Escribe con las teclas numéricas de la fila superior del teclado. Si no aparece nada, F1–F10 equivalen a 1–0.',
        'Un bloque que se pone en rojo tiene un dígito incorrecto: vuelve a escribir solo ese bloque.',
        'Algunos equipos tienen más de una clave: prueba con la otra que aparece para ese equipo.',
      ],
      closing: ['¿Sigues sin poder entrar? TI puede ayudarte: toca "Hablar con TI".'],
    },
    prevention: {
      title: 'Cómo evitar el próximo bloqueo',
      intro: 'Unos pocos hábitos hacen que la próxima vez sea fácil:',
      points: [
        'TI guarda la clave de tu equipo de la empresa, y yo estoy aquí en Teams siempre que me necesites.',
        '¿Vas a hacer una actualización de BIOS o una reparación? Avisa antes a TI: pueden suspender BitLocker mientras tanto.',
        'Para un equipo personal, guarda la clave en tu cuenta Microsoft (aka.ms/myrecoverykey) o imprímela y guárdala lejos del equipo.',
        'Guarda tus archivos en OneDrive o en otra copia de seguridad, para que perder una clave nunca signifique perder tu trabajo.',
      ],
      closing: ['Nunca guardes una clave en un chat, un correo o una foto.'],
    },
    security: {
      title: 'Tu clave es solo para ti',
      intro: 'Una clave de recuperación desbloquea todo lo que hay en tu equipo. Por eso:',
      points: [
        'Nunca se la des a nadie que te llame, te escriba un correo o te envíe un mensaje, aunque diga que es de TI o de Microsoft. TI nunca te la pide.',
        'Nunca la dictes por teléfono, la envíes por correo ni la publiques en un chat, ni siquiera a un compañero o a tu responsable.',
        'Escríbela solo en la pantalla azul de tu propio equipo.',
        '¿Alguien te la pidió? Es una señal de alarma: avisa a seguridad de TI.',
      ],
      closing: ['¿Ya se la diste a alguien? Avisa ahora a seguridad de TI: se reemplazará la clave.'],
    },
  },
  openMyRecoveryKey: 'Abrir aka.ms/myrecoverykey',
  cantFindItThere: 'No la encuentro ahí',
  findMyKey: 'Buscar mi clave',
  reportToSecurity: 'Avisar a seguridad de TI',

  didYouMean: '¿Quisiste decir…?',
  outOfScopeTitle: 'Solo puedo ayudarte con BitLocker',
  outOfScopeBody:
    'Ayudo cuando un equipo se detiene en la pantalla azul de recuperación de BitLocker. Para cualquier otra cosa, ponte en contacto con TI por la vía habitual.',
  intentLabels: {
    recoveryScreen: 'Mi equipo muestra la pantalla de recuperación de BitLocker',
    whereKeyId: '¿Dónde encuentro el Id. de clave?',
    whyHappened: '¿Por qué ocurre esto?',
    personalPc: 'Es un equipo personal',
    secondHand: 'Es un equipo de segunda mano',
    ownCopy: 'Tengo mi propia copia de la clave',
    noKeyAnywhere: 'No encuentro la clave por ningún lado',
    keyDidNotWork: 'La clave no funcionó',
    itWorked: 'Funcionó',
    talkToIt: 'Hablar con TI',
    status: 'Estado de mi solicitud',
    cancel: 'Cancelar mi solicitud',
    restart: 'Empezar de nuevo',
    help: '¿Qué puedes hacer?',
    prevention: 'Cómo evitarlo la próxima vez',
    security: 'Alguien me pidió la clave',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? 'Genial, ya estás dentro. He ocultado la clave de este chat.'
      : 'Me alegro. Aquí estoy siempre que me necesites.',

  riskStopTitle: 'Vamos a hacerlo con seguridad',
  riskStopLines: [
    'Como el equipo pudo estar en otras manos, TI lo revisará contigo en persona.',
    'Por tu seguridad, no se mostrará ninguna clave en el chat para este equipo.',
    'He pedido ayuda a TI. Recibirán un aviso y se pondrán en contacto contigo; si el equipo se perdió o te lo robaron, díselo entonces.',
  ],

  caseRequestedTitle: 'He pedido ayuda a TI',
  caseReasons: {
    requesterAsked: 'Pediste hablar con una persona, así que he pasado tu solicitud.',
    riskStop: 'Como el equipo pudo estar en otras manos, TI lo revisará contigo en persona.',
    onPremisesDevice:
      'La clave de un equipo antiguo del dominio se guarda en los servidores de la empresa, así que TI la buscará por ti.',
    notUnderstood: 'No he podido resolverlo por chat, así que se lo he pasado a una persona.',
    notReleasable:
      'No he podido darte una clave para ese Id. de clave desde aquí. Eso pasa cuando no está en un equipo registrado a tu nombre o cuando no se permite el autoservicio para él.',
    rateLimited:
      'Has llegado al número de claves que puedo mostrarte en un día, así que alguien de TI te ayudará con esto.',
    directoryUnavailable:
      'El directorio de Microsoft no responde en este momento, así que he pasado tu solicitud a una persona para que no tengas que esperar.',
    signInMismatch:
      'Se inició sesión con una cuenta distinta a la que usas en Teams, así que no he podido usar ese inicio de sesión.',
    keyDidNotWork: 'La clave no funcionó, así que alguien de TI lo revisará contigo.',
    rotationOverdue:
      'La clave que se mostró todavía no se ha reemplazado, así que TI se encargará de hacerlo.',
    notInSelfServiceGroup:
      'Tu cuenta no tiene activado el autoservicio de claves, así que alguien de TI te hará llegar la clave.',
    alreadyReleased:
      'La clave de este equipo ya se te mostró, así que no la mostraré otra vez aquí. Si no funcionó, TI te ayudará.',
    repeatRecovery:
      'La clave de este equipo se mostró hace menos de una hora y se ha vuelto a bloquear, así que TI revisará por qué.',
    deviceDisabled:
      'Este equipo está desactivado en el directorio de la empresa, así que TI tiene que revisarlo primero.',
    notAllowedByTenant:
      'Tu organización no permite que cada persona lea sus propias claves, así que alguien de TI te hará llegar la clave.',
    suspiciousContact:
      'Gracias por avisar. Se lo he comunicado a TI y alguien se pondrá en contacto contigo. Mientras tanto, no compartas la clave con nadie.',
  },
  keyShownAt: (time) => `Se mostró el ${time}.`,
  caseNext:
    'TI recibirá un aviso con lo que me contaste y se pondrá en contacto contigo. No hace falta que vuelvas a explicarlo todo.',
  caseWithoutKeyId: 'Si puedes, anota el Id. de clave de la pantalla azul: TI te lo pedirá.',
  caseStatusHint: 'Escribe "estado" cuando quieras para ver tu solicitud.',

  offerIt: 'Lo siento, no te estoy entendiendo bien. ¿Quieres que te ayude alguien de TI?',
  cancelled: (hadRequest) =>
    hadRequest
      ? 'De acuerdo, he cancelado esa solicitud. Salúdame cuando quieras volver a empezar.'
      : 'No había nada que cancelar. Salúdame cuando quieras empezar.',

  statusTitle: 'Tu solicitud',
  statusNowFact: 'Ahora',
  statusLastFact: 'Última solicitud',
  statusSteps: {
    idle: 'Nada en curso.',
    awaitingKeyId: 'Esperando tu Id. de clave.',
    confirmingKeyId: 'Esperando que confirmes el Id. de clave.',
    awaitingAnswers: 'Esperando que me digas qué pasó justo antes.',
  },
  statusOutcomes: {
    none: 'Ninguna todavía.',
    verification: 'Lista para comprobar tu identidad con un inicio de sesión de Microsoft.',
    released: 'Tu clave se mostró en este chat.',
    case: 'Pasada a TI. Recibirán un aviso y se pondrán en contacto contigo.',
    cancelled: 'Cancelada.',
    guided: (guideTitle) => `Te mostré "${guideTitle}".`,
  },

  expired: 'Hola de nuevo. Ha pasado más de un día, así que empezamos desde cero.',
  missLimit:
    'Hoy no puedo abrir otra solicitud aquí: esos ID de clave no coinciden con ninguno de tus PC. Llama al soporte técnico o acércate.',
  staleCard: 'Ese botón es de una solicitud anterior. Este es el punto en el que estamos ahora.',
  preventionTips:
    'Un consejo para la próxima vez: TI guarda una copia de la clave de tu equipo de la empresa, y yo estoy aquí en Teams siempre que me necesites. Para un equipo personal, guarda su clave en tu cuenta Microsoft o imprímela y guárdala lejos del equipo. Nunca guardes una clave en un chat, un correo o una foto.',

  release: {
    title: 'Tu clave de recuperación',
    deviceLabel: 'Equipo',
    compareKeyId: 'Primero comprueba que el Id. de clave de tu pantalla azul empieza igual.',
    howToType:
      'Escribe los 8 bloques con las teclas numéricas de la fila superior del teclado (si no funcionan, F1–F10 equivalen a 1–0). La pantalla avanza después de cada bloque y marca el bloque que esté mal.',
    hidesIn: (minutes) =>
      `Por tu seguridad, ocultaré esta clave en ${minutes} ${minutesWord(minutes)} o en cuanto me digas que funcionó.`,
    worked: 'Funcionó',
    didNotWork: 'No funcionó',
    oneBlockAtATime: 'Mostrar bloque por bloque',
    allBlocks: 'Mostrar todos los bloques',
    nextBlock: 'Bloque siguiente',
    previousBlock: 'Bloque anterior',
    blockOf: (index, count) => `Bloque ${index} de ${count}`,
    fallback: 'Tu clave de recuperación está en este mensaje. Ábrelo en Microsoft Teams para verla.',
    needMoreDigits: (matches) =>
      `Hay más de una clave en tus equipos que empieza así (${matches} en total). Escribe más caracteres del Id. de clave, al menos los 12 primeros, y lo volveré a comprobar.`,
    interrupted:
      'Algo me interrumpió antes de poder mostrar tu clave, así que no se mostró nada. Escribe "restart" para intentarlo de nuevo.',
    maybeShown:
      'Algo me interrumpió mientras mostraba tu clave. Si la ves más arriba, puedes usarla: ahora no puedo ocultarla, y el soporte técnico se encargará de que se sustituya.',
    troubleshooting:
      'Lo siento. Comprueba que el Id. de clave de la pantalla coincide con el de mi tarjeta y que cada bloque se aceptó sin marca roja. Si sigue sin funcionar, TI te ayudará: ya les he pasado tu solicitud.',
  },
  signIn: {
    mismatch: (name) =>
      `Ese inicio de sesión se hizo ${name ? `como ${name}` : 'con otra cuenta'} y no con tu cuenta, así que no he podido usarlo. Toca "Verificar identidad" de nuevo e inicia sesión con tu propia cuenta de trabajo.`,
    failed:
      'Ese inicio de sesión no funcionó o tardó demasiado. Toca "Verificar identidad" de nuevo para obtener un enlace nuevo.',
    stale:
      'Ese inicio de sesión es de una solicitud anterior. Si todavía necesitas una clave, escribe "empezar de nuevo".',
  },
  signInPage: {
    closeThisPage: 'Puedes cerrar esta página.',
    goBack: (button) => `Vuelve a Teams y toca “${button}” de nuevo.`,
    verified: {
      title: 'Identidad verificada',
      body: 'Vuelve a Teams: mi respuesta está en el chat o llegará en un momento.',
    },
    mismatch: {
      title: 'Has iniciado sesión con otra cuenta',
      body: (name) =>
        `Has iniciado sesión ${name ? `como ${name}` : 'con otra cuenta'} y no como la persona que preguntó en Teams, así que me he detenido y no he mostrado nada.`,
      ownAccount: 'Después, inicia sesión con tu propia cuenta de trabajo.',
    },
    trouble: { title: 'Algo ha fallado por mi parte', body: 'No se ha mostrado nada.' },
    failures: {
      stateUnknownOrUsed: {
        title: 'Este enlace de inicio de sesión ya se usó',
        body: 'Cada enlace funciona una sola vez.',
      },
      stateExpired: {
        title: 'Este enlace de inicio de sesión ha caducado',
        body: 'Cada enlace funciona solo unos minutos.',
      },
      tokenInvalid: { title: 'No he podido confirmar tu inicio de sesión', body: 'No se ha mostrado nada.' },
      authTooOld: {
        title: 'Tu inicio de sesión no era lo bastante reciente',
        body: 'Necesito un inicio de sesión de los últimos minutos.',
      },
      missingAuthContext: {
        title: 'Tu organización pide un inicio de sesión más seguro',
        body: 'Vuelve a iniciar sesión con el método que exige tu organización (por ejemplo, la aplicación Authenticator o una llave de seguridad).',
      },
      entraError: { title: 'El inicio de sesión no terminó', body: 'Se canceló o se rechazó.' },
      wrongTenant: {
        title: 'Esa no era tu cuenta de trabajo',
        body: 'Inicia sesión con tu cuenta de trabajo.',
      },
    },
  },
  keyHidden: {
    title: 'Clave de recuperación oculta',
    body: 'He ocultado la clave de este chat. Ya se mostró una vez, así que TI se asegurará de reemplazarla por una nueva.',
    askAgain: '¿Sigues sin poder entrar? Escribe "empezar de nuevo" y te vuelvo a ayudar.',
  },

  releaseNotice: {
    subject: (deviceName) => `Se mostró la clave de recuperación de BitLocker de ${deviceName}`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Hola, ${requesterName}:`,
      `La clave de recuperación de BitLocker de tu dispositivo ${deviceName} se mostró en tu chat de Microsoft Teams con el bot de recuperación de BitLocker el ${day} ${time.startsWith('01:') ? 'a la' : 'a las'} ${time} (UTC).`,
      `Id. de clave: ${keyId}`,
      'Si fuiste tú, no tienes que hacer nada más. TI se encarga de reemplazar la clave por una nueva.',
      'Si no fuiste tú, ponte en contacto ahora con el soporte técnico o con el departamento de seguridad, por teléfono o en persona, y cuéntales lo de este mensaje.',
      'Este mensaje se envió automáticamente. No contiene la clave, y TI nunca te pedirá tu contraseña ni un código de inicio de sesión.',
    ],
  },

  groupChatRedirect:
    'Solo ayudo con la recuperación de BitLocker en un chat privado, para que tus datos queden entre nosotros. Abre un chat privado conmigo para empezar.',
  turnError: 'Lo siento, se produjo un error por mi parte. Vuelve a intentarlo en un momento.',
  slowDown:
    'Son muchos mensajes a la vez, así que hago una breve pausa. Espera un minuto y luego envía un solo mensaje con lo que necesitas.',

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Solicitud de recuperación de BitLocker sospechosa: ${agentName} rechazó el caso ${caseNumber} de ${requesterName}${keyId ? ` (Id. de clave ${keyId})` : ''}. Nota del agente: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} avisa de que alguien le pidió su clave de recuperación de BitLocker (caso ${caseNumber}). Trátalo como un posible intento de ingeniería social.`,
    probingAlert: (requesterName, misses) =>
      `Posible sondeo: ${requesterName} ha introducido hoy ${misses} ID de clave que no coinciden con ninguno de sus PC. Hoy no se abrirán más casos para esta persona. Si te contacta, verifica su identidad con cuidado.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} ha enviado más de ${dropped} mensajes al bot en pocos minutos; no se han respondido. Puede ser un cliente bloqueado o un intento de saturar el bot.`,
    keyFlowInterrupted: (caseNumber) =>
      `La entrega de la clave del caso ${caseNumber} se interrumpió antes de que nadie la viera. Pulsa el botón de nuevo para reintentarlo.`,
    keyFlowMaybeShown: (caseNumber) =>
      `La entrega de la clave del caso ${caseNumber} se interrumpió mientras se enviaba la tarjeta: puede que se haya mostrado y no se puede ocultar. Se comprobará su rotación como siempre.`,
    sendKeyFlow: {
      signInNotice:
        'Para enviar la clave, vuelve a iniciar sesión. La clave va directamente al chat del solicitante; tú no la verás.',
      signInButton: 'Iniciar sesión y enviar la clave',
      sent: (name) => `La clave ya está en el chat de ${name}. Se ocultará sola a los pocos minutos.`,
      severalKeys: (matches) =>
        matches === 1
          ? 'Una clave de los equipos del solicitante empieza por ese Id. de clave. Pídele más caracteres y vuelve a intentarlo.'
          : `${matches} claves de los equipos del solicitante empiezan por ese Id. de clave. Pídele más caracteres y vuelve a intentarlo.`,
      notReleased: (reason) =>
        `No se envió ninguna clave: ${helpdeskDenials[reason]} No se cambió nada en el caso.`,
      signInFailed:
        'Ese inicio de sesión no sirve para enviar la clave. Vuelve a seleccionar "Enviar clave al solicitante".',
    },
    showKeyFlow: {
      signInNotice:
        'Para ver la clave, vuelve a iniciar sesión. Llegará a tu chat privado conmigo, donde solo tú la verás.',
      signInButton: 'Iniciar sesión y mostrar la clave',
      shown: (name) =>
        `La clave se mostró a ${name} en su chat privado conmigo. Se reemplazará cuando se haya usado.`,
      privateChatFailed:
        'No he podido abrir un chat privado contigo, así que no se leyó ninguna clave. Abre un chat conmigo en Teams y vuelve a seleccionar "Mostrarme la clave".',
      notDelivered:
        'No he podido poner la clave en tu chat privado, así que nadie la ha visto. Vuelve a seleccionar "Mostrarme la clave" dentro de un minuto.',
      notShown: (reason) =>
        `No se mostró ninguna clave: ${helpdeskDenials[reason]} No se cambió nada en el caso.`,
      signInFailed:
        'Ese inicio de sesión no sirve para mostrar la clave. Vuelve a seleccionar "Mostrarme la clave".',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Caso ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Caso ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Abierto: esperando a un agente',
      claimed: 'Asignado: verifica al solicitante',
      verified: 'Verificado: listo para enviar la clave',
      released: 'Clave entregada: resuélvelo cuando la persona vuelva a entrar',
      resolved: 'Resuelto',
      cancelled: 'Cancelado por el solicitante',
      rejected: 'Rechazado por sospechoso',
      reopened: 'Reabierto: esperando a un agente',
    },
    reasons: {
      requesterAsked: 'Pidió hablar con una persona',
      riskStop:
        'Detenido por riesgo: el equipo estuvo en otras manos, pudo ser manipulado, o está perdido o robado',
      onPremisesDevice: 'Equipo de dominio local: la clave está en el AD local',
      notUnderstood: 'No se pudo resolver por chat',
      notReleasable:
        'No hay ninguna clave que se pueda entregar para este Id. de clave (sin coincidencias, no es su equipo o no está permitido)',
      rateLimited: 'Superó el límite de claves por autoservicio',
      directoryUnavailable: 'Microsoft Graph no respondía',
      signInMismatch: 'Se inició sesión con otra cuenta',
      keyDidNotWork: 'Se entregó la clave, pero no funcionó',
      rotationOverdue: 'La clave entregada no se rotó en 24 horas',
      notInSelfServiceGroup: 'No está en el grupo de autoservicio',
      alreadyReleased: 'La clave ya se mostró para esta solicitud',
      repeatRecovery: 'Se volvió a bloquear menos de una hora después de una entrega',
      deviceDisabled: 'El equipo está deshabilitado en Entra ID',
      notAllowedByTenant: 'El inquilino no permite que los propietarios lean sus claves',
      suspiciousContact: 'Avisó de que alguien le pidió su clave de recuperación',
    },
    requesterLabel: 'Solicitante',
    reasonLabel: 'Motivo',
    ownerLabel: 'Asignado a',
    nobodyYet: 'Nadie todavía',
    verificationLabel: 'Verificación',
    notVerifiedYet: 'Todavía no',
    verifiedBy: (method, agentName) => `${method}, por ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: 'Videollamada con documento con foto',
      inPerson: 'En persona',
      managerConfirmation: 'Confirmado por su responsable en Teams',
    },
    devicesTitle: 'Sus equipos',
    noDevices: 'No se encontraron equipos registrados de esta persona.',
    trustTypes: {
      AzureAd: 'Unido a Entra ID',
      ServerAd: 'Híbrido o unido a dominio',
      Workplace: 'Registrado (personal)',
      unknown: 'Tipo de unión desconocido',
    },
    lastSignIn: (when) => `último inicio de sesión: ${when}`,
    moreDevices: (count) => `y ${count} más`,
    historyTitle: 'Historial',
    earlierHistory: (count) => `${count} ${count === 1 ? 'entrada anterior' : 'entradas anteriores'}`,
    events: {
      opened: () => 'Caso abierto',
      detailsAdded: () => 'Equipos y datos consultados',
      posted: () => 'Publicado en este canal',
      reminded: () => 'Sigue sin asignar: se avisó al canal',
      claimed: (by) => `Asignado a ${by ?? 'un agente'}`,
      claimReleased: (by) => `${by ?? 'El agente asignado'} liberó el caso`,
      verificationRecorded: (by) => `Verificado por ${by ?? 'un agente'}`,
      keySentToRequester: (by) => `${by ?? 'Un agente'} envió la clave al chat del solicitante`,
      keyShownToAgent: (by) => `Clave mostrada a ${by ?? 'un agente'}`,
      resolved: (by) => `Resuelto por ${by ?? 'un agente'}`,
      rejectedAsSuspicious: (by) => `${by ?? 'Un agente'} lo rechazó por sospechoso`,
      reopened: (by) => `Reabierto${by === undefined ? '' : ` por ${by}`}`,
      cancelled: () => 'Cancelado por el solicitante',
      noteAdded: (by) => (by === undefined ? 'Nota del solicitante' : `Nota de ${by}`),
    },
    textWithheld: '(oculto: parecía una clave de recuperación)',

    claim: 'Asignármelo',
    releaseClaim: 'Liberar',
    recordVerificationTitle: 'Registrar verificación',
    verificationMethodLabel: '¿Cómo verificaste su identidad?',
    verificationMethodRequired: 'Elige cómo verificaste su identidad.',
    verificationNoteLabel: 'Nota (opcional)',
    verificationNotePlaceholder:
      'p. ej., credencial revisada en videollamada, coincide con la foto de RR. HH.',
    saveVerification: 'Guardar verificación',
    sendKey: 'Enviar clave al solicitante',
    sendKeyHint:
      '"Enviar clave al solicitante" te pide volver a iniciar sesión y luego pone la clave en el chat del solicitante. Tú no la verás.',
    resolve: 'Resolver',
    reopen: 'Reabrir',
    rejectOpen: 'Rechazar por sospechoso…',
    rejectWarning:
      'Esto cierra el caso sin clave, avisa al solicitante y alerta a seguridad. ¿Quieres continuar?',
    rejectConfirm: 'Sí, rechazar por sospechoso',
    showKeyToMe: 'Mostrarme la clave',
    closedHint: 'Este caso está cerrado. Escribe "queue" para ver los casos abiertos.',

    advanced: {
      title: (caseNumber) => `¿Mostrar la clave del caso ${caseNumber}?`,
      lines: [
        'Solo para solicitantes que no pueden usar Teams. Vuelves a iniciar sesión y la clave llega a tu chat privado conmigo. Solo tú la ves, y queda registrado en la auditoría.',
        'Díctasela al solicitante verificado, nunca por correo ni por chat. Después se rotará.',
      ],
      reasonLabel: '¿Por qué necesitas verla?',
      reasonPlaceholder: 'p. ej., el solicitante no tiene teléfono; estamos en videollamada',
      reasonRequired: 'Escribe por qué necesitas ver la clave.',
      reveal: 'Mostrar clave',
      back: 'Volver al caso',
    },
    revealed: {
      title: (caseNumber) => `Clave de recuperación del caso ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Solo tú ves esto. Díctasela solo a ${requesterName}, bloque por bloque, y nunca la anotes.`,
      hidesIn: (minutes) =>
        `Se ocultará de nuevo en ${minutes} ${minutesWord(minutes)} o cuando selecciones "Ocultar clave".`,
      hide: 'Ocultar clave',
      hiddenTitle: (caseNumber) => `Clave de recuperación del caso ${caseNumber}: oculta`,
      hiddenBody:
        'Ya se mostró una vez, así que se reemplazará por una nueva. Resuelve el caso cuando la persona haya vuelto a entrar.',
      fallback: (caseNumber) =>
        `La clave de recuperación del caso ${caseNumber}. Abre este mensaje en Microsoft Teams para verla.`,
    },

    requester: {
      title: (caseNumber) => `Tu solicitud a TI n.º ${caseNumber}`,
      caseNumberLabel: 'Número de solicitud',
      updates: {
        opened: () => 'He pasado tu solicitud al soporte técnico.',
        claimed: (agent) => `${agent ?? 'Alguien de TI'} se está ocupando de tu solicitud.`,
        claimReleased: () =>
          'Tu solicitud ha vuelto a la cola del soporte técnico para la siguiente persona disponible.',
        verified: () => 'TI ha confirmado tu identidad.',
        keySent: () => 'TI ha enviado tu clave de recuperación a este chat.',
        noteAdded: () => 'He agregado tu nota a la solicitud.',
        resolved: () => 'TI ha cerrado tu solicitud como resuelta.',
        rejected: () => 'TI no ha podido completar esta solicitud por chat.',
        cancelled: () => 'Has cancelado esta solicitud.',
      },
      next: {
        opened:
          'Alguien de TI se pondrá en contacto contigo en Teams para confirmar tu identidad. TI nunca te pide tu contraseña ni un código MFA.',
        claimed:
          'Se pondrá en contacto contigo en Teams para confirmar tu identidad. TI nunca te pide tu contraseña ni un código MFA.',
        claimReleased: 'No tienes que hacer nada: te contactará la próxima persona que la atienda.',
        verified: 'Tu clave llegará a este chat en breve.',
        keySent: 'Busca en este chat la tarjeta con tu clave. Se oculta de nuevo a los pocos minutos.',
        noteAdded: 'La persona que atiende tu solicitud la verá.',
        resolved: '¿Sigues sin poder entrar? Escribe "hablar con TI" y abriré una nueva solicitud.',
        rejected: 'Ponte en contacto con el soporte técnico en persona o por teléfono.',
        cancelled: 'Salúdame cuando quieras volver a empezar.',
      },
      addNote: 'Agregar una nota',
      noteLabel: 'Nota para TI',
      notePlaceholder: 'p. ej., la mejor hora para llamarme. Nunca tu clave ni tu contraseña.',
      noteRequired: 'Escribe tu nota.',
      sendNote: 'Enviar nota',
      cancelRequest: 'Cancelar solicitud',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `El caso ${caseNumber} de ${requesterName} lleva ${minutesWaiting} ${minutesWord(minutesWaiting)} esperando y nadie se lo ha asignado todavía.`,

    queueTitle: (count) => `Casos abiertos (${count})`,
    queueEmpty: 'No hay casos abiertos en este momento.',
    queueLine: (caseNumber, requesterName, status) => `Caso ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `esperando ${minutes} min`,
    moreCases: (count) => `y ${count} más`,
    queueHint: 'Escribe "case" y un número para ver un caso; por ejemplo, "case 12".',

    statsTitle: (day) => `Hoy (${day})`,
    statsRequests: 'Solicitudes',
    statsSelfServed: 'Resueltas por autoservicio',
    statsEscalated: 'Escaladas a TI',
    statsMedianToKey: 'Tiempo mediano hasta la clave',
    minutes: (count) => `${count} min`,
    noneYet: 'Sin datos todavía',
    topReasonsTitle: 'Principales motivos de bloqueo',
    noReasons: 'Todavía no hay respuestas registradas hoy.',
    rootCauses: {
      firmwareUpdate: 'Actualización de BIOS o firmware',
      windowsUpdate: 'Actualización de Windows',
      hardwareChange: 'Reparación o hardware nuevo',
      dockOrPeripheral: 'Dock, monitor o dispositivo USB',
      wrongPin: 'PIN incorrecto demasiadas veces',
      nothingUnusual: 'Nada fuera de lo normal',
      outOfMyHands: 'Estuvo en otras manos, perdido o robado',
    },

    auditTitle: (subject) => `Últimos eventos de auditoría de ${subject}`,
    auditEmpty: (subject) => `No hay eventos de auditoría de ${subject}.`,
    auditDecisions: {
      released: 'Clave entregada',
      denied: 'Solicitud denegada',
      escalated: 'Solicitud escalada a TI',
      signInMismatch: 'Inicio de sesión con otra cuenta',
      signInFailed: 'Error de inicio de sesión',
      rateLimited: 'Límite de frecuencia alcanzado',
      keyCardHidden: 'Tarjeta de la clave oculta',
      rotationRequested: 'Rotación solicitada',
      rotationConfirmed: 'Rotación confirmada',
      rotationOverdue: 'Rotación vencida',
      caseChanged: 'Caso modificado',
    },
    auditBy: (actor) => `por ${actor}`,
    moreAudit: (count) =>
      count === 1 ? '1 evento más antiguo sin mostrar' : `${count} eventos más antiguos sin mostrar`,

    commandsUsage:
      'Comandos del helpdesk: "queue" (casos abiertos, los más antiguos primero), "case 12", "stats" (hoy) y "audit" con el UPN o el ID de objeto de una persona, el deviceId de Entra de un dispositivo o un ID de clave (al menos sus 8 primeros caracteres).',
    refusals: {
      notHelpdeskMember: 'Lo siento, esto es solo para el personal de soporte técnico. No se cambió nada.',
      notRequester: 'Solo puede hacerlo la persona que pidió ayuda.',
      ownCase: 'Tú abriste este caso, así que tiene que atenderlo otro agente.',
      caseClosed: (status) => `Este caso ya está cerrado (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} tiene asignado este caso. Habla con esa persona o asígnatelo cuando lo libere.`,
      alreadyOwner: 'Ya tienes asignado este caso.',
      notClaimed: 'Primero asígnate el caso.',
      verificationRequired:
        'Primero registra cómo verificaste al solicitante. Después podrás enviar la clave.',
      advancedRoleRequired:
        '"Mostrarme la clave" es solo para agentes con el rol avanzado de soporte técnico. No se mostró nada.',
      alreadyReleased: 'La clave ya se envió para este caso.',
      notClosed: 'Solo se puede reabrir un caso resuelto o rechazado.',
      unknownMethod: 'Elige cómo verificaste su identidad.',
      textRequired: { note: 'Primero escribe una nota.', reason: 'Escribe por qué necesitas ver la clave.' },
      textTooLong: (field, max) =>
        field === 'note'
          ? `Esa nota es demasiado larga. Usa menos de ${max} caracteres.`
          : `Ese motivo es demasiado largo. Usa menos de ${max} caracteres.`,
      recoveryPasswordInText:
        'Eso parecía una clave de recuperación, así que no lo guardé. Nunca escribas una clave en Teams.',
      changed:
        'Este caso cambió mientras lo mirabas. Aquí lo tienes tal como está ahora: inténtalo de nuevo.',
      outOfDate:
        'Esa tarjeta está desactualizada, así que no se cambió nada. Usa el mensaje más reciente sobre tu solicitud.',
      caseNotFound: (caseNumber) => `No existe el caso ${caseNumber}.`,
      unreadableAction: 'Ese botón envió algo que no pude leer. Actualiza la tarjeta e inténtalo de nuevo.',
      membershipUnknown:
        'No he podido comprobar tu pertenencia al soporte técnico: el directorio no responde. No se ha cambiado nada. Vuelve a intentarlo en un minuto.',
      keyReleaseOff:
        'La entrega de claves no está configurada en este bot, así que el soporte técnico no puede enviar ni mostrar claves. Resuelve el caso cuando la persona haya vuelto a entrar.',
    },
  },
};
