import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { isEmailAddress } from '../../../contract/email';
import { TextField } from '../../../ui/text-field';
import { useDocumentTitle } from '../../../ui/use-document-title';
import { useSignIn } from '../api/sign-in';
import { safeNextPath } from '../next-path';
import { AuthForm } from './auth-form';
import { DemoAccounts } from './demo-accounts';
import { ResetDemoData } from './reset-demo-data';

type FieldErrorKey = 'signIn.emailRequired' | 'signIn.emailInvalid' | 'signIn.passwordRequired';
type FailureKey = 'signIn.invalidCredentials' | 'signIn.rateLimited' | 'errors.api.network' | 'signIn.failed';

interface FieldErrors {
  email?: FieldErrorKey;
  password?: FieldErrorKey;
}

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === '') errors.email = 'signIn.emailRequired';
  else if (!isEmailAddress(email.trim())) errors.email = 'signIn.emailInvalid';
  if (password === '') errors.password = 'signIn.passwordRequired';
  return errors;
}

function failureKey(error: unknown): FailureKey {
  if (!isApiError(error)) return 'signIn.failed';
  if (error.code === 'invalid_credentials') return 'signIn.invalidCredentials';
  if (error.code === 'rate_limited' || error.status === 429) return 'signIn.rateLimited';
  if (error.code === 'network') return 'errors.api.network';
  return 'signIn.failed';
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const signIn = useSignIn();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = () => {
    const found = validate(email, password);
    setErrors(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(safeNextPath(searchParams), { replace: true }) },
    );
  };

  const fillDemoAccount = (demoEmail: string, demoPassword: string) => {
    setEmail(demoEmail);
    setPassword(demoPassword);
    setErrors({});
    signIn.reset();
    submitRef.current?.focus();
  };

  return (
    <div className="sign-in">
      <div className="panel sign-in__panel">
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="sign-in__intro">{t('signIn.intro')}</p>

        <AuthForm
          failure={signIn.isError ? t(failureKey(signIn.error)) : null}
          onSubmit={onSubmit}
          isPending={signIn.isPending}
          submitLabel={t('signIn.submit')}
          pendingLabel={t('signIn.submitting')}
          submitRef={submitRef}
        >
          <TextField
            ref={emailRef}
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.email ? t(errors.email) : null}
          />
          <TextField
            ref={passwordRef}
            label={t('signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password ? t(errors.password) : null}
          />
        </AuthForm>
      </div>

      {import.meta.env.VITE_API_MODE === 'demo' ? (
        <>
          <DemoAccounts onUse={fillDemoAccount} />
          <section className="panel demo-accounts" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title" className="panel__title">
              {t('demo.dataTitle')}
            </h2>
            <p>{t('demo.kept')}</p>
            <ResetDemoData className="button button--small" />
          </section>
        </>
      ) : null}
    </div>
  );
}
