import { z } from 'zod';

/**
 * What a step-up sign-in is for, stored with it as data: a requester's self-service release, an agent's
 * Send key, or an agent's Show key to me with the reason they gave.
 */
export type SignInPurpose =
  | { readonly kind: 'selfService'; readonly requestId: string }
  | { readonly kind: 'sendKey'; readonly caseNumber: number }
  | { readonly kind: 'showKey'; readonly caseNumber: number; readonly reason: string };

/**
 * The release ledger's id for what the sign-in releases: the triage request's id, or one per case and kind
 * (a case's key is sent once and shown once). Built here only, and never read back: the purpose is the data.
 */
export function releaseIdOf(purpose: SignInPurpose): string {
  switch (purpose.kind) {
    case 'selfService':
      return purpose.requestId;
    case 'sendKey':
      return `case:${purpose.caseNumber}`;
    case 'showKey':
      return `caseShow:${purpose.caseNumber}`;
  }
}

/** The purpose as stored; checked when read back, since the row outlives this code's version. */
export const signInPurposeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('selfService'), requestId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('sendKey'), caseNumber: z.number().int().positive() }),
  z.object({
    kind: z.literal('showKey'),
    caseNumber: z.number().int().positive(),
    reason: z.string().max(20_000),
  }),
]) satisfies z.ZodType<SignInPurpose>;
