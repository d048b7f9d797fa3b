/** The deadline calendar: built by issue 9's calendar owner. */
export function CalendarScreen() {
  return <h1>Calendar</h1>
}
