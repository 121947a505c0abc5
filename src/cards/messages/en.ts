import type { DenialReason } from '../../recovery/release-policy.js';
import type { Messages } from '../messages.js';

/** Why Graph and the release policy did not give an agent the key: what it means and what to do. */
const helpdeskDenials: { readonly [reason in DenialReason]: string } = {
  noMatch:
    "none of the requester's PCs has a key with that Key ID. Check the Key ID on their screen with them.",
  notAllowedByTenant:
    'Entra ID does not let this sign-in read BitLocker keys. An agent with a key-reading role (for example Helpdesk Administrator) can do it.',
  notInSelfServiceGroup: 'the requester is not allowed to get keys.',
  rateLimited: 'this person has had too many keys in the last 24 hours. Look at the PC in person.',
  deviceRateLimited: 'this PC has had too many keys in the last 24 hours. Look at it in person.',
  riskStop: 'the request was stopped as risky.',
  deviceDisabled: 'the PC is disabled in Entra ID. Check why before unlocking it.',
  repeatRecovery:
    'this PC was unlocked with a key less than an hour ago. Something keeps locking it: look at it in person.',
  directoryUnavailable: 'Microsoft Graph did not answer. Try again in a few minutes.',
  alreadyReleased: 'this key has already been given out for this case.',
};

const minutesWord = (count: number): string => (count === 1 ? 'minute' : 'minutes');

/**
 * English. Written for someone locked out of their PC, reading on a phone: short lines, plain words,
 * never blaming, and never asking for a password, an MFA code or the recovery key itself.
 */
export const en: Messages = {
  welcomeTitle: 'BitLocker recovery',
  welcomeBody:
    'Locked out by a blue BitLocker screen? I can help you find the right recovery key for your work PC, or get IT to help you.',
  neverAskForPassword: 'I will never ask for your password or an MFA code.',
  welcomeKeyIdLabel: 'Key ID from the blue screen',
  send: 'Send',
  welcomeOrTellMe: 'Or just tell me what is going on, in your own words.',
  greetAgain:
    'Hi again! If your PC shows the BitLocker screen, type the Key ID from it (like 4290B6C0), or tell me what is going on.',
  acknowledged:
    'OK. Type the Key ID from the blue screen whenever you are ready, or tell me what is going on.',
  startRecovery: 'My PC shows a BitLocker recovery screen',
  startWhereKeyId: 'Where do I find the Key ID?',
  startTalkToIt: 'Talk to IT',
  startOver: 'Start over',

  helpTitle: 'What I can do',
  helpIntro: 'Just tell me in your own words. These also work at any time:',
  helpCommands: [
    { command: 'help', description: 'show this list' },
    { command: 'restart', description: 'start again from the beginning' },
    { command: 'cancel', description: 'stop the current request' },
    { command: 'status', description: 'see your open request' },
    { command: 'talk to IT', description: 'ask the helpdesk for help' },
  ],

  keyIdHelpTitle: 'Finding the Key ID',
  keyIdHelpSteps: [
    'Look at the blue BitLocker recovery screen on the locked PC.',
    'Near the bottom, find "Recovery key ID" (older screens say "Key ID"). Letters and numbers follow it.',
    'Type the first 8 of them below or in the chat, for example 4290B6C0. More is fine too.',
  ],
  keyIdHelpNotes: [
    'Windows 11 may also show a Microsoft account hint. Then the key is probably saved in that personal account.',
    'Pressing Alt shows an error code, such as E_FVE_DEVICE_LOCKEDOUT. Handy to note, but not needed.',
  ],

  keyIdLabel: 'Key ID',
  requestNumberLabel: 'Request number',
  askKeyIdTitle: 'What is the Key ID?',
  askKeyIdWhere:
    'It is near the bottom of the blue screen, after "Recovery key ID". The first 8 characters are enough.',
  askKeyIdOrType: 'You can also just type it in the chat.',
  notedTitle: 'So far',
  keyIdPlaceholder: 'e.g. 4290B6C0',
  keyIdRequired: 'Type the Key ID from the blue screen.',
  whereIsIt: 'Where is it?',

  keyIdTooShort: (digits) =>
    `I got ${digits} ${digits === 1 ? 'character' : 'characters'}. The Key ID needs at least 8: please type the first 8 from the blue screen.`,
  notAKeyId:
    'That does not look like a Key ID. It uses only 0-9 and A-F, like 4290B6C0, and comes after "Recovery key ID" on the blue screen.',
  twoKeyIds: 'I see more than one Key ID there. Please send just the one on your blue screen.',
  passwordPastedTitle: 'Please keep that to yourself',
  passwordPastedLines: [
    'That looked like a recovery key (48 digits).',
    'Never paste it into any chat, here or anywhere else. I did not keep it.',
    'If you typed it by mistake, delete that message.',
    'What I need is only the Key ID: the short code after "Recovery key ID" on the blue screen.',
  ],

  confirmKeyIdQuestion: (keyId) => `Did you mean ${keyId}?`,
  confirmKeyIdCorrections: (corrections) =>
    `I read ${corrections.join(', ')}, because Key IDs only use 0-9 and A-F.`,
  confirmKeyIdYes: 'Yes',
  confirmKeyIdNo: 'No, retype',

  answersTitle: 'What happened just before the blue screen?',
  rootCauseButtons: {
    firmwareUpdate: 'BIOS or firmware update',
    windowsUpdate: 'Windows update',
    hardwareChange: 'Repair or new hardware',
    dockOrPeripheral: 'New dock, screen or USB device',
    wrongPin: 'Wrong PIN too many times',
    nothingUnusual: 'Nothing unusual',
    outOfMyHands: 'It was lost, stolen or out of my hands',
  },
  assumedWorkPc: 'This is for your work PC.',
  notWorkPc: 'Not a work PC?',
  deviceKindButtons: {
    personalPc: 'My personal PC',
    secondHand: 'A second-hand PC',
    oldDomainPc: 'An older PC on the company domain',
  },
  errorCodeHint:
    'An error code on the screen (press Alt), like E_FVE_DEVICE_LOCKEDOUT? Type it here if you like.',
  rootCauseChoices: {
    firmwareUpdate: 'A BIOS or firmware update',
    windowsUpdate: 'A Windows update',
    hardwareChange: 'A repair or new hardware',
    dockOrPeripheral: 'A new dock, screen or USB device',
    wrongPin: 'A wrong PIN, too many times',
    nothingUnusual: 'Nothing unusual',
    outOfMyHands: 'The PC was out of my hands, may have been tampered with, or is lost or stolen',
  },
  deviceKindChoices: {
    workPc: 'My work PC',
    personalPc: 'My personal PC',
    secondHand: 'A second-hand PC',
    oldDomainPc: 'An older PC joined to the company domain',
    notSure: 'Not sure',
  },
  whyDidThisHappen: 'Why did this happen?',

  verifyTitle: "Thanks, that's all I need",
  verifyAgainTitle: "Almost there: verify it's you",
  rootCauseFact: 'What happened',
  deviceKindFact: 'PC',
  errorCodeFact: 'Error code',
  verifyNext: "Next: a quick Microsoft sign-in proves it's you. I will never ask for your password here.",
  verifyButton: "Verify it's you",
  verifyNotSwitchedOn:
    'Self-service sign-in is not switched on here yet, so a person from IT needs to help with this one.',

  guides: {
    personalAccount: {
      title: 'Your key is probably in a Microsoft account',
      intro:
        'Personal PCs usually save the key to the Microsoft account used to set them up. On your phone or another device:',
      points: [
        'Open aka.ms/myrecoverykey.',
        'Sign in with the Microsoft account used on the locked PC. Newer blue screens show a hint of it.',
        'Find the key whose Key ID matches the one on your screen.',
        'Type its 48 digits on the locked PC.',
      ],
      closing: [
        "Not there? Try your other Microsoft accounts, and on a shared PC, family members' accounts.",
        'Keep the key to yourself: never paste it into a chat.',
      ],
    },
    secondHand: {
      title: 'A second-hand PC',
      intro:
        "Only whoever turned on BitLocker, the original owner or the seller, can have this PC's recovery key.",
      points: [
        'Ask them to look it up at aka.ms/myrecoverykey, using the Key ID on your screen.',
        'Please do not pay online "recovery" services: nobody can unlock the data without the key.',
        `Did IT give you this PC, maybe a colleague's old one? Then it counts as a work PC: tap "Start over" and I will find its key.`,
      ],
      closing: [
        'If the key cannot be found, the PC can be reset and used again, but the files on it will be erased.',
      ],
    },
    noKeyAnywhere: {
      title: 'No copy of the key?',
      intro:
        'For a work PC you need no copy of your own: IT keeps its key, and I can find it for you. For a personal PC, look for:',
      points: [
        "A printout: paper files, drawers, the PC's box.",
        'A USB stick.',
        'A file named like "BitLocker Recovery Key" plus the Key ID, ending in .txt, on another PC, a drive or cloud storage.',
        'An email you sent yourself.',
        'Your password manager.',
        'The Microsoft account used on the PC: aka.ms/myrecoverykey.',
      ],
      closing: [
        'The honest truth: a lost recovery key cannot be recreated, not by IT and not by Microsoft.',
        'If no copy turns up, the last resort is resetting the PC. It works again afterwards, but the files on it are erased. Files in OneDrive or another backup stay safe there.',
      ],
    },
    whyThisHappened: {
      title: 'Why BitLocker asks for the key',
      intro:
        'BitLocker keeps your files safe. When something about how the PC starts changes, it asks for the key to be sure the PC is still in the right hands. Common reasons:',
      points: [
        'A BIOS or firmware update, or a Secure Boot setting changed.',
        'A repair or new hardware, such as a new motherboard or security chip (TPM).',
        'A big Windows update or a reinstall.',
        'A wrong PIN, entered too many times.',
        'A dock or USB device plugged in at start-up, changing how the PC boots.',
        'Now and then, someone trying to get into the PC.',
      ],
      closing: ['It is not your fault. The right key unlocks the PC as usual.'],
    },
    ownCopy: {
      title: 'Using your own copy',
      intro: 'Good: your own copy works just as well, if it is the right one.',
      points: [
        'Check that the Key ID that comes with it starts like the one on the blue screen.',
        'Type the 48 digits with the number keys along the top of the keyboard. If they do nothing, F1–F10 mean 1–0.',
        'A block of 6 digits that is mistyped is marked: retype just that block.',
      ],
      closing: [
        'Not the same Key ID, or not accepted? For a work PC I can find the right key: tap "Find my key".',
        'Afterwards, keep the copy away from the PC, and never paste it into a chat.',
      ],
    },
    keyRejected: {
      title: 'If the key is not accepted',
      intro: 'Check these, one at a time:',
      points: [
        'The Key ID on the blue screen must start like the Key ID of the key you type. If not, it is another key.',
        'Type with the number keys along the top of the keyboard. If nothing appears, F1–F10 mean 1–0.',
        'A block that turns red has a wrong digit: retype only that block.',
        'Some PCs have more than one key: try the other one listed for that PC.',
      ],
      closing: ['Still locked out? IT can help: tap "Talk to IT".'],
    },
    prevention: {
      title: 'Avoiding the next lockout',
      intro: 'A few habits make the next time easy:',
      points: [
        "Your work PC's key is kept by IT, and I am here in Teams whenever you need it.",
        'Planning a BIOS update or a repair? Tell IT first: they can pause BitLocker for it.',
        'For a personal PC, save the key to your Microsoft account (aka.ms/myrecoverykey), or print it and keep it away from the PC.',
        'Keep your files in OneDrive or another backup, so a lost key never means lost work.',
      ],
      closing: ['Never keep a key in a chat, an email or a photo.'],
    },
    security: {
      title: 'Keep your key to yourself',
      intro: 'A recovery key unlocks everything on your PC. So:',
      points: [
        'Never give it to anyone who calls, mails or messages you, even if they say they are from IT or Microsoft. IT never asks you for it.',
        'Never read it out on the phone, email it or post it in a chat, not even to a colleague or your manager.',
        'Type it only on the blue screen of your own PC.',
        'Someone asked you for it? That is a warning sign: tell IT security.',
      ],
      closing: ['Already gave it to someone? Tell IT security now: the key will be replaced.'],
    },
  },
  openMyRecoveryKey: 'Open aka.ms/myrecoverykey',
  cantFindItThere: "I can't find it there",
  findMyKey: 'Find my key',
  reportToSecurity: 'Report it to IT security',

  didYouMean: 'Did you mean…?',
  outOfScopeTitle: 'I can only help with BitLocker',
  outOfScopeBody:
    'I help when a PC stops at the blue BitLocker recovery screen. For anything else, please contact IT the usual way.',
  intentLabels: {
    recoveryScreen: 'My PC shows a BitLocker recovery screen',
    whereKeyId: 'Where do I find the Key ID?',
    whyHappened: 'Why did this happen?',
    personalPc: 'It is a personal PC',
    secondHand: 'It is a second-hand PC',
    ownCopy: 'I have my own copy of the key',
    noKeyAnywhere: "I can't find the key anywhere",
    keyDidNotWork: "The key didn't work",
    itWorked: 'It worked',
    talkToIt: 'Talk to IT',
    status: 'Status of my request',
    cancel: 'Cancel my request',
    restart: 'Start over',
    help: 'What can you do?',
    prevention: 'How to avoid this next time',
    security: 'Someone asked for my key',
  },
  glad: (keyWasShown) =>
    keyWasShown
      ? "Great, you're back in. I've hidden the key from this chat."
      : "Glad to hear it. I'm here whenever you need me.",

  riskStopTitle: "Let's keep this safe",
  riskStopLines: [
    'Because the PC may have been out of your hands, IT will check this one with you in person.',
    'For your safety, no key is shown in chat for it.',
    'I have asked IT to help. They will be notified and get in touch with you; if the PC is lost or stolen, tell them then.',
  ],

  caseRequestedTitle: "I've asked IT to help",
  caseReasons: {
    requesterAsked: 'You asked for a person, so I have passed this on.',
    riskStop: 'Because the PC may have been out of your hands, IT will check this one with you in person.',
    onPremisesDevice:
      "The key of an older domain PC is kept on the company's own servers, so IT will look it up for you.",
    notUnderstood: 'I could not sort this out by chat, so I have passed it to a person.',
    notReleasable:
      "I couldn't release a key for that Key ID from here. That happens when it isn't on a PC registered to you, or self-service isn't allowed for it.",
    rateLimited:
      'You have reached the number of keys I can show in a day, so a person from IT will help with this one.',
    directoryUnavailable:
      "Microsoft's directory is not answering right now, so I have passed this to a person instead of making you wait.",
    signInMismatch:
      'The sign-in was done with a different account than yours in Teams, so I could not use it.',
    keyDidNotWork: "The key didn't work, so a person from IT will look at it with you.",
    rotationOverdue: 'The key that was shown has not been replaced yet, so IT will make sure it is.',
    notInSelfServiceGroup:
      "Getting keys yourself isn't switched on for your account, so a person from IT will get the key to you.",
    alreadyReleased:
      "This PC's key was already shown to you, so I won't show it again here. If it didn't work, IT will help.",
    repeatRecovery:
      "This PC's key was shown less than an hour ago and it is locked again, so IT will look at why.",
    deviceDisabled: 'This PC is switched off in the company directory, so IT needs to look at it first.',
    notAllowedByTenant:
      "Your organization doesn't let people read their own keys, so a person from IT will get it to you.",
    suspiciousContact:
      'Thank you for reporting it. I have told IT, and someone will get in touch with you. Keep the key to yourself meanwhile.',
  },
  keyShownAt: (time) => `It was shown at ${time}.`,
  caseNext:
    'IT will be notified with what you told me and get in touch with you. No need to explain it all again.',
  caseWithoutKeyId: 'If you can, note the Key ID from the blue screen: IT will ask for it.',
  caseStatusHint: 'Type "status" any time to see your request.',

  offerIt: "Sorry, I'm not getting this right. Would you like a person from IT to help?",
  cancelled: (hadRequest) =>
    hadRequest
      ? 'OK, I have cancelled that request. Say hi whenever you want to start again.'
      : 'There was nothing to cancel. Say hi whenever you want to start.',

  statusTitle: 'Your request',
  statusNowFact: 'Now',
  statusLastFact: 'Last request',
  statusSteps: {
    idle: 'Nothing in progress.',
    awaitingKeyId: 'Waiting for your Key ID.',
    confirmingKeyId: 'Waiting for you to confirm the Key ID.',
    awaitingAnswers: 'Waiting for what happened just before.',
  },
  statusOutcomes: {
    none: 'None yet.',
    verification: 'Ready for the Microsoft sign-in check.',
    released: 'Your key was shown in this chat.',
    case: 'Passed to IT. They will be notified and get in touch.',
    cancelled: 'Cancelled.',
    guided: (guideTitle) => `I showed you "${guideTitle}".`,
  },

  expired: "Welcome back. It's been over a day, so we're starting fresh.",
  missLimit:
    "I can't open another request here today: those Key IDs match none of your PCs. Please call or visit the IT helpdesk.",
  staleCard: 'That button belongs to an earlier request. Here is where we are now.',
  preventionTips:
    "Tip for next time: your work PC's key is backed up by IT, and I am here in Teams whenever you need it. For a personal PC, save its key to your Microsoft account or print it and keep it away from the PC. Never keep a key in a chat, an email or a photo.",

  release: {
    title: 'Your recovery key',
    deviceLabel: 'PC',
    compareKeyId: 'First check that the Key ID on your blue screen starts the same way.',
    howToType:
      "Type the 8 blocks with the number keys along the top of the keyboard (if they don't work, F1–F10 mean 1–0). The screen moves on after each block and marks a block that is wrong.",
    hidesIn: (minutes) =>
      `For your safety I will hide this key in ${minutes} ${minutesWord(minutes)}, or as soon as you tell me it worked.`,
    worked: 'It worked',
    didNotWork: "It didn't work",
    oneBlockAtATime: 'Show one block at a time',
    allBlocks: 'Show all blocks',
    nextBlock: 'Next block',
    previousBlock: 'Previous block',
    blockOf: (index, count) => `Block ${index} of ${count}`,
    fallback: 'Your recovery key is in this message. Open it in Microsoft Teams to see it.',
    needMoreDigits: (matches) =>
      `More than one key on your PCs starts like that (${matches} of them). Please type more of the Key ID, at least the first 12 characters, and I will check again.`,
    interrupted:
      'Something interrupted me before your key could be shown, so nothing was shown. Type "restart" to try again.',
    maybeShown:
      'Something interrupted me while I was showing your key. If you see it above, you can use it: I cannot hide it now, and IT will make sure it is replaced.',
    troubleshooting:
      "Sorry about that. Check that the Key ID on the screen matches the one on my card, and that each block went in without a red mark. If it still fails, IT will help: I've passed it on.",
  },
  signIn: {
    mismatch: (name) =>
      `That sign-in was done as ${name || 'another account'}, not as you, so I could not use it. Tap "Verify it's you" again and sign in with your own work account.`,
    failed: 'That sign-in did not work or took too long. Tap "Verify it\'s you" again to get a fresh link.',
    stale: 'That sign-in belongs to an earlier request. If you still need a key, type "restart".',
  },
  signInPage: {
    closeThisPage: 'You can close this page.',
    goBack: (button) => `Go back to Teams and tap “${button}” again.`,
    verified: {
      title: "You're verified",
      body: 'Go back to Teams: my answer is in the chat, or will be in a moment.',
    },
    mismatch: {
      title: 'You signed in as someone else',
      body: (name) =>
        `You signed in as ${name || 'another account'}, not as the person who asked in Teams, so I stopped and showed nothing.`,
      ownAccount: 'Then sign in with your own work account.',
    },
    trouble: { title: 'Something went wrong on my side', body: 'Nothing was shown.' },
    failures: {
      stateUnknownOrUsed: { title: 'This sign-in link was already used', body: 'Each link works once.' },
      stateExpired: {
        title: 'This sign-in link has expired',
        body: 'Each link works for a few minutes only.',
      },
      tokenInvalid: { title: "I couldn't confirm your sign-in", body: 'Nothing was shown.' },
      authTooOld: {
        title: 'Your sign-in was not fresh enough',
        body: 'I need a sign-in from the last few minutes.',
      },
      missingAuthContext: {
        title: 'Your organization asks for a stronger sign-in',
        body: 'Sign in again with the method your organization requires (for example the Authenticator app or a security key).',
      },
      entraError: { title: "Sign-in didn't finish", body: 'It was cancelled or refused.' },
      wrongTenant: { title: 'That was not your work account', body: 'Sign in with your work account.' },
    },
  },
  keyHidden: {
    title: 'Recovery key hidden',
    body: 'I have hidden the key from this chat. It has been shown once, so IT will make sure it is replaced with a new one.',
    askAgain: 'Still locked out? Type "restart" and I will help you again.',
  },

  releaseNotice: {
    subject: (deviceName) => `The BitLocker recovery key for ${deviceName} was viewed`,
    lines: ({ requesterName, deviceName, day, time, keyId }) => [
      `Hello ${requesterName},`,
      `The BitLocker recovery key for your device ${deviceName} was shown in your Microsoft Teams chat with the BitLocker Recovery Bot on ${day} at ${time} UTC.`,
      `Key ID: ${keyId}`,
      'If this was you, there is nothing more to do. IT makes sure the key is replaced with a new one.',
      "If this wasn't you, contact your IT helpdesk or security team now, by phone or in person, and tell them about this message.",
      'This message was sent automatically. It does not contain the key, and IT will never ask you for your password or a sign-in code.',
    ],
  },

  groupChatRedirect:
    'I help with BitLocker recovery in a private chat only, so your details stay between us. Open a 1:1 chat with me to start.',
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
  slowDown:
    "That's a lot of messages at once, so I'm pausing for a moment. Wait a minute, then send one message with what you need.",

  helpdesk: {
    securityAlert: ({ caseNumber, requesterName, keyId, agentName, note }) =>
      `Suspicious BitLocker recovery request: case ${caseNumber} for ${requesterName}${keyId ? ` (Key ID ${keyId})` : ''} was rejected by ${agentName}. Their note: ${note}`,
    suspiciousContactAlert: (caseNumber, requesterName) =>
      `${requesterName} reports that someone asked them for their BitLocker recovery key (case ${caseNumber}). Treat it as a possible social-engineering attempt.`,
    probingAlert: (requesterName, misses) =>
      `Possible probing: ${requesterName} entered ${misses} Key IDs today that match none of their PCs. No more cases are opened for them today. If they contact you, verify them with care.`,
    floodAlert: (requesterName, dropped) =>
      `${requesterName} sent more than ${dropped} messages to the bot in a few minutes; they were not answered. It may be a stuck client or an attempt to flood the bot.`,
    keyFlowInterrupted: (caseNumber) =>
      `Giving out the key for case ${caseNumber} was interrupted before anyone saw it. Press the button again to retry.`,
    keyFlowMaybeShown: (caseNumber) =>
      `Giving out the key for case ${caseNumber} was interrupted while the card was being sent: it may have been shown and cannot be hidden. The key will be checked for rotation as usual.`,
    sendKeyFlow: {
      signInNotice:
        'To send the key, sign in again. The key goes straight to the requester’s own chat; you will not see it.',
      signInButton: 'Sign in and send the key',
      sent: (name) => `The key is in ${name}'s chat now. It hides itself after a few minutes.`,
      severalKeys: (matches) =>
        `${matches} keys on the requester's PCs start with that Key ID. Ask them for more of it, then try again.`,
      notReleased: (reason) => `No key was sent: ${helpdeskDenials[reason]} Nothing changed on the case.`,
      signInFailed: 'That sign-in could not be used for sending the key. Press Send key again.',
    },
    showKeyFlow: {
      signInNotice:
        'To see the key, sign in again. It comes to your private chat with me, where only you see it.',
      signInButton: 'Sign in and show the key',
      shown: (name) =>
        `The key was shown to ${name} in their private chat with me. It will be replaced once it has been used.`,
      privateChatFailed:
        'I could not open a private chat with you, so no key was read. Open a chat with me in Teams, then press Show key to me again.',
      notDelivered:
        'I could not put the key in your private chat, so nobody has seen it. Press Show key to me again in a minute.',
      notShown: (reason) => `No key was shown: ${helpdeskDenials[reason]} Nothing changed on the case.`,
      signInFailed: 'That sign-in could not be used for showing the key. Press Show key to me again.',
    },
    denials: helpdeskDenials,
    caseTitle: (caseNumber) => `Case ${caseNumber}`,
    caseSummary: (caseNumber, requesterName, status) => `Case ${caseNumber}, ${requesterName}: ${status}`,
    statuses: {
      open: 'Open: waiting for an agent',
      claimed: 'Claimed: verify the requester',
      verified: 'Verified: ready to send the key',
      released: 'Key released: resolve once they are back in',
      resolved: 'Resolved',
      cancelled: 'Cancelled by the requester',
      rejected: 'Rejected as suspicious',
      reopened: 'Reopened: waiting for an agent',
    },
    reasons: {
      requesterAsked: 'Asked for a person',
      riskStop: 'Risk stop: device was out of their hands, tampered with, lost or stolen',
      onPremisesDevice: 'On-premises domain PC: key is in on-premises AD',
      notUnderstood: 'Chat could not sort it out',
      notReleasable: 'No releasable key for this Key ID (no match, not their device, or not allowed)',
      rateLimited: 'Over the self-service release limit',
      directoryUnavailable: 'Microsoft Graph was not answering',
      signInMismatch: 'Sign-in was done with another account',
      keyDidNotWork: "Key was released but didn't work",
      rotationOverdue: 'Released key not rotated within 24 hours',
      notInSelfServiceGroup: 'Not in the self-service group',
      alreadyReleased: 'Key already shown for this request',
      repeatRecovery: 'Locked again within an hour of a release',
      deviceDisabled: 'PC is disabled in Entra ID',
      notAllowedByTenant: 'Tenant does not let owners read their keys',
      suspiciousContact: 'Reported someone asking for their recovery key',
    },
    requesterLabel: 'Requester',
    reasonLabel: 'Why IT',
    ownerLabel: 'Owner',
    nobodyYet: 'Nobody yet',
    verificationLabel: 'Verification',
    notVerifiedYet: 'Not yet',
    verifiedBy: (method, agentName) => `${method}, by ${agentName}`,
    verificationMethods: {
      videoCallPhotoId: 'Video call with photo ID',
      inPerson: 'In person',
      managerConfirmation: 'Manager confirmed in Teams',
    },
    devicesTitle: 'Their PCs',
    noDevices: 'No registered PCs found for this person.',
    trustTypes: {
      AzureAd: 'Entra joined',
      ServerAd: 'Hybrid or domain joined',
      Workplace: 'Registered (personal)',
      unknown: 'Join type unknown',
    },
    lastSignIn: (when) => `last sign-in ${when}`,
    moreDevices: (count) => `and ${count} more`,
    historyTitle: 'History',
    earlierHistory: (count) => `${count} earlier ${count === 1 ? 'entry' : 'entries'}`,
    events: {
      opened: () => 'Case opened',
      detailsAdded: () => 'PCs and details looked up',
      posted: () => 'Posted to this channel',
      reminded: () => 'Still unclaimed: reminded the channel',
      claimed: (by) => `Claimed by ${by ?? 'an agent'}`,
      claimReleased: (by) => `${by ?? 'The owner'} released the claim`,
      verificationRecorded: (by) => `Verified by ${by ?? 'an agent'}`,
      keySentToRequester: (by) => `Key sent to the requester's chat by ${by ?? 'an agent'}`,
      keyShownToAgent: (by) => `Key shown to ${by ?? 'an agent'}`,
      resolved: (by) => `Resolved by ${by ?? 'an agent'}`,
      rejectedAsSuspicious: (by) => `Rejected as suspicious by ${by ?? 'an agent'}`,
      reopened: (by) => `Reopened${by === undefined ? '' : ` by ${by}`}`,
      cancelled: () => 'Cancelled by the requester',
      noteAdded: (by) => `Note from ${by ?? 'the requester'}`,
    },
    textWithheld: '(withheld: it looked like a recovery key)',

    claim: 'Claim',
    releaseClaim: 'Release claim',
    recordVerificationTitle: 'Record verification',
    verificationMethodLabel: 'How did you verify them?',
    verificationMethodRequired: 'Pick how you verified them.',
    verificationNoteLabel: 'Note (optional)',
    verificationNotePlaceholder: 'e.g. badge checked on video, matches HR photo',
    saveVerification: 'Save verification',
    sendKey: 'Send key to requester',
    sendKeyHint:
      "Send key asks you to sign in again, then puts the key in the requester's own chat. You will not see it.",
    resolve: 'Resolve',
    reopen: 'Reopen',
    rejectOpen: 'Reject as suspicious…',
    rejectWarning: 'This ends the case without a key, tells the requester, and alerts security. Sure?',
    rejectConfirm: 'Yes, reject as suspicious',
    showKeyToMe: 'Show key to me',
    closedHint: 'This case is closed. Type "queue" to see open cases.',

    advanced: {
      title: (caseNumber) => `Show the key of case ${caseNumber}?`,
      lines: [
        'Only for requesters who cannot use Teams. You sign in again, then the key comes to your private chat with me. Only you see it, and it is audited.',
        'Read it to the verified requester, never by email or chat. It will be rotated afterwards.',
      ],
      reasonLabel: 'Why do you need to see it?',
      reasonPlaceholder: 'e.g. requester has no phone, on a video call with me',
      reasonRequired: 'Type why you need to see the key.',
      reveal: 'Show key',
      back: 'Back to the case',
    },
    revealed: {
      title: (caseNumber) => `Recovery key for case ${caseNumber}`,
      onlyYou: (requesterName) =>
        `Only you see this. Read it to ${requesterName} only, one block at a time, and never write it down.`,
      hidesIn: (minutes) => `Hidden again in ${minutes} ${minutesWord(minutes)}, or when you tap Hide key.`,
      hide: 'Hide key',
      hiddenTitle: (caseNumber) => `Recovery key for case ${caseNumber}: hidden`,
      hiddenBody:
        'It has been shown once, so it will be replaced with a new one. Resolve the case once the person is back in.',
      fallback: (caseNumber) =>
        `The recovery key for case ${caseNumber}. Open it in Microsoft Teams to see it.`,
    },

    requester: {
      title: (caseNumber) => `Your IT request ${caseNumber}`,
      caseNumberLabel: 'Request number',
      updates: {
        opened: () => 'I have passed your request to the IT helpdesk.',
        claimed: (agent) => `${agent ?? 'Someone from IT'} is now looking after your request.`,
        claimReleased: () => 'Your request is back in the helpdesk queue for the next free person.',
        verified: () => 'IT has confirmed it is you.',
        keySent: () => 'IT has sent your recovery key to this chat.',
        noteAdded: () => 'I have added your note to the request.',
        resolved: () => 'IT has closed your request as done.',
        rejected: () => 'IT could not complete this request by chat.',
        cancelled: () => 'You cancelled this request.',
      },
      next: {
        opened:
          'Someone from IT will contact you in Teams to check it is you. IT never asks for your password or an MFA code.',
        claimed:
          'They will contact you in Teams to check it is you. IT never asks for your password or an MFA code.',
        claimReleased: 'No need to do anything: you will hear from the next person who picks it up.',
        verified: 'Your key will arrive in this chat shortly.',
        keySent: 'Look for the card with your key in this chat. It is hidden again after a few minutes.',
        noteAdded: 'The person handling your request will see it.',
        resolved: 'Still locked out? Type "talk to IT" and I will open a new request.',
        rejected: 'Please contact your IT helpdesk in person or by phone.',
        cancelled: 'Say hi whenever you want to start again.',
      },
      addNote: 'Add a note',
      noteLabel: 'Note for IT',
      notePlaceholder: 'e.g. best time to call me. Never your key or password.',
      noteRequired: 'Type your note.',
      sendNote: 'Send note',
      cancelRequest: 'Cancel request',
    },

    reminder: (caseNumber, requesterName, minutesWaiting) =>
      `Case ${caseNumber} for ${requesterName} has waited ${minutesWaiting} ${minutesWord(minutesWaiting)} and nobody has claimed it yet.`,

    queueTitle: (count) => `Open cases (${count})`,
    queueEmpty: 'No open cases right now.',
    queueLine: (caseNumber, requesterName, status) => `Case ${caseNumber} · ${requesterName} · ${status}`,
    waitingFor: (minutes) => `waiting ${minutes} min`,
    moreCases: (count) => `and ${count} more`,
    queueHint: 'Type "case" and a number to see one, for example "case 12".',

    statsTitle: (day) => `Today (${day})`,
    statsRequests: 'Requests',
    statsSelfServed: 'Self-served',
    statsEscalated: 'Escalated to IT',
    statsMedianToKey: 'Median time to key',
    minutes: (count) => `${count} min`,
    noneYet: 'None yet',
    topReasonsTitle: 'Top block reasons',
    noReasons: 'No answers recorded yet today.',
    rootCauses: {
      firmwareUpdate: 'BIOS or firmware update',
      windowsUpdate: 'Windows update',
      hardwareChange: 'Repair or new hardware',
      dockOrPeripheral: 'Dock, screen or USB device',
      wrongPin: 'Wrong PIN too many times',
      nothingUnusual: 'Nothing unusual',
      outOfMyHands: 'Out of their hands, lost or stolen',
    },

    auditTitle: (subject) => `Latest audit events for ${subject}`,
    auditEmpty: (subject) => `No audit events for ${subject}.`,
    auditDecisions: {
      released: 'Key released',
      denied: 'Denied',
      escalated: 'Escalated to IT',
      signInMismatch: 'Sign-in by another account',
      signInFailed: 'Sign-in failed',
      rateLimited: 'Rate limited',
      keyCardHidden: 'Key card hidden',
      rotationRequested: 'Rotation requested',
      rotationConfirmed: 'Rotation confirmed',
      rotationOverdue: 'Rotation overdue',
      caseChanged: 'Case changed',
    },
    auditBy: (actor) => `by ${actor}`,
    moreAudit: (count) => `${count} older not shown`,

    commandsUsage:
      'Helpdesk commands: "queue" (open cases, oldest first), "case 12", "stats" (today), and "audit" with a user\'s UPN or object id, a device\'s Entra deviceId, or a Key ID (at least its first 8 characters).',
    refusals: {
      notHelpdeskMember: 'Sorry, that is only for the IT helpdesk team. Nothing was changed.',
      notRequester: 'Only the person who asked for help can do that.',
      ownCase: 'This is your own case, so another agent needs to take it.',
      caseClosed: (status) => `This case is closed already (${status}).`,
      claimedByOther: (ownerName) =>
        `${ownerName} owns this case. Ask them, or claim it once they release it.`,
      alreadyOwner: 'You already own this case.',
      notClaimed: 'Claim the case first.',
      verificationRequired: 'Record how you verified the requester first. Then you can send the key.',
      advancedRoleRequired:
        'Show key to me is only for agents with the advanced helpdesk role. Nothing was shown.',
      alreadyReleased: 'The key has already been sent for this case.',
      notClosed: 'Only a resolved or rejected case can be reopened.',
      unknownMethod: 'Pick how you verified them.',
      textRequired: { note: 'Type a note first.', reason: 'Type why you need to see the key.' },
      textTooLong: (field, max) =>
        `That ${field === 'note' ? 'note' : 'reason'} is too long. Please keep it under ${max} characters.`,
      recoveryPasswordInText:
        'That looked like a recovery key, so I did not keep it. Never type a key into Teams.',
      changed: 'This case changed while you were looking. Here it is as it is now: please try again.',
      outOfDate:
        'That card is out of date, so nothing was changed. Use the newest message about your request.',
      caseNotFound: (caseNumber) => `There is no case ${caseNumber}.`,
      unreadableAction: 'That button sent something I could not read. Refresh the card and try again.',
      membershipUnknown:
        'I could not check your helpdesk membership: the directory is not answering. Nothing was changed. Please try again in a minute.',
      keyReleaseOff:
        'Key release is not set up on this bot, so the helpdesk cannot send or show keys. Resolve the case once the person is back in.',
    },
  },
};
