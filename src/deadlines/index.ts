export { CountStart, DayOffReason, Deadline, DeadlineState, DueDayOff, SkippedDay } from './deadline'
export { deadlinesOf } from './deadlinesOf'
export { nextDeadline } from './nextDeadline'
