import main from '../locales/en.json';
import contacts from '../locales/contacts/en.json';
import forecasts from '../locales/forecasts/en.json';
import health from '../locales/health/en.json';
import inboxes from '../locales/inboxes/en.json';
import integrations from '../locales/integrations/en.json';
import probation from '../locales/probation/en.json';
import attention from '../locales/attention/en.json';
import users from '../locales/users/en.json';

// A large feature keeps its messages in a catalog file of its own (locales/<feature>/), mounted
// under one top-level key, so that work on different features does not collide in one file.
export default { ...main, contacts, forecasts, health, inboxes, integrations, probation, users, attention };
