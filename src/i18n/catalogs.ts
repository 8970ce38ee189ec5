import en from './languages/en';
import sv from './languages/sv';
import nb from './languages/nb';
import pl from './languages/pl';

// Every language's catalog at once, for the checks that compare them. The app itself loads
// only the language in use (see i18n.ts): each is a file of its own in the build.
export const catalogs = { en, sv, nb, pl };

export type Catalog = (typeof catalogs)['en'];
