// Formatters are costly to build and the case list formats thousands of dates, so each is made once.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const zoned = new Map<string, Intl.DateTimeFormat>()

/** An instant in the user's locale and on this computer's clock. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso))
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso))
}

/** An instant on the clock of the zone it was given in, with the zone named: "5 Mar 2026, 14:10 CET". */
export function formatInZone(iso: string, timeZone: string): string {
  let format = zoned.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    })
    zoned.set(timeZone, format)
  }
  return format.format(new Date(iso))
}
