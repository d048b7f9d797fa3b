import { memo, type MouseEvent } from 'react'
import type { ChipTone } from '../../src/agenda/chipTone'
import { agendaKindLabel, agendaKindShortLabel, chipToneLabel, draftActionText, otherZoneText } from '../../src/i18n/agendaText'
import { draftPath } from '../drafts/draftState'
import './agendaList.css'
import type { AgendaItem } from '../queries/agenda'

/** Who a case is assigned to, as a chip shows it: initials on the chip, the name in its label. */
export type ChipAssignee = { name: string; initials: string }

/**
 * The chips' links as plain anchors, made once per screen. A router Link per chip cost more than the rest of a month
 * switch (its hooks, twice for each of up to 126 chips); these go through the same navigate, so an unsaved-changes
 * prompt still asks.
 */
export type ChipLinks = {
  /** The address an app path has in this router ('#/cases/…' in the app). */
  href(path: string): string
  /** Follows a plain click in the app; a click with a modifier key is left to the browser. */
  follow(event: MouseEvent, path: string): void
}

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
  links,
}: {
  item: AgendaItem
  tone: ChipTone
  assignee: ChipAssignee | undefined
  otherZone: boolean
  /** Only the focused day's chips are in the tab order; the grid's arrow keys reach the others. */
  tabbable: boolean
  links: ChipLinks
}) {
  const { summary } = item
  const what = agendaKindLabel(item.kind, 'en')
  const zoneNote = otherZone ? otherZoneText(item.zone, 'en') : undefined
  const label = [`${chipToneLabel(tone, 'en')}: ${summary.key}`, what, assignee?.name ?? 'Unassigned', zoneNote]
    .filter(Boolean)
    .join(', ')
  const draft = draftActionText(item, 'en')
  const tabIndex = tabbable ? 0 : -1
  const casePath = `/cases/${encodeURIComponent(item.caseId)}`
  const draftTo = draft && draftPath(item.caseId, item.ruleId === null ? {} : { deadline: { ruleId: item.ruleId, occurrence: item.occurrence } })
  return (
    <li className={`deadline-chip tone-${tone}`}>
      <a
        className="chip-open"
        href={links.href(casePath)}
        onClick={(event) => links.follow(event, casePath)}
        tabIndex={tabIndex}
        aria-label={label}
        // The title is the reporter's text: an attribute React sets as text, never markup.
        title={`${label}\n${summary.title}`}
      >
        <KeyText caseKey={summary.key} />
        {/* Both words; the grid's width picks one (agenda.css), so a narrow month says "Ack." rather than "A…". */}
        <span className="chip-what">{what}</span>
        <span className="chip-what-short" aria-hidden="true">
          {agendaKindShortLabel(item.kind, 'en')}
        </span>
        {otherZone && <span className="chip-zone" aria-hidden="true" />}
        {assignee && <span className="chip-who">{assignee.initials}</span>}
        {/* In words where there is room (the week); a month shows the mark, its label and tooltip the words. */}
        {zoneNote && <span className="chip-zone-note">{zoneNote}</span>}
      </a>
      {draftTo && (
        <a
          className="chip-draft"
          href={links.href(draftTo)}
          onClick={(event) => links.follow(event, draftTo)}
          tabIndex={tabIndex}
          aria-label={`${draft} for ${summary.key}`}
          title={draft}
        />
      )}
    </li>
  )
})

/**
 * The key with its "VD-" apart: every key has it (case.ts), so a narrow month leaves it out for the words after the
 * key; the label still names the whole key.
 */
function KeyText({ caseKey }: { caseKey: string }) {
  const dash = caseKey.indexOf('-') + 1
  return (
    <span className="chip-key">
      <span className="chip-key-prefix">{caseKey.slice(0, dash)}</span>
      {caseKey.slice(dash)}
    </span>
  )
}

/** "IJ" for Iris Jansen, "A" for Ana; what fits on a chip a seventh of the screen wide. */
export function initialsOf(name: string): string {
  const words = name.replace(/\(.*?\)/g, '').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = words[0]![0]!
  return (words.length > 1 ? first + words[words.length - 1]![0]! : first).toUpperCase()
}
