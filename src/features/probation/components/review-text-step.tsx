import { useTranslation } from 'react-i18next';

/** Steps 1 to 3 of the review: what the probation means, what consent is, how to keep it. */
export function ReviewTextStep({ step }: { step: 1 | 2 | 3 }) {
  const { t } = useTranslation();
  const key = `step${step}` as const;
  return (
    <div className="review-step">
      <p>{t(`probation.wizard.${key}.body`)}</p>
      <ul className="review-step__points">
        <li>{t(`probation.wizard.${key}.point1`)}</li>
        <li>{t(`probation.wizard.${key}.point2`)}</li>
        <li>{t(`probation.wizard.${key}.point3`)}</li>
      </ul>
    </div>
  );
}
