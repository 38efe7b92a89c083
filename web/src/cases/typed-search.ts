/**
 * A search runs by itself, after a pause in typing, from this many characters: one or two letters
 * match most cases and no index answers them, so each keystroke would read the whole organisation.
 * Enter searches for what is typed at any length.
 */
export const typedSearchMin = 3;

/** Whether a pause in typing searches for `typed`: nothing (every case again) or enough letters. */
export function searchesAsTyped(typed: string): boolean {
  const words = typed.trim();
  return words.length === 0 || words.length >= typedSearchMin;
}
