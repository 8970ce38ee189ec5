import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface ReviewConfirmStepProps {
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
}

/** Step 5: the confirmation that Done requires. */
export function ReviewConfirmStep({ confirmed, onConfirmedChange }: ReviewConfirmStepProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="review-step">
      <p>{t('probation.wizard.step5.body')}</p>
      <div className="review-confirm">
        <input id={id} type="checkbox" checked={confirmed} onChange={(e) => onConfirmedChange(e.target.checked)} />
        <label htmlFor={id}>{t('probation.wizard.step5.confirm')}</label>
      </div>
      {!confirmed ? <p className="text-muted">{t('probation.wizard.step5.hint')}</p> : null}
    </div>
  );
}
