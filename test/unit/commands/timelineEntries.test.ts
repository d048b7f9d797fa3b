import { describe, expect, it } from 'vitest'
import { Case } from '../../../src/cases/case'
import { nextMilestones } from '../../../src/cases/history'
import { statusMilestones } from '../../../src/cases/lifecycle'
import { policyById } from '../../../src/policies/catalog'
import { Milestone } from '../../../src/policies/policy'
import { desk, idor, now, refusalOf } from './fixture'

function openCase(...path: Case['status'][]) {
  const d = desk()
  const c = d.run({ type: 'case.create', input: idor })
  for (const to of path) {
    const transition = to === 'closed' ? { to, closingReason: 'withdrawn' as const } : { to }
    d.run({ type: 'case.transition', caseId: c.id, transition, acceptOpenPromises: true })
  }
  return { d, id: c.id }
}

describe('case.addNote', () => {
  it('adds the note trimmed, by the acting member', () => {
    const { d, id } = openCase()
    const c = d.run({ type: 'case.addNote', caseId: id, text: '  Reproduced on staging. ' }, { memberId: 'm-ben', name: 'Ben Okafor' })
    expect(c.timeline.at(-1)).toMatchObject({ type: 'note', text: 'Reproduced on staging.', by: { memberId: 'm-ben', name: 'Ben Okafor' } })
  })

  it('records nobody chosen under ‘I am’ as an actor without a name, and keeps an older ‘You’ valid as it was written', () => {
    const { d, id } = openCase()
    expect(d.run({ type: 'case.addNote', caseId: id, text: 'Anonymous desk' }, {}).timeline.at(-1)?.by).toEqual({})
    expect(d.run({ type: 'case.addNote', caseId: id, text: 'Format 1 desk' }, { name: 'You' }).timeline.at(-1)?.by).toEqual({ name: 'You' })
    expect(Case.safeParse(d.doc.cases[0]).success).toBe(true)
  })

  it('refuses an empty note at its text', () => {
    const { d, id } = openCase()
    expect(refusalOf(() => d.run({ type: 'case.addNote', caseId: id, text: '   ' })).issues).toEqual([{ path: 'text', message: 'Write a note first' }])
  })
})

describe('case.recordMilestone', () => {
  it('refuses a time before the report was received, and one more than five minutes ahead, at the time field', () => {
    const { d, id } = openCase()
    const record = (on: string) => d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'acknowledgement_sent', on })
    // Received Fri 27 Nov 2026 16:10 in Amsterdam; now is Tue 1 Dec 10:00.
    expect(refusalOf(() => record('2026-11-01T10:00:00+01:00')).issues).toEqual([
      { path: 'on', message: 'This is before the report was received; enter a time on or after it' },
    ])
    expect(refusalOf(() => record('2027-02-10T10:00:00+01:00')).issues).toEqual([
      { path: 'on', message: 'This time is in the future; record a milestone once it has happened' },
    ])
    expect(record('2026-11-27T16:10:00+01:00').timeline.find((e) => e.type === 'milestone')).toMatchObject({ on: '2026-11-27T16:10:00+01:00' })
  })

  it('refuses credit_confirmed: choosing the credit on the case is what confirms it', () => {
    const { d, id } = openCase()
    const error = refusalOf(() => d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'credit_confirmed', on: now.toISOString() }))
    expect(error.issues).toEqual([{ path: 'milestone', message: 'Choose the reporter’s credit on the case' }])
  })

  it('records a one-off milestone once, and progress updates as often as they are sent', () => {
    // Accepted: the evaluation went out, so progress updates are due.
    const { d, id } = openCase('acknowledged', 'evaluating', 'accepted')
    const record = (milestone: 'acknowledgement_sent' | 'progress_update_sent') =>
      d.run({ type: 'case.recordMilestone', caseId: id, milestone, on: now.toISOString() })
    expect(refusalOf(() => record('acknowledgement_sent')).issues[0]).toEqual({
      path: 'milestone',
      message: 'Acknowledgement sent is already on the timeline; correct that entry if its time is wrong',
    })
    record('progress_update_sent')
    expect(record('progress_update_sent').timeline.filter((e) => e.type === 'milestone' && e.milestone === 'progress_update_sent')).toHaveLength(2)
  })

  it.each(statusMilestones.map((p) => [p.milestone, p.from, p.status] as const))(
    'recording %s on a %s case moves it to %s, as its own status event',
    (milestone, from, status) => {
      const paths: Record<string, Case['status'][]> = { received: [], evaluating: ['evaluating'], accepted: ['evaluating', 'accepted'], resolved: ['evaluating', 'accepted', 'resolved'] }
      const { d, id } = openCase(...paths[from]!)
      const on = '2026-11-30T09:00:00+01:00'
      // A move to Accepted or Resolved already recorded its milestone; withdraw it to record it by hand.
      const earlier = d.doc.cases[0]!.timeline.find((e) => e.type === 'milestone' && e.milestone === milestone)
      if (earlier) d.run({ type: 'case.withdrawEvent', caseId: id, eventId: earlier.id })
      const c = d.run({ type: 'case.recordMilestone', caseId: id, milestone, on })
      expect(c.status).toBe(status)
      expect(c.timeline.slice(-2)).toMatchObject([
        { type: 'milestone', milestone, on },
        { type: 'status_changed', from, to: status, at: now.toISOString() },
      ])
    },
  )

  it('leaves the status alone when the milestone does not say the case moved on', () => {
    const { d, id } = openCase('acknowledged', 'evaluating')
    expect(d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'publication_consulted', on: now.toISOString() }).status).toBe('evaluating')
  })
})

describe('what can be recorded next', () => {
  const record = (d: ReturnType<typeof desk>, id: string, milestone: Milestone) =>
    d.run({ type: 'case.recordMilestone', caseId: id, milestone, on: '2026-11-30T09:00:00+01:00' })

  it('refuses what cannot happen next, in the person’s words at the milestone', () => {
    const received = openCase()
    // Fix released on a Received case would count a fix that was never accepted, and leave the case in Received.
    expect(refusalOf(() => record(received.d, received.id, 'fix_released')).issues).toEqual([
      { path: 'milestone', message: 'Fix released comes later: a case that is Received records it once it is Accepted / fixing' },
    ])
    expect(refusalOf(() => record(received.d, received.id, 'published')).issues[0]?.message).toBe(
      'Published comes later: a case that is Received records it once it is Resolved',
    )
    expect(refusalOf(() => record(received.d, received.id, 'progress_update_sent')).issues[0]?.message).toBe(
      'Progress update sent comes after Evaluation sent; record that first',
    )
    const evaluating = openCase('evaluating')
    expect(refusalOf(() => record(evaluating.d, evaluating.id, 'progress_update_sent')).issues).toEqual([
      { path: 'milestone', message: 'Progress update sent comes after Evaluation sent; record that first' },
    ])
    const published = openCase('evaluating', 'accepted', 'resolved', 'published')
    expect(refusalOf(() => record(published.d, published.id, 'progress_update_sent')).issues[0]?.message).toBe(
      'Progress update sent no longer fits a case that is Published',
    )
    const closed = openCase('evaluating', 'accepted', 'resolved', 'closed')
    expect(refusalOf(() => record(closed.d, closed.id, 'publication_consulted')).issues[0]?.message).toBe(
      'Reporter consulted on publication cannot be recorded on a closed case; reopen the case first',
    )
    // Closed before the evaluation went out: there will be no reward to decide until it is reopened and evaluated.
    const spam = openCase('closed')
    expect(refusalOf(() => record(spam.d, spam.id, 'reward_decided')).issues[0]?.message).toBe(
      'Reward decided cannot be recorded on a closed case; reopen the case first',
    )
  })

  it('records exactly what the picker offers, whatever the status: one rule for both', () => {
    const paths: Case['status'][][] = [[], ['acknowledged'], ['needs_info'], ['evaluating'], ['evaluating', 'accepted'], ['evaluating', 'accepted', 'resolved'], ['evaluating', 'accepted', 'resolved', 'published'], ['evaluating', 'accepted', 'closed']]
    for (const path of paths) {
      const { d, id } = openCase(...path)
      const c = d.doc.cases[0]!
      const offered = nextMilestones(c, policyById(c.policyId, []))
      for (const milestone of Milestone.options) {
        const attempt = desk(d.doc)
        if (offered.includes(milestone)) expect(record(attempt, id, milestone).timeline.some((e) => e.type === 'milestone' && e.milestone === milestone && e.on === '2026-11-30T09:00:00+01:00')).toBe(true)
        else expect(refusalOf(() => record(attempt, id, milestone)).issues.map((i) => i.path), `${milestone} on ${c.status}`).toEqual(['milestone'])
      }
    }
  })
})

describe('case.repinCalendar', () => {
  it('pins today’s team calendar on the case and says so in the timeline', () => {
    const { d, id } = openCase()
    const settings = d.doc.settings
    d.run({ type: 'settings.update', settings: { ...settings, calendar: { ...settings.calendar, spec: { ...settings.calendar.spec, closures: ['2026-12-24'] } } } })
    const c = d.run({ type: 'case.repinCalendar', caseId: id })
    expect(c.calendar.spec.closures).toEqual(['2026-12-24'])
    expect(c.timeline.at(-1)).toMatchObject({ type: 'calendar_repinned' })
  })
})
