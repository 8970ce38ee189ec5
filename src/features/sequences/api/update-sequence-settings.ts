import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import type { SequenceDetail } from '../../../contract/sequences';
import { SequenceSettings, type SequenceSettingsUpdate } from '../../../contract/sequences';
import { sequenceQuery } from './get-sequence';

/** Changes a sequence's settings; the summary shows the saved value at once. */
export const updateSequenceSettingsMutation = (queryClient: QueryClient, sequenceId: string) =>
  mutationOptions({
    mutationFn: (body: SequenceSettingsUpdate) =>
      apiRequest(`/api/sequences/${encodeURIComponent(sequenceId)}/settings`, SequenceSettings, {
        method: 'PATCH',
        body,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(sequenceQuery(sequenceId).queryKey, (old: SequenceDetail | undefined) =>
        old ? { ...old, unenrollSameCompany: saved.unenrollSameCompany } : old,
      );
      // History gains an entry.
      await queryClient.invalidateQueries({ queryKey: ['sequences', sequenceId, 'history'] });
    },
  });
