import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { ContactNotSent } from '../../../contract/email-health';

/** Every email that was not sent to a contact, newest first, with its reason. */
export const contactNotSentQuery = (contactId: string) =>
  queryOptions({
    queryKey: ['contacts', contactId, 'not-sent'] as const,
    queryFn: ({ signal }) =>
      apiRequest(`/api/contacts/${encodeURIComponent(contactId)}/not-sent`, ContactNotSent, { signal }),
  });
