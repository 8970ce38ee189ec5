import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** What Spread would move for an inbox now, with the token that confirms exactly that. Never
 * cached: a preview describes the schedule of the moment it was asked for. */
export const spreadPreviewQuery = (inboxId: string) =>
  queryOptions({
    queryKey: ['send-forecast', 'spread-preview', inboxId] as const,
    queryFn: ({ signal }) => request(api.previewSpread, { params: { id: inboxId }, signal }),
    staleTime: 0,
    gcTime: 0,
  });
