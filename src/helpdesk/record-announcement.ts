import type { Case, ChannelPost } from './case.js';

/** The bot posted the case card in the helpdesk channel for the first time, or re-announced it. */
export type CaseAnnouncement =
  | { readonly kind: 'posted'; readonly post: ChannelPost }
  | { readonly kind: 'reminded' };

/**
 * The case after the bot announced it in the channel. Stored like any change (`version` one higher), so
 * two instances running the same reminder job cannot both re-announce: the second loses the version race.
 */
export function recordAnnouncement(current: Case, announcement: CaseAnnouncement, now: Date): Case {
  const at = now.toISOString();
  return {
    ...current,
    post: announcement.kind === 'posted' ? announcement.post : current.post,
    announcedAt: at,
    history: [
      ...current.history,
      { at, by: { kind: 'system' }, action: announcement.kind, status: current.status },
    ],
    version: current.version + 1,
    updatedAt: at,
  };
}
