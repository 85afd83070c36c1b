import { Foundation1763859600000 } from './1763859600000-foundation';

/** Every migration, in order. A new one is appended here. */
export const MIGRATIONS = [Foundation1763859600000];
