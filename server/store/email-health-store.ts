// The email health store is email-health/store.ts and the account's account/store.ts; this path
// stays for the seed, which imports both from here.
export { dailyCounts } from '../email-health/store';
export { readAccount } from '../account/store';
