import { useTranslation } from 'react-i18next';
import type { LimitState } from '../../../contract/email-health';
import { HealthIcon, type HealthIconKind } from './health-icon';

const ICON: Record<LimitState, HealthIconKind> = { within: 'ok', close: 'watch', exceeded: 'alert' };
const TONE: Record<LimitState, string> = { within: 'healthy', close: 'room_for_improvement', exceeded: 'needs_attention' };

/** Where a rate stands against its suspension limit, in words and a shape. */
export function LimitBadge({ state }: { state: LimitState }) {
  const { t } = useTranslation();
  return (
    <span className={`judgement judgement--small judgement--${TONE[state]}`}>
      <HealthIcon kind={ICON[state]} />
      {t(`health.limit.${state}`)}
    </span>
  );
}
