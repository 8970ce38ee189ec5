import en from './locales/en.json';
import sv from './locales/sv.json';
import nb from './locales/nb.json';
import pl from './locales/pl.json';
import healthEn from './locales/health/en.json';
import healthSv from './locales/health/sv.json';
import healthNb from './locales/health/nb.json';
import healthPl from './locales/health/pl.json';
import probationEn from './locales/probation/en.json';
import probationSv from './locales/probation/sv.json';
import probationNb from './locales/probation/nb.json';
import probationPl from './locales/probation/pl.json';
import inboxesEn from './locales/inboxes/en.json';
import inboxesSv from './locales/inboxes/sv.json';
import inboxesNb from './locales/inboxes/nb.json';
import inboxesPl from './locales/inboxes/pl.json';

// A large feature keeps its messages in a catalog file of its own (locales/<feature>/), mounted
// under one top-level key, so that work on different features does not collide in one file.
export const catalogs = {
  en: { ...en, health: healthEn, inboxes: inboxesEn, probation: probationEn },
  sv: { ...sv, health: healthSv, inboxes: inboxesSv, probation: probationSv },
  nb: { ...nb, health: healthNb, inboxes: inboxesNb, probation: probationNb },
  pl: { ...pl, health: healthPl, inboxes: inboxesPl, probation: probationPl },
};

export type Catalog = (typeof catalogs)['en'];
