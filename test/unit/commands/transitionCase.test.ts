import { describe, expect, it } from 'vitest'
import type { Case } from '../../../src/cases/case'
import { milestoneTimes, nextMilestones } from '../../../src/cases/history'
import { policyById } from '../../../src/policies/catalog'
import { desk, idor, now, refusalOf } from './fixture'

/** A case of the AIMMS policy moved along `path`, one status after the other. */
function caseMovedTo(...path: Case['status'][]) {
  const d = desk()
  const c = d.run({ type: 'case.create', input: idor })
  for (const to of path) d.run({ type: 'case.transition', caseId: c.id, transition: { to } })
  return { d, id: c.id, c: () => d.doc.cases.find((x) => x.id === c.id)! }
}

describe('case.transition', () => {
  it('refuses a move the lifecycle does not allow, naming the moves that are', () => {
    const { d, id } = caseMovedTo()
    const error = refusalOf(() => d.run({ type: 'case.transition', caseId: id, transition: { to: 'published' } }))
    expect(error.code).toBe('invalid_transition')
    expect(error.message).toBe('A case that is Received cannot move to Published. Allowed: Acknowledged, Needs info, Evaluating, Closed.')
  })

  it('refuses closing an unfixed case as completed, at the closing reason', () => {
    const { d, id } = caseMovedTo()
    const error = refusalOf(() => d.run({ type: 'case.transition', caseId: id, transition: { to: 'closed', closingReason: 'completed' } }))
    expect(error.issues[0]?.path).toBe('closingReason')
  })

  it('finds the original of a duplicate by its key as typed, and refuses itself or a case that is not there', () => {
    const { d, id } = caseMovedTo()
    const original = d.run({ type: 'case.create', input: { ...idor, title: 'IDOR reported first' } })
    const close = (duplicateOf: string) =>
      d.run({ type: 'case.transition', caseId: id, transition: { to: 'closed', closingReason: 'duplicate', duplicateOf }, acceptOpenPromises: true })
    expect(refusalOf(() => close('vd-2026-001')).issues).toEqual([{ path: 'duplicateOf', message: 'A case cannot be a duplicate of itself' }])
    expect(refusalOf(() => close('VD-2026-099')).issues[0]?.message).toBe('There is no case VD-2026-099 in this store to be the original of this duplicate')
    const closed = close(' vd-2026-002 ')
    expect(closed).toMatchObject({ status: 'closed', closingReason: 'duplicate', duplicateOf: original.id })
  })

  it('records the milestone a status stands for, linked to the move, and only the first time', () => {
    const { c } = caseMovedTo('acknowledged', 'needs_info', 'acknowledged', 'evaluating', 'accepted')
    const moves = c().timeline.filter((e) => e.type === 'status_changed')
    const milestones = c().timeline.filter((e) => e.type === 'milestone')
    expect(milestones.map((m) => [m.milestone, m.on])).toEqual([
      ['acknowledgement_sent', now.toISOString()],
      ['evaluation_sent', now.toISOString()],
    ])
    expect(moves.map((m) => m.milestoneEvent)).toEqual([milestones[0]!.id, undefined, undefined, undefined, milestones[1]!.id])
  })

  describe('publishing or closing with promises open', () => {
    it('asks first: refused with needs_confirmation, nothing stored, and goes through once accepted', () => {
      const { d, id, c } = caseMovedTo('evaluating', 'accepted', 'resolved')
      const before = d.doc
      const error = refusalOf(() => d.run({ type: 'case.transition', caseId: id, transition: { to: 'published' } }))
      expect(error.code).toBe('needs_confirmation')
      // AIMMS: credit and the publication are both promised before anything is published.
      expect(error.message).toBe('VD-2026-001 still has open promises to the reporter: 2 promises would be broken. Look at them and confirm to go ahead; nothing was changed.')
      expect(d.doc).toBe(before)
      d.run({ type: 'case.transition', caseId: id, transition: { to: 'published' }, acceptOpenPromises: true })
      expect(c().status).toBe('published')
    })

    it('does not ask when the promises were kept', () => {
      const { d, id, c } = caseMovedTo('evaluating', 'accepted', 'resolved')
      d.run({ type: 'case.update', caseId: id, patch: { credit: { choice: 'handle', displayName: 'lfischer' } } })
      d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'publication_consulted', on: now.toISOString() })
      d.run({ type: 'case.transition', caseId: id, transition: { to: 'published' } })
      expect(c().status).toBe('published')
    })

    it('does not hold up publishing or closing a case whose deadlines cannot be counted (pinned calendar or zone unusable)', () => {
      for (const broken of [
        (x: Case): Case => ({ ...x, calendar: { ...x.calendar, spec: { ...x.calendar.spec, country: 'XX' } } }),
        (x: Case): Case => ({ ...x, received: { ...x.received, timeZone: 'Mars/Olympus_Mons' } }),
      ]) {
        const { d, id, c } = caseMovedTo('evaluating', 'accepted', 'resolved')
        d.doc = { ...d.doc, cases: [broken(c())] }
        expect(d.run({ type: 'case.transition', caseId: id, transition: { to: 'published' } }).status).toBe('published')
        expect(d.run({ type: 'case.transition', caseId: id, transition: { to: 'closed', closingReason: 'completed' } }).status).toBe('closed')
      }
    })

    it('asks before closing a case whose promises would no longer apply', () => {
      const { d, id } = caseMovedTo()
      const error = refusalOf(() => d.run({ type: 'case.transition', caseId: id, transition: { to: 'closed', closingReason: 'spam' } }))
      expect(error.code).toBe('needs_confirmation')
      expect(error.message).toContain('would no longer apply')
    })
  })
})

describe('case.revertStatus', () => {
  it('moves back to where the last move came from, withdraws the milestone it recorded, and keeps both moves', () => {
    const { d, id, c } = caseMovedTo('acknowledged')
    const move = c().timeline.find((e) => e.type === 'status_changed')!
    const reverted = d.run({ type: 'case.revertStatus', caseId: id, revision: 2, eventId: move.id })
    expect(reverted.status).toBe('received')
    expect(reverted.timeline.slice(-2)).toMatchObject([
      { type: 'status_changed', from: 'acknowledged', to: 'received', reverts: move.id },
      { type: 'event_withdrawn', eventId: move.type === 'status_changed' ? move.milestoneEvent : '' },
    ])
    expect(milestoneTimes(reverted).has('acknowledgement_sent')).toBe(false)
  })

  it('takes back a move that recording a milestone made, and withdraws that milestone: status and milestones agree after the undo', () => {
    const { d, id, c } = caseMovedTo()
    d.run({ type: 'case.recordMilestone', caseId: id, milestone: 'acknowledgement_sent', on: '2026-11-30T09:00:00+01:00' })
    const ack = c().timeline.find((e) => e.type === 'milestone')!
    const move = c().timeline.at(-1)!
    expect(move).toMatchObject({ type: 'status_changed', from: 'received', to: 'acknowledged', milestoneEvent: ack.id })
    const reverted = d.run({ type: 'case.revertStatus', caseId: id, eventId: move.id })
    expect(reverted.status).toBe('received')
    expect(reverted.timeline.slice(-2)).toMatchObject([
      { type: 'status_changed', from: 'acknowledged', to: 'received', reverts: move.id },
      { type: 'event_withdrawn', eventId: ack.id },
    ])
    expect(milestoneTimes(reverted).has('acknowledgement_sent')).toBe(false)
    expect(nextMilestones(reverted, policyById(reverted.policyId, []))).toContain('acknowledgement_sent')
  })

  it('takes back only the latest move, and not a revert itself', () => {
    const { d, id, c } = caseMovedTo('acknowledged', 'evaluating')
    const [first, second] = c().timeline.filter((e) => e.type === 'status_changed')
    expect(refusalOf(() => d.run({ type: 'case.revertStatus', caseId: id, eventId: first!.id })).code).toBe('invalid_transition')
    d.run({ type: 'case.revertStatus', caseId: id, eventId: second!.id })
    const revert = c().timeline.at(-1)!
    expect(refusalOf(() => d.run({ type: 'case.revertStatus', caseId: id, eventId: revert.id })).message).toBe(
      'This move already took back the one before it. Move the case on as usual instead.',
    )
  })

  it('back into Closed, the case is closed for the reason it was closed before', () => {
    const { d, id, c } = caseMovedTo()
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'closed', closingReason: 'out_of_scope' }, acceptOpenPromises: true })
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
    const reopen = c().timeline.at(-1)!
    expect(d.run({ type: 'case.revertStatus', caseId: id, eventId: reopen.id })).toMatchObject({ status: 'closed', closingReason: 'out_of_scope' })
  })
})
