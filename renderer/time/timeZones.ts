/** The zone this computer is set to, e.g. 'Europe/Amsterdam'. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Every zone the runtime knows, plus the given ones so that a stored zone stays selectable, sorted. */
export function timeZoneChoices(...mustInclude: string[]): string[] {
  const known = Intl.supportedValuesOf('timeZone')
  return [...new Set([...mustInclude.filter(Boolean), ...known])].sort()
}
