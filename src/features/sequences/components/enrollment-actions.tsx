import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Enrollment } from '../../../contract/enrollments';
import { formatInteger } from '../../../i18n/format';
import type { EnrollmentAction } from './enrollment-action-dialogs';

interface EnrollmentActionsProps {
  enrollment: Enrollment;
  canChange: boolean;
  /** The id of the row's contact name, so the button says whose actions it opens. */
  describedBy: string;
  onAction: (action: EnrollmentAction) => void;
}

/** A row's Actions menu: Unenroll, Re-enroll at the step the problem allows, View contact. */
export function EnrollmentActions({ enrollment: e, canChange, describedBy, onAction }: EnrollmentActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canUnenroll = canChange && (e.status === 'active' || e.status === 'paused');
  const reenrollStep = canChange ? e.reenrollStep : null;

  return (
    <MenuTrigger>
      <Button className="row-actions" aria-label={t('enrollments.actions.label')} aria-describedby={describedBy}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="3" cy="8" r="1.5" />
          <circle cx="8" cy="8" r="1.5" />
          <circle cx="13" cy="8" r="1.5" />
        </svg>
      </Button>
      <Popover placement="bottom end" className="popover popover--menu">
        <Menu
          className="menu"
          onAction={(key) => {
            if (key === 'unenroll') onAction({ kind: 'unenroll', enrollment: e });
            else if (key === 'reenroll' && reenrollStep !== null) onAction({ kind: 'reenroll', enrollment: e, step: reenrollStep });
            else if (key === 'contact') void navigate(`/contacts/${encodeURIComponent(e.contact.id)}`);
          }}
        >
          {canUnenroll ? (
            <MenuItem id="unenroll" className="menu__item">
              {t('enrollments.actions.unenroll')}
            </MenuItem>
          ) : null}
          {reenrollStep !== null ? (
            <MenuItem id="reenroll" className="menu__item">
              {t('enrollments.actions.reenroll', { step: formatInteger(reenrollStep) })}
            </MenuItem>
          ) : null}
          <MenuItem id="contact" className="menu__item">
            {t('enrollments.actions.viewContact')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
