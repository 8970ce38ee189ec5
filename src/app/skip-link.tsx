import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'main';

/** First stop for keyboard users: jumps past the header to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        // Move focus without adding a #main entry to the router's history.
        const main = document.getElementById(MAIN_ID);
        if (!main) return;
        event.preventDefault();
        main.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
