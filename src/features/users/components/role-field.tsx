import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contract/auth';
import { SelectField } from '../../../ui/select-field';
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
  return (
    <SelectField label={label} value={value} onChange={(role) => onChange(role as Role)} autoFocus={autoFocus}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}
