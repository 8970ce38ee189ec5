import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { attentionQuery } from '../features/attention/api/get-attention';
import { can } from '../api/can';
import { api } from '../api/endpoints';
import type { Access } from '../contract/routes';
import { sessionQuery } from '../features/auth/api/get-session';
import { ResetDemoData } from '../features/auth/components/reset-demo-data';
import { useSignOut } from '../features/auth/api/sign-out';
import { formatInteger } from '../i18n/format';
import { PRODUCT_NAME } from '../ui/product-name';
import { useLandmarkProps } from './landmarks';
import { LanguageSelect } from './language-select';
import { MAIN_ID, SkipLink } from './skip-link';
import { ThemeSelect } from './theme-select';
import { AppLocale } from '../ui/app-locale';
import { prefetchToastRegion } from '../ui/lazy-toast-region';

type NavKey =
  | 'nav.sequences'
  | 'nav.attention'
  | 'nav.contacts'
  | 'nav.emailHealth'
  | 'nav.marketingEmail'
  | 'nav.inboxes'
  | 'nav.users'
  | 'nav.integrations';

/** The pages in the navigation; one with an `endpoint` shows only to the roles that may call it. */
const NAV: ReadonlyArray<{ to: string; key: NavKey; endpoint?: { access: Access } }> = [
  { to: '/sequences', key: 'nav.sequences' },
  { to: '/attention', key: 'nav.attention' },
  { to: '/contacts', key: 'nav.contacts' },
  { to: '/email-health', key: 'nav.emailHealth' },
  { to: '/marketing-email', key: 'nav.marketingEmail' },
  { to: '/settings/inboxes', key: 'nav.inboxes' },
  { to: '/settings/users', key: 'nav.users', endpoint: api.listUsers },
  { to: '/settings/integrations', key: 'nav.integrations', endpoint: api.listApiKeys },
];

/** The frame of every signed-in page: header with navigation and account, then the page. On a
 * narrow screen the navigation, the language and theme choices and the account fold away behind
 * a Menu button (a disclosure), which closes on Escape, on a click elsewhere and on navigation. */
export function Layout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const { data: session } = useQuery(sessionQuery());
  const signOut = useSignOut();
  // The navigation's count: what Needs attention holds for this user, unfiltered.
  const attention = useQuery({ ...attentionQuery(), enabled: Boolean(session?.user) });
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  // F6 / Shift+F6 move between these (and the notifications): see landmarks.ts.
  const landmarks = {
    banner: useLandmarkProps('banner', undefined, headerRef),
    navigation: useLandmarkProps('navigation', t('nav.label')),
    main: useLandmarkProps('main', undefined, mainRef),
  };
  const menuId = useId();
  // The menu is open on the page where it was opened: moving to another page closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;

  // After moving to another page, start the keyboard and screen reader there, as a full
  // page load would. Search and sort changes stay where they are. A layout effect, so the focus
  // moves in the commit that shows the new page, not a moment after it; a page that places the
  // focus itself does so in its own passive effects, which run after this one, and keeps it.
  useLayoutEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  // Toasts answer what people do in the app: their region's code comes once the frame is idle.
  useEffect(() => prefetchToastRegion(), []);

  // What sticks under the header (the Enrollments table's column names) sits just below it,
  // however many rows the header takes at this width and in this language.
  useEffect(() => {
    const header = headerRef.current;
    if (!header || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--sticky-top', `${header.offsetHeight}px`));
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-top');
    };
  }, []);

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpenAt(null);
      menuButtonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!headerRef.current?.contains(event.target as Node)) setMenuOpenAt(null);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [menuOpen]);

  const user = session?.user ?? null;
  const isNavigating = navigation.state === 'loading' && navigation.location.pathname !== pathname;

  return (
    <AppLocale>
      <div className="shell">
        <SkipLink />
        <div className="progress" data-active={isNavigating || undefined} aria-hidden="true" />
        <header
          {...landmarks.banner}
          className="app-header"
          onBlur={(event) => {
            // Tabbing out of the open menu closes it, so that it never covers where the focus is.
            const next = event.relatedTarget;
            if (menuOpen && next instanceof Node && !event.currentTarget.contains(next)) setMenuOpenAt(null);
          }}
        >
          <div className="app-header__inner">
            <Link to="/sequences" className="brand" aria-label={t('nav.home')}>
              <span className="brand__mark" aria-hidden="true" />
              {PRODUCT_NAME}
            </Link>
            <button
              ref={menuButtonRef}
              type="button"
              className="button menu-button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
            >
              <svg className="menu-button__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M2 4h12M2 8h12M2 12h12" />
              </svg>
              {t('nav.menu')}
            </button>
            <div id={menuId} className="app-header__menu" data-open={menuOpen || undefined}>
              <nav className="main-nav" {...landmarks.navigation}>
                <ul className="main-nav__list">
                  {NAV.filter((item) => !item.endpoint || can(item.endpoint, user)).map((item) => (
                    <li key={item.to}>
                      <NavLink
                        to={item.to}
                        className="main-nav__link"
                        onClick={() => {
                          if (!menuOpen) return;
                          setMenuOpenAt(null);
                          // The same page again: nothing moves the focus, so start it on the page.
                          if (item.to === pathname) mainRef.current?.focus();
                        }}
                      >
                        {t(item.key)}
                        {item.to === '/attention' && attention.data && attention.data.total > 0 ? (
                          <>
                            {' '}
                            <span className="main-nav__count">
                              <span aria-hidden="true">{formatInteger(attention.data.total)}</span>
                              <span className="visually-hidden">{t('nav.attentionCount', { count: attention.data.total })}</span>
                            </span>
                          </>
                        ) : null}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="app-header__end">
                <div className="app-header__choices">
                  <LanguageSelect />
                  <ThemeSelect />
                </div>
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
          </div>
        </header>
        <main {...landmarks.main} id={MAIN_ID} tabIndex={-1} className="main" aria-busy={isNavigating || undefined}>
          <Outlet />
        </main>
      </div>
    </AppLocale>
  );
}
