/** The words of the out-of-band notice, in the requester's language (the catalogue's `releaseNotice`). */
export interface ReleaseNoticeWords {
  readonly subject: (deviceName: string) => string;
  /** Paragraphs; `day` (YYYY-MM-DD) and `time` (HH:MM) are UTC, `keyId` is formatted. */
  readonly lines: (notice: {
    readonly requesterName: string;
    readonly deviceName: string;
    readonly day: string;
    readonly time: string;
    readonly keyId: string;
  }) => readonly string[];
}

/** One disclosure to tell the requester about, out of band. Never the key. */
export interface ReleaseNotice {
  readonly requesterObjectId: string;
  readonly deviceName: string;
  readonly keyId: string;
  /** When the key was shown (ISO instant). */
  readonly at: string;
  readonly words: ReleaseNoticeWords;
}

/**
 * Mails the requester that their key was shown (product.md §3.2 step 6), when a sender is configured.
 * Never throws: a notice that cannot go out is logged, and the release stands.
 */
export interface ReleaseNotifier {
  notify(notice: ReleaseNotice): Promise<void>;
}
