// A lead keeps every source and action token its journey has seen as one delimited string,
// `|SPZA|TestDrive|`, so "a lead matches when any event of its journey matches" is a check on the
// lead's own row (lead list filters) instead of a look into its events.

const DELIMITER = '|';

/** The token list with `token` added (unchanged when present or empty). */
export function withToken(list: string, token: string | null | undefined): string {
  if (!token || hasToken(list, token)) return list;
  return `${list || DELIMITER}${token}${DELIMITER}`;
}

export function hasToken(list: string, token: string): boolean {
  return list.includes(`${DELIMITER}${token}${DELIMITER}`);
}

/** The tokens in the list, in the order they were first seen. */
export function tokens(list: string): string[] {
  return list.split(DELIMITER).filter(Boolean);
}

/** What a filter value must appear as inside the list (for SQL `instr`). */
export function tokenNeedle(token: string): string {
  return `${DELIMITER}${token}${DELIMITER}`;
}
