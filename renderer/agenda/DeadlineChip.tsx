import { memo } from 'react'
import { Link } from 'react-router'
import type { ChipTone } from '../../src/agenda/chipTone'
import { agendaKindLabel, chipToneLabel, draftActionText, otherZoneText } from '../../src/i18n/agendaText'
import { draftPath } from '../drafts/draftState'
import type { AgendaItem } from '../queries/agenda'

/** Who a case is assigned to, as a chip shows it: initials on the chip, the name in its label. */
export type ChipAssignee = { name: string; initials: string }

/**
 * One entry on a calendar day: the case key, what is due and who has it, coloured by its tone and saying the tone in
 * words too (label and tooltip). Opens the case; a second, small link drafts the email the deadline asks for.
 * Memoized and free of hooks that subscribe to queries: a month holds up to 126 of these, re-rendered on every move.
 */
export const DeadlineChip = memo(function DeadlineChip({
  item,
  tone,
  assignee,
  otherZone,
  tabbable,
}: {
  item: AgendaItem
  tone: ChipTone
  assignee: ChipAssignee | undefined
  otherZone: boolean
  /** Only the focused day's chips are in the tab order; the grid's arrow keys reach the others. */
  tabbable: boolean
}) {
  const { summary } = item
  const what = agendaKindLabel(item.kind, 'en')
  const zoneNote = otherZone ? otherZoneText(item.zone, 'en') : undefined
  const label = [`${chipToneLabel(tone, 'en')}: ${summary.key}`, what, assignee?.name ?? 'Unassigned', zoneNote]
    .filter(Boolean)
    .join(', ')
  const draft = draftActionText(item, 'en')
  const tabIndex = tabbable ? 0 : -1
  return (
    <li className={`deadline-chip deadline-chip-${tone}`}>
      <Link
        className="chip-open"
        to={`/cases/${encodeURIComponent(item.caseId)}`}
        tabIndex={tabIndex}
        aria-label={label}
        // The title is the reporter's text: an attribute React sets as text, never markup.
        title={`${label}\n${summary.title}`}
      >
        <span className="chip-key">{summary.key}</span>
        <span className="chip-what">{what}</span>
        {otherZone && <ZoneMark />}
        {assignee && <span className="chip-who">{assignee.initials}</span>}
      </Link>
      {draft && (
        <Link
          className="chip-draft"
          to={draftPath(item.caseId, item.ruleId === null ? {} : { deadline: { ruleId: item.ruleId, occurrence: item.occurrence } })}
          tabIndex={tabIndex}
          aria-label={`${draft} for ${summary.key}`}
          title={draft}
        >
          <PenIcon />
        </Link>
      )}
    </li>
  )
})

/** A small clock: this entry's day was counted on another zone's clock than the team's. */
function ZoneMark() {
  return (
    <svg className="chip-zone" viewBox="0 0 12 12" aria-hidden="true">
      <circle cx="6" cy="6" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M6 3.4V6l1.8 1.2" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  )
}

function PenIcon() {
  return (
    <svg viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2 10l.5-2.3L8 2.2a1 1 0 0 1 1.4 0l.4.4a1 1 0 0 1 0 1.4L4.3 9.5z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  )
}

/** "IJ" for Iris Jansen, "A" for Ana; what fits on a chip a seventh of the screen wide. */
export function initialsOf(name: string): string {
  const words = name.replace(/\(.*?\)/g, '').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = words[0]![0]!
  return (words.length > 1 ? first + words[words.length - 1]![0]! : first).toUpperCase()
}
