/** Today: built by issue 9's Today owner. */
export function TodayScreen() {
  return <h1>Today</h1>
}
