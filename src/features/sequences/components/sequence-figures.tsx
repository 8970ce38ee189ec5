import { useTranslation } from 'react-i18next';
import type { SequenceDetail } from '../../../contract/sequences';
import { formatInteger, formatPercent } from '../../../i18n/format';

const COUNTS = ['enrolled', 'active', 'paused', 'finished', 'unenrolled', 'withErrors'] as const;
const RATES = ['openRate', 'clickRate', 'replyRate', 'meetingRate'] as const;

/** The sequence's figures: how many are where, and how its emails do. */
export function SequenceFigures({ figures }: { figures: SequenceDetail['figures'] }) {
  const { t } = useTranslation();
  return (
    <dl className="figures">
      {COUNTS.map((key) => (
        <div key={key} className={key === 'withErrors' && figures.withErrors > 0 ? 'figure figure--danger' : 'figure'}>
          <dt className="figure__label">{t(`summary.figures.${key}`)}</dt>
          <dd className="figure__value">{formatInteger(figures[key])}</dd>
        </div>
      ))}
      {RATES.map((key, i) => {
        const value = figures[key];
        return (
          <div key={key} className={i === 0 ? 'figure figure--rate figure--group-start' : 'figure figure--rate'}>
            <dt className="figure__label">{t(`summary.figures.${key}`)}</dt>
            <dd className="figure__value">
              {value === null ? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t('summary.figures.noRate')}</span>
                </>
              ) : (
                formatPercent(value)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
