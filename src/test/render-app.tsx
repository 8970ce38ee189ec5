import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onTestFinished } from 'vitest';
import { App } from '../app/app';
import { createAppServices } from '../app/app-services';
import type { Role } from '../contract/auth';
import { detectLanguage, i18n } from '../i18n/i18n';
import { startMockApi } from '../mocks/node';

interface RenderAppOptions {
  /** Where the app starts, e.g. `/sequences?q=onboarding`. */
  url?: string;
  /** Signed in as the demo user with this role; signed out when absent. */
  user?: Role;
}

/**
 * Renders the real app (router, providers, fresh QueryClient without retries) against the
 * real API running in-process behind MSW. Everything is torn down when the test ends.
 */
export async function renderApp({ url = '/', user }: RenderAppOptions = {}) {
  const api = await startMockApi();
  if (user) await api.signInAs(user);
  await i18n.changeLanguage(detectLanguage());
  window.history.replaceState(null, '', url);

  const services = createAppServices({ retry: false });
  const view = render(<App services={services} />);

  // Runs after the afterEach cleanup has unmounted the app.
  onTestFinished(async () => {
    services.router.dispose();
    await services.queryClient.cancelQueries();
    services.queryClient.clear();
    await api.close();
  });

  return { ...view, user: userEvent.setup(), api, router: services.router, queryClient: services.queryClient };
}
