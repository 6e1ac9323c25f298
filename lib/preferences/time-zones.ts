// The IANA zones a person can choose from (safe in client bundles): the runtime's list, plus UTC,
// which some runtimes leave out of Intl.supportedValuesOf.
let zones: readonly string[] | undefined;

export function listTimeZones(): readonly string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

let known: ReadonlySet<string> | undefined;

export function isKnownTimeZone(zone: string): boolean {
  known ??= new Set(listTimeZones());
  return known.has(zone);
}
