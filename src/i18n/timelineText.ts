import type { Case } from '../cases/case'
import type { Channel, Credit, Reward, Severity } from '../cases/fields'
import type { Actor, FieldChanged, TimelineEvent, TimelineEventOf } from '../cases/timeline'
import { dateInZone } from '../time'
import { formatDay, formatDayTime, formatForZone, zoneLabel } from './dates'
import { purposeLabels } from './draftWords'
import {
  channelLabels,
  closingReasonLabels,
  creditChoiceLabels,
  milestoneLabels,
  ratingLabels,
  rewardStatusLabels,
  statusLabels,
  unratedLabel,
} from './labels'
import type { Language } from './language'
import { timelineWords } from './timelineWords'

// The timeline's words, English and Dutch: every sentence the case screen writes about its history is made here, from
// the events' data, so no id, enum value or UUID reaches the screen.

/** A sentence in pieces: plain words, a value (shown as a value), or the thing the sentence is about (in bold). */
export type Piece = string | { value: string } | { strong: string }

/** One timeline entry in words. */
export interface TimelineLine {
  id: string
  type: TimelineEvent['type']
  /** The person who acted, by the name recorded on the event; a member since removed is marked so. */
  who: string
  /** When it was recorded. */
  at: string
  what: Piece[]
  /** A note's text, a comment or a reason, shown under the sentence as plain text. */
  detail?: string
  /** A milestone or note that a later event corrected or withdrew; it stays visible, marked. */
  standing: 'as_recorded' | 'corrected' | 'withdrawn'
  /** A milestone or note that still counts, which the user may correct or withdraw. */
  correctable: boolean
  /** Still counts and may be withdrawn (case.withdrawEvent): a correctable entry, an email marked as sent, a promise. */
  withdrawable: boolean
}

/** What the formatter needs from outside the case: who is on the team now, and cases by id. */
export interface TimelineContext {
  language: Language
  /** The zone dates are written in (the viewer's clock). */
  timeZone: string
  /** True for a member taken off the team (or no longer in the settings at all). */
  isRemoved(memberId: string): boolean
  caseKey(id: string): string | undefined
}


/** The case's history in words, oldest first; corrections and withdrawals mark the milestone or note they name. */
export function timelineText(c: Case, context: TimelineContext): TimelineLine[] {
  const w = timelineWords[context.language]
  const lang = context.language
  const milestones = milestoneLabels[lang]
  const statuses = statusLabels[lang]
  const dayTime = (instant: string) => formatDayTime(instant, context.timeZone, lang)
  // A corrected date is written with its year and time, so a correction of the time alone still says what changed.
  const dayYearTime = (instant: string) => formatDayTime(instant, context.timeZone, lang, true)
  const day = (instant: string) => formatDay(dateInZone(Date.parse(instant), context.timeZone), lang, true)
  const person = (memberId: string | undefined, name: string) =>
    memberId !== undefined && context.isRemoved(memberId) ? w.removed(name) : name
  // An actor without a name (nobody chosen under 'I am') is 'Someone'; a name recorded earlier, even 'You', stays as it was.
  const who = (by: Actor) => (by.name ? person(by.memberId, by.name) : w.someone)

  const byId = new Map(c.timeline.map((e) => [e.id, e]))
  // The milestone or note as it stands after each correction, so each correction can say what it replaced.
  const current = new Map<string, TimelineEventOf<'milestone'> | TimelineEventOf<'note'>>()
  const standing = new Map<string, TimelineLine['standing']>()
  const lines: TimelineLine[] = []
  // The expected resolution dates promised before and not withdrawn, so a new promise says which date it replaced.
  const promisedBefore: { id: string; date: string }[] = []

  for (const event of c.timeline) {
    const line = (what: Piece[], detail?: string): TimelineLine => ({
      id: event.id,
      type: event.type,
      who: who(event.by),
      at: dayTime(event.at),
      what,
      ...(detail ? { detail } : {}),
      standing: 'as_recorded',
      correctable: false,
      withdrawable: false,
    })
    switch (event.type) {
      case 'created':
        lines.push(line([w.opened + (c.sample ? w.sample : '')]))
        break
      case 'field_changed':
        lines.push(line(fieldChangeText(event, lang, { dayTime, person })))
        break
      case 'field_described': {
        // Format 1 recorded the field by its key; one this version no longer has is named as 'a field', never by key.
        const field = Object.hasOwn(w.fields, event.field) ? w.fields[event.field as FieldChanged['field']] : w.someField
        lines.push(line([w.changed[0], field, w.changed[1], { value: event.from }, w.changed[2], { value: event.to }]))
        break
      }
      case 'status_changed': {
        const reverted = event.reverts ? byId.get(event.reverts) : undefined
        const what: Piece[] =
          reverted?.type === 'status_changed'
            ? w.undid(statuses[reverted.to], statuses[event.to])
            : [w.moved[0], statuses[event.from], w.moved[1], { strong: statuses[event.to] }]
        if (event.closingReason) {
          const original = event.duplicateOf ? context.caseKey(event.duplicateOf) : undefined
          what.push(` (${closingReasonLabels[lang][event.closingReason]}${original ? `${w.duplicateOf}${original}` : ''})`)
        }
        lines.push(line(what, event.comment))
        break
      }
      case 'note':
        current.set(event.id, event)
        lines.push({ ...line([], event.text), correctable: true, withdrawable: true })
        break
      case 'milestone':
        current.set(event.id, event)
        lines.push({
          ...line([{ strong: milestones[event.milestone] }, w.on, { value: dayTime(event.on) }], event.comment),
          correctable: true,
          withdrawable: true,
        })
        break
      case 'calendar_repinned':
        lines.push(line([w.repinned]))
        break
      case 'event_corrected': {
        const before = current.get(event.eventId)
        if (!before) break
        const reason = event.reason ? `${w.reason}${event.reason}` : undefined
        if (before.type === 'note') {
          current.set(before.id, { ...before, text: event.text ?? before.text })
          lines.push(line([w.correctedNote], [event.text, reason].filter(Boolean).join('\n')))
        } else {
          const label = milestones[before.milestone]
          const after = { ...before, on: event.on ?? before.on, ...(event.comment !== undefined ? { comment: event.comment } : {}) }
          current.set(before.id, after)
          // The same instant written with another offset is no change of date.
          const what =
            event.on !== undefined && Date.parse(event.on) !== Date.parse(before.on)
              ? [...w.correctedDate(label), { value: dayYearTime(before.on) }, w.changed[2], { value: dayYearTime(event.on) }]
              : w.correctedComment(label)
          const comment = event.comment !== undefined && event.comment !== before.comment ? event.comment : undefined
          lines.push(line(what, [comment, reason].filter(Boolean).join('\n')))
        }
        standing.set(event.eventId, 'corrected')
        break
      }
      case 'email_sent': {
        const sent = w.sent(purposeLabels[lang][event.purpose], [...event.to, ...event.cc].join(', '), dayTime(event.on))
        lines.push({ ...line(event.encrypted ? [...sent, w.encrypted] : sent, event.subject), withdrawable: true })
        break
      }
      case 'resolution_promised': {
        const date = formatDay(event.date, lang, true)
        const was = promisedBefore.at(-1)?.date
        lines.push({ ...line(w.promised(date, was !== undefined && was !== date ? was : undefined)), withdrawable: true })
        promisedBefore.push({ id: event.id, date })
        break
      }
      case 'publication_proposed':
        lines.push({ ...line(w.proposedPublication(formatForZone(event.publication.at, event.publication.timeZone, lang))), withdrawable: true })
        break
      case 'imported': {
        const exported = event.exportedAt ? dayTime(event.exportedAt) : undefined
        const what = event.replaced
          ? w.replacedBy(event.replaced.revision, dayTime(event.replaced.updatedAt), event.fileName, exported)
          : w.imported(event.fileName, exported)
        lines.push(line(event.keyInFile ? [...what, w.keyInFile(event.keyInFile)] : what))
        break
      }
      case 'event_withdrawn': {
        const what = withdrawnText(byId.get(event.eventId), current.get(event.eventId))
        if (!what) break
        lines.push(line(what, event.reason ? `${w.reason}${event.reason}` : undefined))
        standing.set(event.eventId, 'withdrawn')
        break
      }
    }
  }
  return lines.map((l) => {
    const s = standing.get(l.id)
    return s ? { ...l, standing: s, correctable: s !== 'withdrawn' && l.correctable, withdrawable: s !== 'withdrawn' && l.withdrawable } : l
  })

  /** What a withdrawal took back, in words; undefined for an event nothing can withdraw. */
  function withdrawnText(original: TimelineEvent | undefined, target: TimelineEventOf<'milestone'> | TimelineEventOf<'note'> | undefined): Piece[] | undefined {
    if (target) return target.type === 'note' ? [w.withdrewNote] : w.withdrew(milestones[target.milestone], day(target.on))
    switch (original?.type) {
      case 'email_sent':
        return w.withdrewEmail(purposeLabels[lang][original.purpose], dayTime(original.on))
      case 'resolution_promised': {
        const at = promisedBefore.findIndex((p) => p.id === original.id)
        if (at >= 0) promisedBefore.splice(at, 1)
        return w.withdrewPromise(formatDay(original.date, lang, true))
      }
      case 'publication_proposed':
        return w.withdrewProposal(formatForZone(original.publication.at, original.publication.timeZone, lang))
      default:
        return undefined
    }
  }
}

function fieldChangeText(
  event: FieldChanged,
  lang: Language,
  f: { dayTime(instant: string): string; person(memberId: string | undefined, name: string): string },
): Piece[] {
  const w = timelineWords[lang]
  const value = (v: unknown): string => {
    switch (event.field) {
      case 'title':
      case 'asset':
        return (v as string) || w.none
      case 'reporter': {
        const r = v as { name: string; email: string; handle?: string }
        return `${r.name} <${r.email}>${r.handle ? ` (${r.handle})` : ''}`
      }
      case 'received': {
        const r = v as { at: string; timeZone: string }
        return `${f.dayTime(r.at)} (${zoneLabel(r.timeZone).replaceAll('_', ' ')})`
      }
      case 'channel':
        return channelLabels[lang][v as Channel]
      case 'reportText':
        return w.characters((v as { length: number }).length)
      case 'severity': {
        const s = v as Severity
        if (s.kind === 'unrated') return unratedLabel[lang]
        if (s.kind === 'rating') return ratingLabels[lang][s.rating]
        return `${s.score} ${ratingLabels[lang][s.rating]} (${s.vector})`
      }
      case 'assigneeId': {
        const m = v as { memberId: string; name?: string } | null
        if (!m) return w.nobody
        return m.name ? f.person(m.memberId, m.name) : w.formerMember
      }
      case 'tags':
        return (v as string[]).join(', ') || w.none
      case 'policyId':
        return (v as { name?: string }).name || w.removedPolicy
      case 'credit': {
        const credit = v as { choice: Credit['choice']; displayName?: string }
        return `${creditChoiceLabels[lang][credit.choice]}${credit.displayName ? `: ${credit.displayName}` : ''}`
      }
      case 'reward': {
        const r = v as Reward
        const amount = r.amount === undefined ? '' : `, ${new Intl.NumberFormat(w.locale, { style: 'currency', currency: r.currency }).format(r.amount)}`
        return `${rewardStatusLabels[lang][r.status]}${amount}${r.swag ? `, ${w.swag}` : ''}`
      }
    }
  }
  return [w.changed[0], w.fields[event.field], w.changed[1], { value: value(event.from) }, w.changed[2], { value: value(event.to) }]
}
