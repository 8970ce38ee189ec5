import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Switch } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SequenceDetail } from '../../../contract/sequences';
import { updateSequenceSettingsMutation } from '../api/update-sequence-settings';

interface SameCompanySettingProps {
  sequence: SequenceDetail;
  /** Managers and admins change it; everyone else reads it. */
  canEdit: boolean;
}

/** The sequence setting "Unenroll contacts from the same company" (docs/domain.md §4 rule 5). */
export function SameCompanySetting({ sequence, canEdit }: SameCompanySettingProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hintId = useId();
  // A failure is reported by the mutation cache's toast; the switch then shows the saved value again.
  const save = useMutation(updateSequenceSettingsMutation(queryClient, sequence.id));
  const value = save.isPending ? save.variables.unenrollSameCompany : sequence.unenrollSameCompany;

  if (!canEdit) {
    return (
      <p className="same-company">
        {t('sequenceSettings.readOnly', { state: t(sequence.unenrollSameCompany ? 'sequenceSettings.on' : 'sequenceSettings.off') })}
      </p>
    );
  }
  return (
    <div className="same-company">
      <Switch
        className="switch"
        isSelected={value}
        isReadOnly={save.isPending}
        aria-describedby={hintId}
        onChange={(unenrollSameCompany) => save.mutate({ unenrollSameCompany })}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        {t('sequenceSettings.sameCompany')}
      </Switch>
      <p id={hintId} className="same-company__hint">
        {t('sequenceSettings.sameCompanyHint')}
      </p>
    </div>
  );
}
