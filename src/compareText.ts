/**
 * Strings in code-unit order, for sorts that must come out the same on every computer: ISO dates and instants by
 * time, case keys and uids stably. localeCompare would follow the computer's language; these are not words.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
