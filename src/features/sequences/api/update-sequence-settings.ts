import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { SequenceDetail, SequenceSettingsUpdate } from '../../../contract/sequences';
import { sequenceQuery } from './get-sequence';

/** Changes a sequence's settings; the summary shows the saved value at once. */
export const updateSequenceSettingsMutation = (queryClient: QueryClient, sequenceId: string) =>
  mutationOptions({
    mutationFn: (body: SequenceSettingsUpdate) =>
      request(api.updateSequenceSettings, { params: { id: sequenceId }, body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(sequenceQuery(sequenceId).queryKey, (old: SequenceDetail | undefined) =>
        old ? { ...old, unenrollSameCompany: saved.unenrollSameCompany } : old,
      );
      // History gains an entry.
      await queryClient.invalidateQueries({ queryKey: ['sequences', sequenceId, 'history'] });
    },
  });
