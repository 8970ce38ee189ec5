/** A LIKE pattern that finds `q` anywhere, its wildcards escaped: a search for "50%" finds
 * the literal text. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
