import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { sessionQuery } from '../features/auth/api/get-session';
import { useSignOut } from '../features/auth/api/sign-out';
import { ResetDemoData } from '../features/auth/components/reset-demo-data';
import { PRODUCT_NAME } from '../ui/product-name';
import { LanguageSelect } from './language-select';
import { useLandmarkProps } from './landmarks';
import { MAIN_ID, SkipLink } from './skip-link';

const NAV = [
  { to: '/sequences', key: 'nav.sequences' },
  { to: '/email-health', key: 'nav.emailHealth' },
  { to: '/marketing-email', key: 'nav.marketingEmail' },
  { to: '/settings/inboxes', key: 'nav.inboxes' },
] as const;

/** The frame of every signed-in page: header with navigation and account, then the page. */
export function Layout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const { data: session } = useQuery(sessionQuery());
  const signOut = useSignOut();
  const mainRef = useRef<HTMLElement>(null);
  const landmarks = {
    banner: useLandmarkProps('banner'),
    navigation: useLandmarkProps('navigation', t('nav.label')),
    main: useLandmarkProps('main', undefined, mainRef),
  };
  const previousPath = useRef(pathname);

  // After moving to another page, start the keyboard and screen reader there, as a full
  // page load would. Search and sort changes stay where they are.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  const user = session?.user ?? null;
  const isNavigating = navigation.state === 'loading' && navigation.location.pathname !== pathname;

  return (
    <div className="shell">
      <SkipLink />
      <div className="progress" data-active={isNavigating || undefined} aria-hidden="true" />
      <header className="app-header" {...landmarks.banner}>
        <div className="app-header__inner">
          <Link to="/sequences" className="brand" aria-label={t('nav.home')}>
            <span className="brand__mark" aria-hidden="true" />
            {PRODUCT_NAME}
          </Link>
          <nav className="main-nav" {...landmarks.navigation}>
            <ul className="main-nav__list">
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="main-nav__link">
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__end">
            <LanguageSelect />
            {user ? (
              <div className="account" role="group" aria-label={t('account.label')}>
                <p className="account__who">
                  <span className="account__name">{user.name}</span>
                  <span className="account__role">{t(`roles.${user.role}`)}</span>
                </p>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-disabled={signOut.isPending || undefined}
                  onClick={() => {
                    if (signOut.isPending) return;
                    signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in', { replace: true }) });
                  }}
                >
                  {signOut.isPending ? t('account.signingOut') : t('account.signOut')}
                </button>
                {import.meta.env.VITE_API_MODE === 'demo' ? <ResetDemoData /> : null}
              </div>
            ) : null}
          </div>
        </div>
      </header>
      <main {...landmarks.main} id={MAIN_ID} tabIndex={-1} className="main" aria-busy={isNavigating || undefined}>
        <Outlet />
      </main>
    </div>
  );
}
