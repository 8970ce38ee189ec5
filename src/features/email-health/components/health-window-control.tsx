import { useTranslation } from 'react-i18next';
import type { HealthWindow } from '../../../contract/email-health';
import { SegmentedControl } from '../../../ui/segmented-control';

interface HealthWindowControlProps {
  value: HealthWindow;
  onChange: (window: HealthWindow) => void;
}

/** The reporting window, 30 or 90 days: the report and the not-sent list choose it alike. */
export function HealthWindowControl({ value, onChange }: HealthWindowControlProps) {
  const { t } = useTranslation();
  return (
    <SegmentedControl<HealthWindow>
      label={t('health.window.label')}
      options={[
        { id: '30d', label: t('health.window.30d') },
        { id: '90d', label: t('health.window.90d') },
      ]}
      value={value}
      onChange={onChange}
    />
  );
}
