// The probation store is probation/store.ts; this path stays for the seed, which imports
// writeProbation from here.
export { writeProbation } from '../probation/store';
