import { Trans, useTranslation } from 'react-i18next';
import type { Role } from '../../../contract/auth';

/** The seeded demo users (server/store/seed). Names and addresses are data, not UI text. */
const DEMO_ACCOUNTS: readonly { name: string; email: string; role: Role }[] = [
  { name: 'Sam Rivera', email: 'rep@example.com', role: 'rep' },
  { name: 'Morgan Lee', email: 'manager@example.com', role: 'manager' },
  { name: 'Alex Kim', email: 'marketer@example.com', role: 'marketer' },
  { name: 'Jordan Blake', email: 'admin@example.com', role: 'admin' },
];

export const DEMO_PASSWORD = 'demo-password';

interface DemoAccountsProps {
  onUse: (email: string, password: string) => void;
}

/** Demo mode only: the accounts a visitor can try, with a button that fills the form. */
export function DemoAccounts({ onUse }: DemoAccountsProps) {
  const { t } = useTranslation();
  return (
    <section className="panel demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title" className="panel__title">
        {t('signIn.demoTitle')}
      </h2>
      <p>
        <Trans i18nKey="signIn.demoIntro" values={{ password: DEMO_PASSWORD }} components={{ code: <code className="nowrap" /> }} />
      </p>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('signIn.demoCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('signIn.demoName')}</th>
            <th scope="col">{t('signIn.email')}</th>
            <th scope="col">{t('signIn.demoRole')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {DEMO_ACCOUNTS.map((account) => (
            <tr key={account.email}>
              <th scope="row">{account.name}</th>
              <td>
                <code>{account.email}</code>
              </td>
              <td>{t(`roles.${account.role}`)}</td>
              <td className="cell--action">
                <button type="button" className="button button--small" onClick={() => onUse(account.email, DEMO_PASSWORD)}>
                  {t('signIn.demoUse', { name: account.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
