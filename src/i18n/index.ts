/**
 * Words for people, in English and Dutch: dates, labels and deadline texts. The domain hands over data (a Deadline,
 * a Milestone); this module alone turns it into text, so the case screen and the emails to a reporter say the same.
 */
export { formatDay, formatDayTime, formatDaySpan, formatForZone, monthName, weekdayName, zoneLabel } from './dates'
export { daysUntil, deadlineText, dueSoonText, formatDueDay, skippedText, undatedText, type DeadlineText } from './deadlineText'
export {
  anchorLabel,
  channelLabels,
  closingReasonLabels,
  creditChoiceLabels,
  cveCreditTypeLabels,
  deadlineStateLabels,
  dueLabels,
  languageNames,
  metByLabel,
  milestoneLabels,
  onDayOffLabels,
  ratingLabels,
  rewardStatusLabels,
  statusLabels,
  unitLabels,
  unratedLabel,
} from './labels'
export { timeLimitText } from './policyText'
export { Language } from './language'
