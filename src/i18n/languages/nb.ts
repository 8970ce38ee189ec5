import main from '../locales/nb.json';
import contacts from '../locales/contacts/nb.json';
import forecasts from '../locales/forecasts/nb.json';
import health from '../locales/health/nb.json';
import inboxes from '../locales/inboxes/nb.json';
import integrations from '../locales/integrations/nb.json';
import probation from '../locales/probation/nb.json';
import attention from '../locales/attention/nb.json';
import users from '../locales/users/nb.json';

// A large feature keeps its messages in a catalog file of its own (locales/<feature>/), mounted
// under one top-level key, so that work on different features does not collide in one file.
export default { ...main, contacts, forecasts, health, inboxes, integrations, probation, users, attention };
