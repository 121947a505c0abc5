/**
 * A write lost an optimistic-concurrency race: the stored item changed (or appeared, or vanished) since
 * the writer read it. The message keeps botbuilder's wording because teams-ai and botbuilder callers
 * look for `eTag conflict` in it.
 */
export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT' as const;
  readonly key: string;

  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
    this.key = key;
  }
}
