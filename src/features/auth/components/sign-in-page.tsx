import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { useDocumentTitle } from '../../../ui/use-document-title';
import { useSignIn } from '../api/sign-in';
import { safeNextPath } from '../next-path';
import { DemoAccounts } from './demo-accounts';
import { ResetDemoData } from './reset-demo-data';

type FieldErrorKey = 'signIn.emailRequired' | 'signIn.emailInvalid' | 'signIn.passwordRequired';
type FailureKey = 'signIn.invalidCredentials' | 'signIn.rateLimited' | 'errors.api.network' | 'signIn.failed';

interface FieldErrors {
  email?: FieldErrorKey;
  password?: FieldErrorKey;
}

/** The contract's own rule for an email address. Its schema library is fetched once the page
 * has painted, so that it does not hold up the page; by the first submit it is there. */
let isEmail: ((email: string) => boolean) | undefined;
async function loadEmailRule(): Promise<void> {
  const { SignInRequest } = await import('../../../contract/auth');
  isEmail = (email) => SignInRequest.shape.email.safeParse(email).success;
}

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (email.trim() === '') errors.email = 'signIn.emailRequired';
  // Without the rule (it could not be downloaded), the server checks the address.
  else if (isEmail && !isEmail(email.trim())) errors.email = 'signIn.emailInvalid';
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
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const checking = useRef(false);

  useEffect(() => {
    if (!isEmail) loadEmailRule().catch(() => {});
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending || checking.current) return;
    if (!isEmail) {
      checking.current = true;
      await loadEmailRule().catch(() => {});
      checking.current = false;
    }
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

  const emailErrorId = `${id}-email-error`;
  const passwordErrorId = `${id}-password-error`;

  return (
    <div className="sign-in">
      <div className="panel sign-in__panel">
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="sign-in__intro">{t('signIn.intro')}</p>

        {signIn.isError ? (
          <div role="alert" className="alert alert--error">
            {t(failureKey(signIn.error))}
          </div>
        ) : null}

        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={signIn.isPending || undefined}>
          <div className="field">
            <label htmlFor={`${id}-email`} className="field__label">
              {t('signIn.email')}
            </label>
            <input
              ref={emailRef}
              id={`${id}-email`}
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? emailErrorId : undefined}
            />
            {errors.email ? (
              <p id={emailErrorId} className="field__error">
                {t(errors.email)}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`} className="field__label">
              {t('signIn.password')}
            </label>
            <input
              ref={passwordRef}
              id={`${id}-password`}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? passwordErrorId : undefined}
            />
            {errors.password ? (
              <p id={passwordErrorId} className="field__error">
                {t(errors.password)}
              </p>
            ) : null}
          </div>
          <button
            ref={submitRef}
            type="submit"
            className="button button--primary button--block"
            aria-disabled={signIn.isPending || undefined}
          >
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
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
