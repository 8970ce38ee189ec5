import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SequenceDetail } from '../../../contract/sequences';
import { formatInteger } from '../../../i18n/format';

/** Under the sequence's name: its owner, and its steps in order. */
export function SequenceMeta({ sequence }: { sequence: SequenceDetail }) {
  const { t } = useTranslation();
  const stepsLabel = useId();
  return (
    <div className="sequence-meta">
      <p>
        <span className="text-muted">{t('summary.owner')}</span> {sequence.owner.name}
      </p>
      <div className="sequence-meta__steps">
        <span className="text-muted" id={stepsLabel}>
          {t('summary.stepCount', { count: sequence.steps.length })}
        </span>
        <ol className="step-strip" aria-labelledby={stepsLabel}>
          {sequence.steps.map((step) => (
            <li key={step.position} className="step-strip__step">
              <span className="step-strip__position" aria-hidden="true">
                {formatInteger(step.position)}
              </span>
              <span className="visually-hidden">{t('summary.stepNumber', { position: step.position })} </span>
              <span className="step-strip__type">{t(`summary.stepTypes.${step.type}`)}</span>
              {step.subject ? <span className="step-strip__subject">{step.subject}</span> : null}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
