import { useTranslation } from 'react-i18next';
import type { HealthBand } from '../../../contract/email-health';
import { HealthIcon, type HealthIconKind } from './health-icon';

const ICON: Record<HealthBand, HealthIconKind> = {
  healthy: 'ok',
  room_for_improvement: 'watch',
  needs_attention: 'alert',
};

/** A rate's band in words, with a shape and a colour that repeat them. `null`: not judged. */
export function BandBadge({ band }: { band: HealthBand | null }) {
  const { t } = useTranslation();
  return (
    <span className={`judgement judgement--${band ?? 'none'}`}>
      <HealthIcon kind={band ? ICON[band] : 'none'} />
      {band ? t(`health.band.${band}`) : t('health.band.notJudged')}
    </span>
  );
}
