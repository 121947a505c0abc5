/**
 * Portuguese (pt): European Portuguese in the formal, pronoun-free register of Windows and Teams in pt-PT,
 * with neutral wording wherever one exists so that Brazilian readers follow it without effort.
 */
import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    'nenhum dos PCs do requerente tem uma chave com esse ID da chave. Confirme com a pessoa o ID da chave que aparece no ecrã.',
  notAllowedByTenant:
    'o Entra ID não permite que este início de sessão leia chaves do BitLocker. Um técnico com uma função que permita ler chaves (por exemplo, Helpdesk Administrator) pode fazê-lo.',
  notInSelfServiceGroup: 'o requerente não tem permissão para obter chaves.',
  rateLimited: 'esta pessoa atingiu o limite de chaves nas últimas 24 horas. Verifique o PC presencialmente.',
  deviceRateLimited: 'este PC atingiu o limite de chaves nas últimas 24 horas. Verifique-o presencialmente.',
  riskStop: 'o pedido foi bloqueado por ser de risco.',
  deviceDisabled: 'o PC está desativado no Entra ID. Descubra o motivo antes de o desbloquear.',
  repeatRecovery:
    'este PC foi desbloqueado com uma chave há menos de uma hora. Há algo que o bloqueia repetidamente: verifique-o presencialmente.',
  directoryUnavailable: 'o Microsoft Graph não respondeu. Tente novamente dentro de alguns minutos.',
  alreadyReleased: 'esta chave já foi entregue neste caso.',
};

export const pt: Messages = {
  welcomeTitle: 'Recuperação do BitLocker',
  welcomeBody:
    'O seu PC parou num ecrã azul do BitLocker? Posso ajudar a encontrar a chave de recuperação certa para o seu PC de trabalho ou pedir ajuda à TI.',
  neverAskForPassword: 'Nunca vou pedir a sua palavra-passe nem um código MFA.',
  welcomeKeyIdLabel: 'ID da chave no ecrã azul',
  send: 'Enviar',
  welcomeOrTellMe: 'Ou conte-me o que aconteceu, com as suas palavras.',
  greetAgain:
    'Olá de novo! Se o PC mostra o ecrã do BitLocker, escreva o ID da chave que aparece nele (por exemplo, 4290B6C0) ou conte-me o que aconteceu.',
  acknowledged: 'OK. Quando puder, escreva o ID da chave do ecrã azul ou conte-me o que aconteceu.',
  startRecovery: 'O meu PC mostra o ecrã de recuperação do BitLocker',
  startWhereKeyId: 'Onde encontro o ID da chave?',
  startTalkToIt: 'Falar com a TI',
  startOver: 'Recomeçar',

  helpTitle: 'O que posso fazer',
  helpIntro: 'Basta dizer-me com as suas palavras. Também pode escrever isto a qualquer momento:',
  helpCommands: [
    { command: 'ajuda', description: 'mostrar esta lista' },
    { command: 'recomeçar', description: 'começar de novo desde o início' },
    { command: 'cancelar', description: 'parar o pedido atual' },
    { command: 'estado', description: 'ver o seu pedido em aberto' },
    { command: 'falar com a TI', description: 'pedir ajuda ao suporte de TI' },
  ],

  keyIdHelpTitle: 'Encontrar o ID da chave',
  keyIdHelpSteps: [
    'Veja o ecrã azul de recuperação do BitLocker no PC bloqueado.',
    'Na parte de baixo, procure "ID da chave de recuperação" (nos ecrãs mais antigos, "ID da chave"). A seguir aparecem letras e números.',
    'Escreva os primeiros 8 caracteres abaixo ou no chat, por exemplo 4290B6C0. Também pode escrever mais.',
  ],
  keyIdHelpNotes: [
    'O Windows 11 também pode mostrar uma indicação de uma conta Microsoft. Nesse caso, a chave deve estar guardada nessa conta pessoal.',
    'Ao pressionar Alt, aparece um código de erro, como E_FVE_DEVICE_LOCKEDOUT. Vale a pena anotá-lo, mas não é necessário.',
  ],

  keyIdLabel: 'ID da chave',
  requestNumberLabel: 'Número do pedido',
  askKeyIdTitle: 'Qual é o ID da chave?',
  askKeyIdWhere:
    'Está na parte de baixo do ecrã azul, a seguir a "ID da chave de recuperação". Bastam os primeiros 8 caracteres.',
  askKeyIdOrType: 'Também pode escrevê-lo no chat.',
  notedTitle: 'Até agora',
  keyIdPlaceholder: 'ex.: 4290B6C0',
  keyIdRequired: 'Escreva o ID da chave do ecrã azul.',
  whereIsIt: 'Onde está?',

  keyIdTooShort: (digits) =>
    `O ID da chave precisa de pelo menos 8 caracteres e só recebi ${digits}. Escreva os primeiros 8 que aparecem no ecrã azul.`,
  notAKeyId:
    'Isso não parece ser um ID da chave. Só usa 0-9 e A-F, como 4290B6C0, e aparece a seguir a "ID da chave de recuperação" no ecrã azul.',
  twoKeyIds: 'Vejo mais de um ID da chave nessa mensagem. Envie só o que aparece no seu ecrã azul.',
  passwordPastedTitle: 'Mantenha isso em segredo',
  passwordPastedLines: [
    'Isso parecia uma chave de recuperação (48 dígitos).',
    'Nunca a cole em nenhum chat, nem aqui nem em qualquer outro lugar. Não a guardei.',
    'Se a escreveu por engano, apague essa mensagem.',
    'Só preciso do ID da chave: o código curto a seguir a "ID da chave de recuperação" no ecrã azul.',
  ],

  confirmKeyIdQuestion: (keyId) => `Quis dizer ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `Interpretei ${corrections.join(', ')}, porque um ID da chave só usa 0-9 e A-F.`,
  confirmKeyIdYes: 'Sim',
  confirmKeyIdNo: 'Não, corrigir',

  answersTitle: 'O que aconteceu pouco antes do ecrã azul?',
  rootCauseButtons: {
    firmwareUpdate: 'Atualização de BIOS ou firmware',
    windowsUpdate: 'Atualização do Windows',
    hardwareChange: 'Reparação ou hardware novo',
    dockOrPeripheral: 'Novo dock, monitor ou dispositivo USB',
    wrongPin: 'PIN errado muitas vezes',
    nothingUnusual: 'Nada fora do normal',
    outOfMyHands: 'Perdido, roubado ou fora da minha posse',
  },
  assumedWorkPc: 'Isto é para o seu PC de trabalho.',
  notWorkPc: 'Não é um PC de trabalho?',
  deviceKindButtons: {
    personalPc: 'O meu PC pessoal',
    secondHand: 'Um PC usado',
    oldDomainPc: 'Um PC antigo no domínio da empresa',
  },
  errorCodeHint:
    'Há um código de erro no ecrã (pressione Alt), como E_FVE_DEVICE_LOCKEDOUT? Se quiser, escreva-o aqui.',
  rootCauseChoices: {
    firmwareUpdate: 'Uma atualização de BIOS ou firmware',
    windowsUpdate: 'Uma atualização do Windows',
    hardwareChange: 'Uma reparação ou hardware novo',
    dockOrPeripheral: 'Um novo dock, monitor ou dispositivo USB',
    wrongPin: 'Um PIN errado, muitas vezes',
    nothingUnusual: 'Nada fora do normal',
    outOfMyHands: 'O PC esteve fora da minha posse, pode ter sido adulterado, ou foi perdido ou roubado',
  },
  deviceKindChoices: {
    workPc: 'O meu PC de trabalho',
    personalPc: 'O meu PC pessoal',
    secondHand: 'Um PC usado',
    oldDomainPc: 'Um PC antigo associado ao domínio da empresa',
    notSure: 'Não sei',
  },
  whyDidThisHappen: 'Por que motivo aconteceu isto?',

  verifyTitle: 'Obrigado, é tudo o que preciso',
  verifyAgainTitle: 'Quase pronto: confirme a sua identidade',
  rootCauseFact: 'O que aconteceu',
  deviceKindFact: 'PC',
  errorCodeFact: 'Código de erro',
  verifyNext:
    'Próximo passo: um início de sessão Microsoft rápido confirma a sua identidade. Nunca vou pedir a sua palavra-passe aqui.',
  verifyButton: 'Confirmar identidade',
  verifyNotSwitchedOn:
    'A verificação por início de sessão ainda não está ativada aqui, por isso uma pessoa da TI vai ajudar neste caso.',

  guides: {
    personalAccount: {
      title: 'A sua chave deve estar numa conta Microsoft',
      intro:
        'Nos PCs pessoais, a chave costuma ficar guardada na conta Microsoft usada na configuração. No telefone ou noutro dispositivo:',
      points: [
        'Abra aka.ms/myrecoverykey.',
        'Inicie sessão com a conta Microsoft usada no PC bloqueado. Os ecrãs azuis mais recentes mostram uma indicação dessa conta.',
        'Procure a chave cujo ID da chave corresponde ao do seu ecrã.',
        'Escreva os 48 dígitos dessa chave no PC bloqueado.',
      ],
      closing: [
        'Não está lá? Experimente as suas outras contas Microsoft e, num PC usado por várias pessoas, as contas dos familiares.',
        'Não mostre a chave a ninguém: nunca a cole num chat.',
      ],
    },
    secondHand: {
      title: 'Um PC usado',
      intro:
        'Só quem ativou o BitLocker (o primeiro dono ou o vendedor) pode ter a chave de recuperação deste PC.',
      points: [
        'Peça a essa pessoa que a procure em aka.ms/myrecoverykey, com o ID da chave que aparece no seu ecrã.',
        'Não pague a serviços online de "recuperação": sem a chave, ninguém consegue desbloquear os dados.',
        'Foi a TI que lhe deu este PC, talvez o antigo PC de um colega? Então conta como PC de trabalho: toque em "Recomeçar" e eu encontro a chave dele.',
      ],
      closing: [
        'Se não for possível encontrar a chave, o PC pode ser restaurado para o estado de fábrica e voltar a ser usado, mas tudo o que está nele será apagado.',
      ],
    },
    noKeyAnywhere: {
      title: 'Não tem uma cópia da chave?',
      intro:
        'Num PC de trabalho, não precisa de uma cópia própria: a TI guarda a chave e eu posso encontrá-la. Num PC pessoal, procure:',
      points: [
        'Uma impressão em papel: pastas de documentos, gavetas, a caixa do PC.',
        'Uma pen USB.',
        'Um ficheiro .txt com "Chave de Recuperação" ou "BitLocker Recovery Key" no nome, seguido do ID da chave, noutro PC, numa unidade ou no armazenamento na nuvem.',
        'Um e-mail enviado para o seu próprio endereço.',
        'O seu gestor de palavras-passe.',
        'A conta Microsoft usada no PC: aka.ms/myrecoverykey.',
      ],
      closing: [
        'A verdade é esta: uma chave de recuperação perdida não pode ser recriada, nem pela TI nem pela Microsoft.',
        'Se não encontrar nenhuma cópia, o último recurso é restaurar o PC para o estado de fábrica. Volta a funcionar, mas tudo o que está nele é apagado. Os ficheiros no OneDrive ou noutra cópia de segurança continuam seguros.',
      ],
    },
    whyThisHappened: {
      title: 'Por que motivo o BitLocker pede a chave',
      intro:
        'O BitLocker protege os seus dados. Quando algo muda na forma como o PC inicia, pede a chave para confirmar que o PC continua nas mãos certas. Motivos comuns:',
      points: [
        'Uma atualização de BIOS ou firmware, ou uma alteração no Secure Boot.',
        'Uma reparação ou hardware novo, como uma nova placa-mãe ou um novo chip de segurança (TPM).',
        'Uma grande atualização do Windows ou uma reinstalação.',
        'Um PIN errado, várias vezes seguidas.',
        'Um dock ou dispositivo USB conectado ao ligar o PC, que altera a forma como o PC inicia.',
        'De vez em quando, uma tentativa de alguém entrar no PC.',
      ],
      closing: ['A culpa não é sua. Com a chave certa, o PC desbloqueia como de costume.'],
    },
    ownCopy: {
      title: 'Usar a sua própria cópia',
      intro: 'Ótimo: a sua cópia funciona igualmente bem, se for a certa.',
      points: [
        'Confirme que o ID da chave que a acompanha começa como o do ecrã azul.',
        'Escreva os 48 dígitos com as teclas numéricas da fila de cima do teclado. Se não funcionarem, F1–F10 correspondem a 1–0.',
        'Se um bloco de 6 dígitos estiver mal escrito, fica marcado: volte a escrever só esse bloco.',
      ],
      closing: [
        'O ID da chave é diferente, ou a chave não funciona? Num PC de trabalho, posso encontrar a chave certa: toque em "Encontrar a minha chave".',
        'Depois, guarde a cópia longe do PC e nunca a cole num chat.',
      ],
    },
    keyRejected: {
      title: 'Se a chave não funcionar',
      intro: 'Verifique estes pontos, um de cada vez:',
      points: [
        'O ID da chave no ecrã azul tem de começar como o ID da chave que vai escrever. Se não, é outra chave.',
        'Use as teclas numéricas da fila de cima do teclado. Se não aparecer nada, F1–F10 correspondem a 1–0.',
        'Um bloco que fica vermelho tem um dígito errado: volte a escrever só esse bloco.',
        'Alguns PCs têm mais de uma chave: tente a outra que aparece para esse PC.',
      ],
      closing: ['O PC continua bloqueado? A TI pode ajudar: toque em "Falar com a TI".'],
    },
    prevention: {
      title: 'Evitar o próximo bloqueio',
      intro: 'Alguns hábitos tornam a próxima vez mais fácil:',
      points: [
        'A TI guarda a chave do seu PC de trabalho, e eu estou aqui no Teams sempre que precisar.',
        'Vai fazer uma atualização de BIOS ou uma reparação? Avise a TI antes: podem suspender o BitLocker para isso.',
        'Num PC pessoal, guarde a chave na sua conta Microsoft (aka.ms/myrecoverykey), ou imprima-a e guarde-a longe do PC.',
        'Guarde os seus ficheiros no OneDrive ou noutra cópia de segurança, para que uma chave perdida nunca signifique trabalho perdido.',
      ],
      closing: ['Nunca guarde uma chave num chat, num e-mail ou numa foto.'],
    },
    security: {
      title: 'A sua chave é só sua',
      intro: 'Uma chave de recuperação desbloqueia tudo o que está no seu PC. Por isso:',
      points: [
        'Nunca a dê a ninguém que lhe ligue, escreva ou envie mensagens, mesmo que diga ser da TI ou da Microsoft. A TI nunca lhe pede a chave.',
        'Nunca a dite ao telefone, nem a envie por e-mail ou chat, nem sequer a um colega ou à sua chefia.',
        'Escreva-a apenas no ecrã azul do seu próprio PC.',
        'Alguém lhe pediu a chave? É um sinal de alerta: avise a segurança de TI.',
      ],
      closing: ['Já a deu a alguém? Avise já a segurança de TI: a chave será substituída.'],
    },
  },
  openMyRecoveryKey: 'Abrir aka.ms/myrecoverykey',
  cantFindItThere: 'Não a encontro lá',
  findMyKey: 'Encontrar a minha chave',
  reportToSecurity: 'Avisar a segurança de TI',

  didYouMean: 'Quis dizer…?',
  outOfScopeTitle: 'Só posso ajudar com o BitLocker',
  outOfScopeBody:
    'Ajudo quando um PC para no ecrã azul de recuperação do BitLocker. Para outros assuntos, fale com a TI da forma habitual.',
  intentLabels: {
    recoveryScreen: 'O meu PC mostra o ecrã de recuperação do BitLocker',
    whereKeyId: 'Onde encontro o ID da chave?',
    whyHappened: 'Por que motivo aconteceu isto?',
    personalPc: 'É um PC pessoal',
    secondHand: 'É um PC usado',
    ownCopy: 'Tenho a minha própria cópia da chave',
    noKeyAnywhere: 'Não encontro a chave em nenhum lugar',
    keyDidNotWork: 'A chave não funcionou',
    itWorked: 'Funcionou',
    talkToIt: 'Falar com a TI',
    status: 'Estado do meu pedido',
    cancel: 'Cancelar o meu pedido',
    restart: 'Recomeçar',
    help: 'O que consegue fazer?',
    prevention: 'Como evitar isto no futuro',
    security: 'Alguém me pediu a chave',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? 'Ótimo, já tem acesso de novo. Ocultei a chave deste chat.'
      : 'Ainda bem. Estou aqui sempre que precisar.',

  riskStopTitle: 'Por precaução',
  riskStopLines: [
    'Como o PC pode ter estado fora da sua posse, a TI vai verificar este caso presencialmente.',
    'Para sua segurança, não é mostrada nenhuma chave no chat para este caso.',
    'Pedi ajuda à TI. A TI vai receber o aviso e responder-lhe. Se o PC foi perdido ou roubado, diga isso nesse momento.',
  ],

  caseRequestedTitle: 'Pedi ajuda à TI',
  caseReasons: {
    requesterAsked: 'Pediu para falar com uma pessoa, por isso encaminhei o pedido.',
    riskStop: 'Como o PC pode ter estado fora da sua posse, a TI vai verificar este caso presencialmente.',
    onPremisesDevice:
      'A chave de um PC antigo de domínio fica guardada nos servidores da própria empresa, por isso a TI vai procurá-la.',
    notUnderstood: 'Não consegui resolver isto por chat, por isso encaminhei o pedido para uma pessoa.',
    notReleasable:
      'Não consegui obter aqui uma chave para esse ID da chave. Isso acontece quando a chave não pertence a um PC em seu nome, ou quando não é permitido obtê-la por conta própria.',
    rateLimited:
      'Atingiu o limite de chaves que posso mostrar por dia, por isso uma pessoa da TI vai ajudar neste caso.',
    directoryUnavailable:
      'O diretório da Microsoft não responde neste momento, por isso encaminhei o pedido para uma pessoa, para não ter de esperar.',
    signInMismatch:
      'O início de sessão foi feito com uma conta diferente da que usa no Teams, por isso não o pude usar.',
    keyDidNotWork: 'A chave não funcionou, por isso uma pessoa da TI vai ajudar a resolver.',
    rotationOverdue:
      'A chave que foi mostrada ainda não foi substituída, por isso a TI vai garantir que isso acontece.',
    notInSelfServiceGroup:
      'Obter chaves por conta própria não está ativado para a sua conta, por isso uma pessoa da TI vai entregar-lhe a chave.',
    alreadyReleased:
      'A chave deste PC já lhe foi mostrada, por isso não a volto a mostrar aqui. Se não funcionou, a TI vai ajudar.',
    repeatRecovery:
      'A chave deste PC foi mostrada há menos de uma hora e o PC voltou a bloquear, por isso a TI vai investigar a causa.',
    deviceDisabled:
      'Este PC está desativado no diretório da empresa, por isso a TI precisa de o verificar primeiro.',
    notAllowedByTenant:
      'A sua organização não permite consultar a própria chave, por isso uma pessoa da TI vai entregar-lhe a chave.',
    suspiciousContact:
      'Obrigado por avisar. Já informei a TI e alguém vai responder-lhe. Entretanto, não dê a chave a ninguém.',
  },
  keyShownAt: (time) => `A chave foi mostrada em ${time}.`,
  caseNext: 'A TI vai receber o que me contou e responder-lhe. Não precisa de explicar tudo outra vez.',
  caseWithoutKeyId: 'Se puder, anote o ID da chave do ecrã azul: a TI vai pedi-lo.',
  caseStatusHint: 'Escreva "estado" a qualquer momento para ver o seu pedido.',

  offerIt: 'Desculpe, não consegui ajudar bem. Quer a ajuda de uma pessoa da TI?',
  cancelled: (hadRequest) =>
    hadRequest
      ? 'OK, cancelei esse pedido. Diga olá quando quiser começar de novo.'
      : 'Não havia nada para cancelar. Diga olá quando quiser começar.',

  statusTitle: 'O seu pedido',
  statusNowFact: 'Agora',
  statusLastFact: 'Último pedido',
  statusSteps: {
    idle: 'Nada em curso.',
    awaitingKeyId: 'Falta o ID da chave.',
    confirmingKeyId: 'Falta confirmar o ID da chave.',
    awaitingAnswers: 'Falta dizer o que aconteceu pouco antes.',
  },
  statusOutcomes: {
    none: 'Ainda nenhum.',
    verification: 'Pronto para a verificação com início de sessão Microsoft.',
    released: 'A sua chave foi mostrada neste chat.',
    case: 'Encaminhado para a TI. A TI vai receber o aviso e responder-lhe.',
    cancelled: 'Cancelado.',
    guided: (guideTitle) => `Mostrei-lhe "${guideTitle}".`,
  },

  expired: 'Olá de novo. Passou mais de um dia, por isso vamos começar do zero.',
  missLimit:
    'Hoje não consigo abrir outro pedido aqui: esses IDs de chave não correspondem a nenhum dos seus PCs. Ligue ou dirija-se ao helpdesk de TI.',
  staleCard: 'Esse botão pertence a um pedido anterior. Este é o ponto em que estamos agora.',
  preventionTips:
    'Dica para a próxima vez: a TI tem uma cópia da chave do seu PC de trabalho, e eu estou aqui no Teams sempre que precisar. Num PC pessoal, guarde a chave na sua conta Microsoft ou imprima-a e guarde-a longe do PC. Nunca guarde uma chave num chat, num e-mail ou numa foto.',

  release: {
    title: 'A sua chave de recuperação',
    deviceLabel: 'PC',
    compareKeyId: 'Primeiro, confirme que o ID da chave no seu ecrã azul começa da mesma forma.',
    howToType:
      'Escreva os 8 blocos com as teclas numéricas da fila de cima do teclado (se não funcionarem, F1–F10 correspondem a 1–0). O ecrã avança após cada bloco e marca um bloco que esteja errado.',
    hidesIn: (minutes) =>
      `Por segurança, vou ocultar esta chave daqui a ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}, ou assim que me disser que funcionou.`,
    worked: 'Funcionou',
    didNotWork: 'Não funcionou',
    oneBlockAtATime: 'Mostrar um bloco de cada vez',
    allBlocks: 'Mostrar todos os blocos',
    nextBlock: 'Bloco seguinte',
    previousBlock: 'Bloco anterior',
    blockOf: (index, count) => `Bloco ${index} de ${count}`,
    fallback:
      'A sua chave de recuperação está nesta mensagem. Abra a mensagem no Microsoft Teams para ver a chave.',
    needMoreDigits: (matches) =>
      `Há mais de uma chave nos seus PCs que começa assim (${matches} no total). Escreva mais caracteres do ID da chave, pelo menos os primeiros 12, e eu volto a verificar.`,
    interrupted:
      'Algo me interrompeu antes de poder mostrar a sua chave, por isso nada foi mostrado. Escreva "restart" para tentar novamente.',
    maybeShown:
      'Algo me interrompeu enquanto mostrava a sua chave. Se a vir acima, pode usá-la: agora não a consigo ocultar, e a equipa de TI vai garantir que é substituída.',
    troubleshooting:
      'Lamento. Confirme que o ID da chave no ecrã corresponde ao do meu cartão e que nenhum bloco ficou com marca vermelha. Se continuar a falhar, a TI vai ajudar: já encaminhei o pedido.',
  },
  signIn: {
    mismatch: (name) =>
      `Esse início de sessão foi feito como ${name || 'outra conta'} e não com a sua conta, por isso não o pude usar. Toque novamente em "Confirmar identidade" e inicie sessão com a sua conta profissional.`,
    failed:
      'Esse início de sessão não funcionou ou demorou muito. Toque novamente em "Confirmar identidade" para obter um novo link.',
    stale:
      'Esse início de sessão pertence a um pedido anterior. Se ainda precisar de uma chave, escreva "recomeçar".',
  },
  signInPage: {
    closeThisPage: 'Pode fechar esta página.',
    goBack: (button) => `Volte ao Teams e toque novamente em “${button}”.`,
    verified: {
      title: 'Identidade confirmada',
      body: 'Volte ao Teams: a minha resposta está no chat ou chegará dentro de momentos.',
    },
    mismatch: {
      title: 'Iniciou sessão com outra conta',
      body: (name) =>
        `Iniciou sessão como ${name || 'outra conta'} e não como a pessoa que pediu no Teams, por isso parei e não mostrei nada.`,
      ownAccount: 'Depois, inicie sessão com a sua própria conta profissional.',
    },
    trouble: { title: 'Algo correu mal do meu lado', body: 'Nada foi mostrado.' },
    failures: {
      stateUnknownOrUsed: {
        title: 'Este link de início de sessão já foi usado',
        body: 'Cada link funciona uma única vez.',
      },
      stateExpired: {
        title: 'Este link de início de sessão expirou',
        body: 'Cada link vale apenas alguns minutos.',
      },
      tokenInvalid: { title: 'Não consegui confirmar o seu início de sessão', body: 'Nada foi mostrado.' },
      authTooOld: {
        title: 'O seu início de sessão não era recente o suficiente',
        body: 'Preciso de um início de sessão dos últimos minutos.',
      },
      missingAuthContext: {
        title: 'A sua organização pede um início de sessão mais forte',
        body: 'Inicie sessão novamente com o método que a sua organização exige (por exemplo, a aplicação Authenticator ou uma chave de segurança).',
      },
      entraError: { title: 'O início de sessão não terminou', body: 'Foi cancelado ou recusado.' },
      wrongTenant: {
        title: 'Essa não era a sua conta profissional',
        body: 'Inicie sessão com a sua conta profissional.',
      },
    },
  },
  keyHidden: {
    title: 'Chave de recuperação oculta',
    body: 'Ocultei a chave deste chat. Já foi mostrada uma vez, por isso a TI vai garantir que é substituída por uma nova.',
    askAgain: 'O PC continua bloqueado? Escreva "recomeçar" e volto a ajudar.',
  },

  releaseNotice: {
    subject: (deviceName) => `A chave de recuperação do BitLocker de ${deviceName} foi visualizada`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Olá, ${requesterName},`,
      `A chave de recuperação do BitLocker do seu dispositivo ${deviceName} foi mostrada no seu chat do Microsoft Teams com o Bot de Recuperação do BitLocker em ${day} às ${time} UTC.`,
      `ID da chave: ${keyId}`,
      'Se reconhece esta ação, não precisa de fazer mais nada. A TI garante que a chave é substituída por uma nova.',
      'Se não reconhece esta ação, fale já com o suporte de TI ou com a segurança de TI, por telefone ou pessoalmente, e mencione esta mensagem.',
      'Esta mensagem foi enviada automaticamente. Não contém a chave, e a TI nunca lhe vai pedir a sua palavra-passe nem um código de início de sessão.',
    ],
  },

  groupChatRedirect:
    'Só ajudo com a recuperação do BitLocker num chat privado, para que as suas informações fiquem entre nós. Abra um chat 1:1 comigo para começar.',
  turnError: 'Desculpe, ocorreu um erro do meu lado. Tente novamente daqui a pouco.',
  slowDown:
    'São muitas mensagens de uma vez, por isso vou fazer uma pequena pausa. Espere um minuto e depois envie uma só mensagem com o que precisa.',

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Pedido de recuperação do BitLocker suspeito: o caso ${caseNumber} de ${requesterName}${keyId ? ` (ID da chave ${keyId})` : ''} foi rejeitado por ${agentName}. Nota: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} comunicou que alguém lhe pediu a chave de recuperação do BitLocker (caso ${caseNumber}). Trate isto como uma possível tentativa de engenharia social.`,
    probingAlert: (requesterName, misses) =>
      `Possível sondagem: hoje ${requesterName} introduziu ${misses} IDs de chave que não correspondem a nenhum dos seus PCs. Hoje não serão abertos mais casos para esta pessoa. Se o contactar, verifique a identidade com cuidado.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} enviou mais de ${dropped} mensagens ao bot em poucos minutos; não foram respondidas. Pode ser um cliente bloqueado ou uma tentativa de inundar o bot.`,
    keyFlowInterrupted: (caseNumber) =>
      `A entrega da chave do caso ${caseNumber} foi interrompida antes de alguém a ver. Prima o botão novamente.`,
    keyFlowMaybeShown: (caseNumber) =>
      `A entrega da chave do caso ${caseNumber} foi interrompida durante o envio do cartão: pode ter sido mostrada e não pode ser ocultada. A sua rotação será verificada como habitualmente.`,
    sendKeyFlow: {
      signInNotice:
        'Para enviar a chave, inicie sessão novamente. A chave vai diretamente para o chat do requerente; não a vai ver.',
      signInButton: 'Iniciar sessão e enviar a chave',
      sent: (name) => `A chave já está no chat de ${name}. Fica oculta automaticamente após alguns minutos.`,
      severalKeys: (matches) =>
        `${matches} chaves nos PCs do requerente começam com esse ID da chave. Peça mais caracteres do ID da chave e tente novamente.`,
      notReleased: (reason) =>
        `Não foi enviada nenhuma chave: ${helpdeskDenials[reason]} O caso não foi alterado.`,
      signInFailed:
        'Não foi possível usar esse início de sessão para enviar a chave. Selecione novamente "Enviar chave ao requerente".',
    },
    showKeyFlow: {
      signInNotice:
        'Para ver a chave, inicie sessão novamente. A chave chega ao seu chat privado comigo, onde mais ninguém a vê.',
      signInButton: 'Iniciar sessão e mostrar a chave',
      shown: (name) =>
        `A chave foi mostrada a ${name} num chat privado comigo. Vai ser substituída depois de ser usada.`,
      privateChatFailed:
        'Não consegui abrir um chat privado, por isso nenhuma chave foi lida. Abra um chat comigo no Teams e selecione novamente "Ver a chave".',
      notDelivered:
        'Não consegui colocar a chave no seu chat privado, por isso ninguém a viu. Selecione novamente "Ver a chave" daqui a um minuto.',
      notShown: (reason) =>
        `Não foi mostrada nenhuma chave: ${helpdeskDenials[reason]} O caso não foi alterado.`,
      signInFailed:
        'Não foi possível usar esse início de sessão para mostrar a chave. Selecione novamente "Ver a chave".',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Caso ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Caso ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Aberto: sem técnico atribuído',
      claimed: 'Assumido: verificar a identidade',
      verified: 'Verificado: pronto para enviar a chave',
      released: 'Chave entregue: resolver quando a pessoa recuperar o acesso',
      resolved: 'Resolvido',
      cancelled: 'Cancelado pelo requerente',
      rejected: 'Rejeitado como suspeito',
      reopened: 'Reaberto: sem técnico atribuído',
    },
    reasons: {
      requesterAsked: 'Pediu para falar com uma pessoa',
      riskStop: 'Bloqueio por risco: dispositivo fora da posse, adulterado, perdido ou roubado',
      onPremisesDevice: 'PC de domínio local: a chave está no AD local',
      notUnderstood: 'O chat não resolveu',
      notReleasable:
        'Sem chave disponível para este ID da chave (sem correspondência, dispositivo de outra pessoa ou não permitido)',
      rateLimited: 'Acima do limite de self-service',
      directoryUnavailable: 'O Microsoft Graph não respondia',
      signInMismatch: 'Início de sessão feito com outra conta',
      keyDidNotWork: 'Chave entregue, mas não funcionou',
      rotationOverdue: 'Chave entregue não substituída em 24 horas',
      notInSelfServiceGroup: 'Fora do grupo de self-service',
      alreadyReleased: 'Chave já mostrada neste pedido',
      repeatRecovery: 'Bloqueado de novo menos de uma hora após uma entrega',
      deviceDisabled: 'PC desativado no Entra ID',
      notAllowedByTenant: 'O tenant não permite que os proprietários leiam as suas chaves',
      suspiciousContact: 'Comunicou que alguém lhe pediu a chave de recuperação',
    },
    requesterLabel: 'Requerente',
    reasonLabel: 'Motivo do encaminhamento',
    ownerLabel: 'Responsável',
    nobodyYet: 'Ainda ninguém',
    verificationLabel: 'Verificação',
    notVerifiedYet: 'Ainda não',
    verifiedBy: (method, agentName) => `${method}, por ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: 'Videochamada com documento de identidade com foto',
      inPerson: 'Presencialmente',
      managerConfirmation: 'Confirmado pela chefia no Teams',
    },
    devicesTitle: 'PCs do requerente',
    noDevices: 'Não foi encontrado nenhum PC associado a esta pessoa.',
    trustTypes: {
      AzureAd: 'Associado ao Entra',
      ServerAd: 'Associado híbrido ou ao domínio',
      Workplace: 'Registado (pessoal)',
      unknown: 'Tipo de associação desconhecido',
    },
    lastSignIn: (when) => `último início de sessão: ${when}`,
    moreDevices: (count) => `e mais ${count}`,
    historyTitle: 'Histórico',
    earlierHistory: (count) => `${count} ${count === 1 ? 'entrada anterior' : 'entradas anteriores'}`,
    events: {
      opened: () => 'Caso aberto',
      detailsAdded: () => 'PCs e detalhes consultados',
      posted: () => 'Publicado neste canal',
      reminded: () => 'Ainda sem responsável: lembrete enviado ao canal',
      claimed: (by) => `Assumido por ${by ?? 'um técnico'}`,
      claimReleased: (by) => `${by ?? 'O responsável'} devolveu o caso à fila`,
      verificationRecorded: (by) => `Verificado por ${by ?? 'um técnico'}`,
      keySentToRequester: (by) => `Chave enviada para o chat do requerente por ${by ?? 'um técnico'}`,
      keyShownToAgent: (by) => `Chave mostrada a ${by ?? 'um técnico'}`,
      resolved: (by) => `Resolvido por ${by ?? 'um técnico'}`,
      rejectedAsSuspicious: (by) => `Rejeitado como suspeito por ${by ?? 'um técnico'}`,
      reopened: (by) => `Reaberto${by === undefined ? '' : ` por ${by}`}`,
      cancelled: () => 'Cancelado pelo requerente',
      noteAdded: (by) => (by === undefined ? 'Nota do requerente' : `Nota de ${by}`),
    },
    textWithheld: '(omitido: parecia uma chave de recuperação)',

    claim: 'Assumir',
    releaseClaim: 'Devolver à fila',
    recordVerificationTitle: 'Anotar a verificação',
    verificationMethodLabel: 'Como verificou a identidade?',
    verificationMethodRequired: 'Escolha como verificou a identidade.',
    verificationNoteLabel: 'Nota (opcional)',
    verificationNotePlaceholder: 'ex.: cartão da empresa visto por vídeo, igual à foto dos RH',
    saveVerification: 'Guardar verificação',
    sendKey: 'Enviar chave ao requerente',
    sendKeyHint:
      '"Enviar chave ao requerente" pede-lhe que inicie sessão novamente e depois coloca a chave no chat do próprio requerente. Não vai ver a chave.',
    resolve: 'Resolver',
    reopen: 'Reabrir',
    rejectOpen: 'Rejeitar como suspeito…',
    rejectWarning: 'Isto encerra o caso sem chave, avisa o requerente e alerta a segurança. Confirma?',
    rejectConfirm: 'Sim, rejeitar como suspeito',
    showKeyToMe: 'Ver a chave',
    closedHint: 'Este caso está encerrado. Escreva "queue" para ver os casos em aberto.',

    advanced: {
      title: (caseNumber) => `Ver a chave do caso ${caseNumber}?`,
      lines: [
        'Só para requerentes que não podem usar o Teams. Vai iniciar sessão novamente e a chave chega ao seu chat privado comigo. Mais ninguém a vê, e a ação fica na auditoria.',
        'Dite-a ao requerente verificado, nunca por e-mail nem por chat. Depois, a chave será substituída.',
      ],
      reasonLabel: 'Por que motivo precisa de ver a chave?',
      reasonPlaceholder: 'ex.: o requerente não tem telefone e está em videochamada comigo',
      reasonRequired: 'Escreva por que motivo precisa de ver a chave.',
      reveal: 'Mostrar chave',
      back: 'Voltar ao caso',
    },
    revealed: {
      title: (caseNumber) => `Chave de recuperação do caso ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Mais ninguém vê isto. Dite a chave apenas a ${requesterName}, um bloco de cada vez, e nunca a anote.`,
      hidesIn: (minutes) =>
        `Fica oculta daqui a ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}, ou quando tocar em "Ocultar chave".`,
      hide: 'Ocultar chave',
      hiddenTitle: (caseNumber) => `Chave de recuperação do caso ${caseNumber}: oculta`,
      hiddenBody:
        'Já foi mostrada uma vez, por isso será substituída por uma nova. Resolva o caso quando a pessoa recuperar o acesso.',
      fallback: (caseNumber) =>
        `A chave de recuperação do caso ${caseNumber}. Abra esta mensagem no Microsoft Teams para a ver.`,
    },

    requester: {
      title: (caseNumber) => `O seu pedido ${caseNumber} à TI`,
      caseNumberLabel: 'Número do pedido',
      updates: {
        opened: () => 'Encaminhei o seu pedido para o suporte de TI.',
        claimed: (agent) => `${agent ?? 'Alguém da TI'} assumiu o seu pedido.`,
        claimReleased: () =>
          'O seu pedido voltou à fila do suporte de TI e aguarda a próxima pessoa disponível.',
        verified: () => 'A TI confirmou a sua identidade.',
        keySent: () => 'A TI enviou a sua chave de recuperação para este chat.',
        noteAdded: () => 'Adicionei a sua nota ao pedido.',
        resolved: () => 'A TI fechou o seu pedido como concluído.',
        rejected: () => 'A TI não conseguiu concluir este pedido por chat.',
        cancelled: () => 'Cancelou este pedido.',
      },
      next: {
        opened:
          'Alguém da TI vai ligar-lhe ou escrever-lhe no Teams para confirmar a sua identidade. A TI nunca pede a sua palavra-passe nem um código MFA.',
        claimed:
          'Essa pessoa vai ligar-lhe ou escrever-lhe no Teams para confirmar a sua identidade. A TI nunca pede a sua palavra-passe nem um código MFA.',
        claimReleased:
          'Não precisa de fazer nada: a próxima pessoa que assumir o pedido vai dar-lhe notícias.',
        verified: 'A sua chave vai chegar a este chat em breve.',
        keySent:
          'Procure neste chat o cartão com a sua chave. A chave volta a ficar oculta após alguns minutos.',
        noteAdded: 'A pessoa responsável pelo seu pedido vai vê-la.',
        resolved: 'O PC continua bloqueado? Escreva "falar com a TI" e abro um novo pedido.',
        rejected: 'Fale com o suporte de TI pessoalmente ou por telefone.',
        cancelled: 'Diga olá quando quiser começar de novo.',
      },
      addNote: 'Adicionar uma nota',
      noteLabel: 'Nota para a TI',
      notePlaceholder: 'ex.: a melhor hora para me ligar. Nunca a sua chave nem a palavra-passe.',
      noteRequired: 'Escreva a sua nota.',
      sendNote: 'Enviar nota',
      cancelRequest: 'Cancelar pedido',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `O caso ${caseNumber} de ${requesterName} aguarda há ${minutesWaiting} ${minutesWaiting === 1 ? 'minuto' : 'minutos'} e ainda ninguém o assumiu.`,

    queueTitle: (count) => `Casos em aberto (${count})`,
    queueEmpty: 'Não há casos em aberto neste momento.',
    queueLine: (caseNumber, requesterName, status) => `Caso ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `em espera há ${minutes} min`,
    moreCases: (count) => `e mais ${count}`,
    queueHint: 'Escreva "case" e um número para ver um caso, por exemplo "case 12".',

    statsTitle: (day) => `Hoje (${day})`,
    statsRequests: 'Pedidos',
    statsSelfServed: 'Resolvidos em self-service',
    statsEscalated: 'Encaminhados para a TI',
    statsMedianToKey: 'Mediana do tempo até obter a chave',
    minutes: (count) => `${count} min`,
    noneYet: 'Ainda nenhum',
    topReasonsTitle: 'Principais motivos de bloqueio',
    noReasons: 'Ainda não há respostas hoje.',
    rootCauses: {
      firmwareUpdate: 'Atualização de BIOS ou firmware',
      windowsUpdate: 'Atualização do Windows',
      hardwareChange: 'Reparação ou hardware novo',
      dockOrPeripheral: 'Dock, monitor ou dispositivo USB',
      wrongPin: 'PIN errado muitas vezes',
      nothingUnusual: 'Nada fora do normal',
      outOfMyHands: 'Fora da posse, perdido ou roubado',
    },

    auditTitle: (subject) => `Últimos eventos de auditoria de ${subject}`,
    auditEmpty: (subject) => `Não há eventos de auditoria de ${subject}.`,
    auditDecisions: {
      released: 'Chave entregue',
      denied: 'Recusado',
      escalated: 'Encaminhado para a TI',
      signInMismatch: 'Início de sessão com outra conta',
      signInFailed: 'Falha no início de sessão',
      rateLimited: 'Limite atingido',
      keyCardHidden: 'Cartão da chave oculto',
      rotationRequested: 'Substituição pedida',
      rotationConfirmed: 'Substituição confirmada',
      rotationOverdue: 'Substituição em atraso',
      caseChanged: 'Caso alterado',
    },
    auditBy: (actor) => `por ${actor}`,
    moreAudit: (count) =>
      `${count} ${count === 1 ? 'evento mais antigo não mostrado' : 'eventos mais antigos não mostrados'}`,

    commandsUsage:
      'Comandos do helpdesk: "queue" (casos abertos, os mais antigos primeiro), "case 12", "stats" (hoje) e "audit" com o UPN ou o ID de objeto de uma pessoa, o deviceId do Entra de um dispositivo ou um ID de chave (pelo menos os primeiros 8 caracteres).',
    refusals: {
      notHelpdeskMember: 'Lamento, isso é só para o suporte de TI. Nada foi alterado.',
      notRequester: 'Só a pessoa que pediu ajuda pode fazer isso.',
      ownCase: 'Este caso é seu, por isso tem de ser outro técnico a assumi-lo.',
      caseClosed: (status) => `Este caso já está encerrado (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} é responsável por este caso. Fale com essa pessoa, ou assuma o caso quando voltar à fila.`,
      alreadyOwner: 'Já é responsável por este caso.',
      notClaimed: 'Assuma primeiro o caso.',
      verificationRequired: 'Anote primeiro como verificou o requerente. Depois, pode enviar a chave.',
      advancedRoleRequired:
        '"Ver a chave" é só para técnicos com a função avançada de helpdesk. Nada foi mostrado.',
      alreadyReleased: 'A chave já foi enviada neste caso.',
      notClosed: 'Só um caso resolvido ou rejeitado pode ser reaberto.',
      unknownMethod: 'Escolha como verificou a identidade.',
      textRequired: {
        note: 'Escreva primeiro uma nota.',
        reason: 'Escreva por que motivo precisa de ver a chave.',
      },
      textTooLong: (field, max) =>
        `${field === 'note' ? 'Essa nota é muito longa' : 'Esse motivo é muito longo'}. Use menos de ${max} caracteres.`,
      recoveryPasswordInText:
        'Isso parecia uma chave de recuperação, por isso não a guardei. Nunca escreva uma chave no Teams.',
      changed: 'Este caso mudou enquanto o consultava. Aqui está a versão atual: tente novamente.',
      outOfDate:
        'Esse cartão está desatualizado, por isso nada foi alterado. Use a mensagem mais recente sobre o seu pedido.',
      caseNotFound: (caseNumber) => `Não existe o caso ${caseNumber}.`,
      unreadableAction: 'Esse botão enviou algo que não consegui ler. Atualize o cartão e tente novamente.',
      membershipUnknown:
        'Não consegui verificar a sua pertença ao helpdesk: o diretório não está a responder. Nada foi alterado. Tente novamente daqui a um minuto.',
      keyReleaseOff:
        'A entrega de chaves não está configurada neste bot, por isso o helpdesk não pode enviar nem mostrar chaves. Resolva o caso quando a pessoa recuperar o acesso.',
    },
  },
};
