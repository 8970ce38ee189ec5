import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n';
import './styles.css';
import { App } from './app/app';
import { applyTheme } from './app/theme';
import { createAppServices } from './app/app-services';
import { BootError } from './app/boot-error';
import { BootFallback } from './app/boot-fallback';

async function boot(): Promise<void> {
  // public/theme.js has set it before the first paint; this covers a page without it.
  applyTheme();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  // The router starts its first loads at once; painting waits for the language's messages,
  // which download alongside them.
  const show = (node: ReactNode) => void i18nReady.then(() => root.render(<StrictMode>{node}</StrictMode>));

  if (import.meta.env.VITE_API_MODE === 'demo') {
    show(<BootFallback />);
    const failed = (error: unknown) => {
      const elsewhere = error instanceof Error && error.name === 'DemoInAnotherTab';
      if (!elsewhere) console.error('The demo API did not start:', error);
      show(<BootError reason={elsewhere ? 'demoInAnotherTab' : undefined} />);
    };
    try {
      // Imported on demand so the production bundle carries no MSW, API or PGlite.
      const { startDemoApi } = await import('./mocks/browser');
      // Answers at once; the demo database finishes opening behind the sign-in form.
      const { ready } = await startDemoApi();
      ready.catch(failed);
    } catch (error) {
      failed(error);
      return;
    }
  }
  show(<App services={createAppServices()} />);
}

void boot();
