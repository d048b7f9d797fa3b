import { describe, expect, it } from 'vitest'
import { effectiveEntry, milestoneTimes, nextMilestones } from '../../../src/cases/history'
import { policyById } from '../../../src/policies/catalog'
import { desk, idor, refusalOf } from './fixture'

function withMilestoneAndNote() {
  const d = desk()
  const { id } = d.run({ type: 'case.create', input: idor })
  const acked = d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'acknowledgement_sent', on: '2026-11-30T09:00:00+01:00' })
  const milestoneId = acked.timeline.find((e) => e.type === 'milestone')!.id
  const noteId = d.run({ type: 'case.addNote', caseId: id, text: 'Reproduced on stagin' }).timeline.at(-1)!.id
  const createdId = acked.timeline[0]!.id
  return { d, id, milestoneId, noteId, createdId }
}

describe('case.correctEvent', () => {
  it('corrects a milestone’s time by a new event naming it; the count follows the corrected time', () => {
    const { d, id, milestoneId } = withMilestoneAndNote()
    const c = d.run({ type: 'case.correctEvent', caseId: id, eventId: milestoneId, on: '2026-11-28T11:00:00+01:00', reason: 'Sent on Saturday' })
    expect(c.timeline.at(-1)).toMatchObject({ type: 'event_corrected', eventId: milestoneId, on: '2026-11-28T11:00:00+01:00', reason: 'Sent on Saturday' })
    expect(c.timeline.find((e) => e.id === milestoneId)).toMatchObject({ on: '2026-11-30T09:00:00+01:00' })
    expect(milestoneTimes(c).get('acknowledgement_sent')).toEqual([Date.parse('2026-11-28T11:00:00+01:00')])
  })

  it('holds the corrected time to the rules of a recorded one', () => {
    const { d, id, milestoneId } = withMilestoneAndNote()
    const error = refusalOf(() => d.run({ type: 'case.correctEvent', caseId: id, eventId: milestoneId, on: '2026-11-27T16:00:00+01:00' }))
    expect(error.issues).toEqual([{ path: 'on', message: 'This is before the report was received; enter a time on or after it' }])
  })

  it('corrects a note’s text, and only its text', () => {
    const { d, id, noteId } = withMilestoneAndNote()
    const c = d.run({ type: 'case.correctEvent', caseId: id, eventId: noteId, text: 'Reproduced on staging' })
    expect(effectiveEntry(c, noteId)).toMatchObject({ text: 'Reproduced on staging', corrected: true, withdrawn: false })
    expect(refusalOf(() => d.run({ type: 'case.correctEvent', caseId: id, eventId: noteId, on: '2026-11-30T09:00:00+01:00' })).issues[0]?.path).toBe('text')
  })

  it('changes nothing when the correction repeats what stands', () => {
    const { d, id, milestoneId } = withMilestoneAndNote()
    const before = d.doc
    d.run({ type: 'case.correctEvent', caseId: id, eventId: milestoneId, on: '2026-11-30T08:00:00Z' })
    expect(d.doc).toBe(before)
  })

  it('corrects only milestones and notes', () => {
    const { d, id, createdId } = withMilestoneAndNote()
    expect(refusalOf(() => d.run({ type: 'case.correctEvent', caseId: id, eventId: createdId, text: 'x' })).message).toBe(
      'Only a milestone or a note can be corrected; an email, a promised date or a proposed publication can be withdrawn.',
    )
    expect(refusalOf(() => d.run({ type: 'case.correctEvent', caseId: id, eventId: 'nope', text: 'x' })).code).toBe('not_found')
  })
})

describe('case.withdrawEvent', () => {
  it('takes a milestone out of the count and keeps it on the timeline; not twice, and no correction after', () => {
    const { d, id, milestoneId } = withMilestoneAndNote()
    const c = d.run({ type: 'case.withdrawEvent', caseId: id, eventId: milestoneId, reason: 'Recorded on the wrong case' })
    expect(c.timeline.find((e) => e.id === milestoneId)).toBeDefined()
    expect(milestoneTimes(c).has('acknowledgement_sent')).toBe(false)
    const again = refusalOf(() => d.run({ type: 'case.withdrawEvent', caseId: id, eventId: milestoneId }))
    expect(again.message).toBe('This entry was withdrawn already; it no longer counts and cannot be changed.')
    expect(refusalOf(() => d.run({ type: 'case.correctEvent', caseId: id, eventId: milestoneId, comment: 'x' })).code).toBe('invalid_input')
  })

  describe('a milestone a status move says the same as', () => {
    it('recorded by hand, right after it moved the case: the move is taken back with it, and the timeline keeps all three', () => {
      const { d, id, milestoneId } = withMilestoneAndNote()
      const move = d.doc.cases[0]!.timeline.find((e) => e.type === 'status_changed')!
      expect(move).toMatchObject({ from: 'received', to: 'acknowledged', milestoneEvent: milestoneId })
      const c = d.run({ type: 'case.withdrawEvent', caseId: id, eventId: milestoneId, reason: 'Sent to the wrong address' })
      expect(c.status).toBe('received')
      expect(c.timeline.filter((e) => [milestoneId, move.id].includes(e.id))).toHaveLength(2)
      expect(c.timeline.slice(-2)).toMatchObject([
        { type: 'status_changed', from: 'acknowledged', to: 'received', reverts: move.id },
        { type: 'event_withdrawn', eventId: milestoneId, reason: 'Sent to the wrong address' },
      ])
      expect(milestoneTimes(c).has('acknowledgement_sent')).toBe(false)
      expect(nextMilestones(c, policyById(c.policyId, []))).toContain('acknowledgement_sent')
    })

    it('recorded by a move to Acknowledged: withdrawing it takes that move back too', () => {
      const d = desk()
      const { id } = d.run({ type: 'case.create', input: idor })
      const moved = d.run({ type: 'case.transition', caseId: id, transition: { to: 'acknowledged' } })
      const move = moved.timeline.find((e) => e.type === 'status_changed')!
      const ack = moved.timeline.find((e) => e.type === 'milestone')!
      const c = d.run({ type: 'case.withdrawEvent', caseId: id, eventId: ack.id })
      expect(c.status).toBe('received')
      expect(c.timeline.filter((e) => e.type === 'status_changed').at(-1)).toMatchObject({ to: 'received', reverts: move.id })
      expect(milestoneTimes(c).has('acknowledgement_sent')).toBe(false)
    })

    it('is refused once the case moved on, at the reason, in words naming which made the other; nothing is stored', () => {
      const { d, id, milestoneId } = withMilestoneAndNote()
      d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
      const before = d.doc
      const error = refusalOf(() => d.run({ type: 'case.withdrawEvent', caseId: id, eventId: milestoneId }))
      expect(error.code).toBe('invalid_transition')
      expect(error.issues).toEqual([
        {
          path: 'reason',
          message:
            'Acknowledgement sent moved this case to Acknowledged, and the case has moved on since; undo the later moves first, or correct the date instead',
        },
      ])
      expect(d.doc).toBe(before)

      const other = desk()
      const { id: movedId } = other.run({ type: 'case.create', input: idor })
      const ack = other.run({ type: 'case.transition', caseId: movedId, transition: { to: 'acknowledged' } }).timeline.find((e) => e.type === 'milestone')!
      other.run({ type: 'case.transition', caseId: movedId, transition: { to: 'evaluating' } })
      expect(refusalOf(() => other.run({ type: 'case.withdrawEvent', caseId: movedId, eventId: ack.id })).issues[0]?.message).toBe(
        'Moving this case to Acknowledged recorded Acknowledgement sent, and the case has moved on since; undo the later moves first, or correct the date instead',
      )
    })

    it('can have its date corrected at any time: the status stays where it is', () => {
      const { d, id, milestoneId } = withMilestoneAndNote()
      d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
      const c = d.run({ type: 'case.correctEvent', caseId: id, eventId: milestoneId, on: '2026-11-28T11:00:00+01:00' })
      expect(c.status).toBe('evaluating')
      expect(milestoneTimes(c).get('acknowledgement_sent')).toEqual([Date.parse('2026-11-28T11:00:00+01:00')])
    })
  })

  it('leaves the status alone for a milestone no move is linked to', () => {
    const d = desk()
    const { id } = d.run({ type: 'case.create', input: idor })
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'needs_info' } })
    // Recorded on a case that needs information: the acknowledgement went out, but it moved nothing.
    const acked = d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'acknowledgement_sent', on: '2026-11-30T09:00:00+01:00' })
    const ack = acked.timeline.at(-1)!
    expect(ack.type).toBe('milestone')
    const c = d.run({ type: 'case.withdrawEvent', caseId: id, eventId: ack.id })
    expect(c.status).toBe('needs_info')
    expect(c.timeline.at(-1)).toMatchObject({ type: 'event_withdrawn', eventId: ack.id })
    expect(c.timeline.filter((e) => e.type === 'status_changed')).toHaveLength(1)
  })
})
