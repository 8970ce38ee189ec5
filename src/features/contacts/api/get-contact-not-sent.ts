import { queryOptions } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';

/** Every email that was not sent to a contact, newest first, with its reason. */
export const contactNotSentQuery = (contactId: string) =>
  queryOptions({
    queryKey: ['contacts', contactId, 'not-sent'] as const,
    queryFn: ({ signal }) => request(api.getContactNotSent, { params: { id: contactId }, signal }),
  });
