/**
 * Every word the bot says, in one catalogue. Another language is another object of this type
 * (a new file), not a code change.
 */
export interface Messages {
  readonly welcomeTitle: string;
  readonly welcomeBody: string;
  readonly neverAskForPassword: string;
  readonly startRecovery: string;
  readonly startWhereKeyId: string;
  readonly startTalkToIt: string;
  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpCommands: readonly { readonly command: string; readonly description: string }[];
  readonly keyIdHelpTitle: string;
  readonly keyIdHelpSteps: readonly string[];
  readonly notYet: string;
  readonly groupChatRedirect: string;
  readonly turnError: string;
  readonly cardFallback: string;
}

export const en: Messages = {
  welcomeTitle: 'BitLocker recovery',
  welcomeBody:
    'Locked out by a blue BitLocker screen? I can help you find the right recovery key for your work PC, or get IT to help you.',
  neverAskForPassword: 'I will never ask for your password or an MFA code.',
  startRecovery: 'My PC shows a BitLocker recovery screen',
  startWhereKeyId: 'Where do I find the Key ID?',
  startTalkToIt: 'Talk to IT',
  helpTitle: 'What I can do',
  helpIntro: 'Type one of these at any time, or tap a button below.',
  helpCommands: [
    { command: 'help', description: 'show this list' },
    { command: 'restart', description: 'start again from the beginning' },
    { command: 'status', description: 'see your open request' },
    { command: 'talk to IT', description: 'ask the helpdesk for help' },
  ],
  keyIdHelpTitle: 'Finding the Key ID',
  keyIdHelpSteps: [
    'Look at the blue BitLocker recovery screen on your PC.',
    'Find the line that starts with "Recovery key ID" (older screens: "Key ID").',
    'Type the first 8 characters here, for example 4290B6C0. More characters are fine too.',
  ],
  notYet:
    "Sorry, I can't do that yet. The guided recovery is still being built; for now, please contact your IT helpdesk.",
  groupChatRedirect:
    'I help with BitLocker recovery in a private chat only, so your details stay between us. Open a 1:1 chat with me to start.',
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
  cardFallback: 'This message needs a newer version of Teams to display.',
};
