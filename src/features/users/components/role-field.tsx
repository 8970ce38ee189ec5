import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contract/auth';
import { ROLES } from './roles';

interface RoleFieldProps {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  autoFocus?: boolean;
}

/** A labelled select of the roles, least access first. */
export function RoleField({ label, value, onChange, autoFocus }: RoleFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value as Role)} autoFocus={autoFocus}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
