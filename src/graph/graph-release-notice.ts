import type { Logger } from '../observability/logger.js';
import { formatKeyIdForDisplay } from '../recovery/key-id.js';
import type { ReleaseNoticeWords, ReleaseNotifier } from '../recovery/release-notifier.js';
import type { GraphClient, UserReference } from './graph-client.js';
import type { MailMessage } from './graph-resources.js';

/** What the out-of-band notice says and to whom. Never the key. */
export interface ReleaseNoticeInput {
  /**
   * Whose mailbox sends it: `'me'` with the requester's own delegated token (the notice goes to
   * themselves), or, with an app-only token, the object id of the configured sender mailbox. The Graph
   * client puts only GUIDs into paths, so a UPN has to be resolved to its object id first.
   */
  readonly sender: UserReference;
  /** The requester's mail address or UPN. */
  readonly to: string;
  readonly deviceName: string;
  /** The Key ID of the key that was shown. */
  readonly keyId: string;
  /** When it was shown (ISO instant). */
  readonly at: string;
  readonly requesterName: string;
  /** The mail's words, in the requester's language. */
  readonly words: ReleaseNoticeWords;
}

/** Sent, or not (already logged): a notice never blocks or undoes a release. */
export type ReleaseNoticeOutcome = 'sent' | 'failed';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One address, nothing around it: no display name, no list, no line breaks. */
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * The notice as plain text: which device's key was viewed and when, and what to do if that was not the
 * requester. Calm on purpose (most readers did it themselves), and with no link, so it cannot be mistaken
 * for phishing and cannot be copied into a phishing mail that looks like ours.
 */
export function releaseNoticeMail(input: ReleaseNoticeInput): MailMessage {
  const when = new Date(input.at);
  if (!Number.isFinite(when.getTime())) throw new RangeError('the notice time must be an ISO instant');
  const iso = when.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  const keyId = formatKeyIdForDisplay(input.keyId);
  const { deviceName, requesterName, words } = input;
  return {
    subject: words.subject(deviceName),
    body: {
      contentType: 'text',
      content: words.lines({ requesterName, deviceName, day, time, keyId }).join('\n\n'),
    },
    toRecipients: [input.to],
  };
}

/**
 * Sends the out-of-band notice after a release (product.md §3.2 step 6). Failures are logged and
 * reported as `'failed'`, never thrown: the key is already on the requester's screen.
 */
export async function sendReleaseNotice(
  graph: Pick<GraphClient, 'sendMail'>,
  input: ReleaseNoticeInput,
  logger: Logger,
): Promise<ReleaseNoticeOutcome> {
  const log = logger.child({ component: 'release-notice' });
  const fields = { deviceName: input.deviceName, keyId: input.keyId, sender: input.sender };
  if (input.sender !== 'me' && !GUID.test(input.sender)) {
    log.error(fields, 'notice not sent: the sender mailbox must be given as its object id (a GUID)');
    return 'failed';
  }
  if (!ADDRESS.test(input.to)) {
    log.error(fields, 'notice not sent: the recipient is not one mail address');
    return 'failed';
  }
  try {
    await graph.sendMail(input.sender, releaseNoticeMail(input));
  } catch (error) {
    // Any failure (Graph down, no Mail.Send, a bad time or Key ID) ends here: the release stands.
    log.error({ ...fields, err: error }, 'release notice could not be sent');
    return 'failed';
  }
  log.info(fields, 'release notice sent');
  return 'sent';
}

/**
 * The release notifier on Graph: the requester's mail address from the directory, then the notice from the
 * configured sender mailbox (app-only token, `Mail.Send` and `User.Read.All`).
 */
export function graphReleaseNotifier(
  graph: Pick<GraphClient, 'sendMail' | 'user'>,
  sender: string,
  logger: Logger,
): ReleaseNotifier {
  return {
    async notify(notice) {
      try {
        const user = await graph.user(notice.requesterObjectId);
        await sendReleaseNotice(
          graph,
          {
            sender,
            to: user.mail ?? user.userPrincipalName,
            deviceName: notice.deviceName,
            keyId: notice.keyId,
            at: notice.at,
            requesterName: user.displayName,
            words: notice.words,
          },
          logger,
        );
      } catch (error) {
        // The directory lookup failed: the release stands, the notice is lost, and the log says so.
        logger.error({ err: error, requester: notice.requesterObjectId }, 'release notice not sent');
      }
    },
  };
}
