import type { Activity } from 'botbuilder';
import type { Requester } from '../recovery/case-requests.js';

/**
 * The person exactly as the authenticated activity names them (a requester, or an agent signing in from a
 * case card). The tenant is the conversation's, or the channel data's where Teams puts it there.
 */
export function requesterOf(activity: Activity): Requester {
  const objectId = activity.from.aadObjectId;
  const tenantId =
    activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } })?.tenant?.id;
  if (!objectId || !tenantId)
    throw new Error('activity names no Entra user or tenant; cannot record a case request');
  return { objectId, tenantId, teamsUserId: activity.from.id, displayName: activity.from.name ?? '' };
}
