import { Outlet } from 'react-router';
import { PRODUCT_NAME } from '../ui/product-name';
import { LanguageSelect } from './language-select';
import { useLandmarkProps } from './landmarks';
import { MAIN_ID, SkipLink } from './skip-link';
import { ThemeSelect } from './theme-select';

/** The frame of pages for signed-out visitors: the product name and the language and theme choices. */
export function PublicLayout() {
  const banner = useLandmarkProps('banner');
  const main = useLandmarkProps('main');
  return (
    <div className="shell shell--public">
      <SkipLink />
      <header className="app-header" {...banner}>
        <div className="app-header__inner">
          <p className="brand">
            <span className="brand__mark" aria-hidden="true" />
            {PRODUCT_NAME}
          </p>
          <div className="app-header__end">
            <div className="app-header__choices">
              <LanguageSelect />
              <ThemeSelect />
            </div>
          </div>
        </div>
      </header>
      <main {...main} id={MAIN_ID} tabIndex={-1} className="main main--narrow">
        <Outlet />
      </main>
    </div>
  );
}
