/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  return value.slice(0, 512);
}
