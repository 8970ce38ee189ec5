// Passwords live in sessions/passwords.ts; this path stays for the seed, which imports it here.
export { hashPassword } from '../sessions/passwords';
