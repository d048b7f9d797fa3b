export { Deadline, DeadlineState, SkippedDay } from './deadline'
export { deadlinesOf } from './deadlinesOf'
export { nextDeadline } from './nextDeadline'
