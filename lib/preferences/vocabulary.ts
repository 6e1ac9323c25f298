// Personal display preferences (safe in client bundles): the column, the zod schema and the
// settings form all read this list.
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
