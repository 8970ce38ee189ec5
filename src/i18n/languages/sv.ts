import main from '../locales/sv.json';
import contacts from '../locales/contacts/sv.json';
import forecasts from '../locales/forecasts/sv.json';
import health from '../locales/health/sv.json';
import inboxes from '../locales/inboxes/sv.json';
import integrations from '../locales/integrations/sv.json';
import probation from '../locales/probation/sv.json';
import attention from '../locales/attention/sv.json';
import users from '../locales/users/sv.json';

// A large feature keeps its messages in a catalog file of its own (locales/<feature>/), mounted
// under one top-level key, so that work on different features does not collide in one file.
export default { ...main, contacts, forecasts, health, inboxes, integrations, probation, users, attention };
