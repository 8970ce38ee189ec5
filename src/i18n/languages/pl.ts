import main from '../locales/pl.json';
import contacts from '../locales/contacts/pl.json';
import forecasts from '../locales/forecasts/pl.json';
import health from '../locales/health/pl.json';
import inboxes from '../locales/inboxes/pl.json';
import integrations from '../locales/integrations/pl.json';
import probation from '../locales/probation/pl.json';
import attention from '../locales/attention/pl.json';
import users from '../locales/users/pl.json';

// A large feature keeps its messages in a catalog file of its own (locales/<feature>/), mounted
// under one top-level key, so that work on different features does not collide in one file.
export default { ...main, contacts, forecasts, health, inboxes, integrations, probation, users, attention };
