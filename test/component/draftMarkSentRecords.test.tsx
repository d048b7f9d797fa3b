import { describe, expect, it } from 'vitest'
import { whatSendingRecords } from '../../renderer/drafts/MarkSentDialog'
import { caseWith, ikuu } from '../unit/drafts-fixtures'

const acknowledged = caseWith({
  status: 'acknowledged',
  timeline: [
    { id: 'm1', at: '2026-12-04T09:00:00+01:00', by: {}, type: 'milestone', milestone: 'acknowledgement_sent', on: '2026-12-04T09:00:00+01:00' },
    { id: 's1', at: '2026-12-04T09:00:00+01:00', by: {}, type: 'status_changed', from: 'received', to: 'acknowledged', milestoneEvent: 'm1' },
  ],
})

const records = (kase = acknowledged, purpose: 'evaluation' | 'acknowledgement' = 'evaluation') =>
  whatSendingRecords({
    kase,
    policy: ikuu,
    purpose,
    language: 'en',
    subject: '[VD-2026-007] Our evaluation',
    to: ['priya@example.org'],
    encrypted: false,
    deadlineLabel: 'Send evaluation',
    inputs: {},
  })

describe('what marking an email as sent records, as the command records it', () => {
  it('an evaluation from an Acknowledged case moves it to Evaluating first, records the milestone and moves on to Accepted', () => {
    expect(records().slice(1)).toEqual([
      'The status moves to Evaluating first, where Evaluation sent is recorded.',
      'The milestone Evaluation sent at the time sent: it meets “Send evaluation” and starts what counts from it.',
      'The status moves to Accepted / fixing.',
    ])
  })

  it('an acknowledgement already on the timeline records no second milestone', () => {
    expect(records(acknowledged, 'acknowledgement').slice(1)).toEqual(['No new milestone: Acknowledgement sent is already recorded.'])
  })
})
