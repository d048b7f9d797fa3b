import { describe, expect, it } from 'vitest'
import { effectiveEntry, milestoneTimes } from '../../../src/cases/history'
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
      'Only a milestone or a note can be corrected or withdrawn.',
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
})
