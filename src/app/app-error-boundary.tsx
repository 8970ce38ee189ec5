import { useRouteError } from 'react-router';
import { PRODUCT_NAME } from '../ui/product-name';
import { ErrorPage } from './error-page';
import { MAIN_ID } from './skip-link';

/** Last resort: the layout itself failed (for example the session could not be loaded). */
export function AppErrorBoundary() {
  const error = useRouteError();
  return (
    <div className="shell shell--public">
      <header className="app-header">
        <div className="app-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            {PRODUCT_NAME}
          </p>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="main main--narrow">
        <ErrorPage error={error} />
      </main>
    </div>
  );
}
