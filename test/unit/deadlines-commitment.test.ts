import { describe, expect, it } from 'vitest'
import type { SentEmail } from '../../src/commands/recordEmail'
import { deadlinesOf, type Deadline } from '../../src/deadlines'
import { deadlineText, dueSoonText } from '../../src/i18n/deadlineText'
import { aimmsPolicy } from '../../src/policies/presets'
import { desk, idor, now } from './commands/fixture'

// The IDOR report came in Fri 27 Nov 2026 16:10 in Amsterdam, under the AIMMS policy; the desk's clock starts at Tue 1 Dec 10:00.
const email = (purpose: SentEmail['purpose']): SentEmail => ({
  templateId: purpose,
  purpose,
  language: 'en',
  from: 'Ana Silva <ana@example.org>',
  to: ['lena@fischer.example'],
  subject: `[VD-2026-001] ${purpose}`,
  body: 'Dear Lena,',
})

/** An AIMMS case whose evaluation, sent Mon 30 Nov 09:30, promised the fix by Fri 18 Dec 2026. */
function promisedCase() {
  const d = desk()
  const { id } = d.run({ type: 'case.create', input: idor })
  d.run({ type: 'case.transition', caseId: id, transition: { to: 'evaluating' } })
  d.run({
    type: 'case.recordEmail',
    caseId: id,
    email: email('evaluation'),
    on: '2026-11-30T09:30:00+01:00',
    inputs: { expectedResolutionDate: '2026-12-18' },
  })
  const commitment = (at: Date): Deadline | undefined =>
    deadlinesOf(d.doc.cases[0]!, aimmsPolicy, at).find((x) => x.ruleId === 'expected_resolution')
  return { d, id, commitment }
}

const evaluationQuote = aimmsPolicy.rules.find((r) => r.id === 'evaluation')!.quote

describe('the expected resolution date as a deadline', () => {
  it('is due at the end of the promised day in the team’s zone, quoting the policy sentence that promises it', () => {
    const { d, commitment } = promisedCase()
    const promised = d.doc.cases[0]!.timeline.find((e) => e.type === 'resolution_promised')!
    expect(commitment(now)).toMatchObject({
      ruleId: 'expected_resolution',
      due: 'resolution',
      occurrence: 1,
      state: 'upcoming',
      from: 'evaluation_sent',
      anchorAt: '2026-11-30T08:30:00.000Z',
      amount: null,
      dueDate: '2026-12-18',
      dueAt: '2026-12-18T22:59:59.999Z',
      quote: evaluationQuote,
      promise: { date: '2026-12-18', eventId: promised.id, earlier: [] },
    })
  })

  it('is due today on the promised day, and has slipped (overdue) the moment that day ends without the fix', () => {
    const { commitment } = promisedCase()
    expect(commitment(new Date('2026-12-18T22:59:59.000Z'))?.state).toBe('due_today')
    expect(commitment(new Date('2026-12-18T23:00:00.000Z'))?.state).toBe('overdue')
  })

  it('says in words, in English and Dutch, what was promised and that it slipped', () => {
    const { commitment } = promisedCase()
    const slipped = commitment(new Date('2026-12-21T09:00:00Z'))!
    expect(deadlineText(slipped, 'en')).toEqual({
      label: 'Release the fix by the date promised',
      explanation:
        'Promised to the reporter: the fix by Fri 18 Dec 2026 · slipped: the fix was not released by Fri 18 Dec 2026; offer a progress update with a new date',
      dueAtReporter: 'Fri 18 Dec 2026 23:59 (Europe/Amsterdam)',
      slipped: true,
      stateLabel: 'Slipped',
    })
    expect(deadlineText(slipped, 'nl')).toMatchObject({
      label: 'Oplossing uiterlijk op de toegezegde datum uitbrengen',
      explanation:
        'Toegezegd aan de melder: de oplossing uiterlijk vr 18 dec 2026 · verstreken: de oplossing is op vr 18 dec 2026 nog niet uitgebracht; stuur een voortgangsbericht met een nieuwe datum',
      slipped: true,
      stateLabel: 'Verstreken',
    })
    // The case list's short text badges it the same way.
    expect(dueSoonText(slipped, '2026-12-21', 'en')).toBe('Slipped · Fri 18 Dec')
    expect(dueSoonText(slipped, '2026-12-21', 'nl')).toBe('Verstreken · vr 18 dec')
    expect(deadlineText(commitment(now)!, 'en')).toMatchObject({ slipped: false, stateLabel: 'Upcoming' })
    expect(deadlineText(commitment(now)!, 'en').explanation).toBe('Promised to the reporter: the fix by Fri 18 Dec 2026')
  })

  it('moves to the date a progress update renegotiates, keeping the slipped one as history', () => {
    const { d, id, commitment } = promisedCase()
    const monday = new Date('2026-12-21T09:00:00Z')
    d.at = monday
    d.run({
      type: 'case.recordEmail',
      caseId: id,
      email: email('progress_update'),
      on: '2026-12-21T10:00:00+01:00',
      inputs: { expectedResolutionDate: '2027-01-15' },
    })
    const renegotiated = commitment(monday)!
    expect(renegotiated).toMatchObject({ state: 'upcoming', dueDate: '2027-01-15', promise: { date: '2027-01-15', earlier: ['2026-12-18'] } })
    expect(deadlineText(renegotiated, 'en').explanation).toBe('Promised to the reporter: the fix by Fri 15 Jan 2027 (was Fri 18 Dec 2026)')
    expect(deadlineText(renegotiated, 'nl').explanation).toBe('Toegezegd aan de melder: de oplossing uiterlijk vr 15 jan 2027 (eerder: vr 18 dec 2026)')
  })

  it('is kept by the fix released: on time before the day ends, late after it', () => {
    const onTime = promisedCase()
    onTime.d.at = new Date('2026-12-17T12:00:00Z')
    onTime.d.run({ type: 'case.recordMilestone', caseId: onTime.id, milestone: 'fix_released', on: '2026-12-17T12:00:00Z' })
    const kept = onTime.commitment(new Date('2026-12-21T09:00:00Z'))!
    expect(kept).toMatchObject({ state: 'met_on_time', kept: { event: 'fix_released', at: '2026-12-17T12:00:00.000Z' } })
    expect(deadlineText(kept, 'en').explanation).toBe('Promised to the reporter: the fix by Fri 18 Dec 2026 · Fix released Thu 17 Dec 13:00, on time')

    const late = promisedCase()
    late.d.at = new Date('2026-12-22T12:00:00Z')
    late.d.run({ type: 'case.recordMilestone', caseId: late.id, milestone: 'fix_released', on: '2026-12-22T12:00:00Z' })
    expect(late.commitment(late.d.at)?.state).toBe('met_late')
  })

  it('is no longer due once the case is closed without the fix, and absent while nothing was promised', () => {
    const { d, id, commitment } = promisedCase()
    d.run({ type: 'case.transition', caseId: id, transition: { to: 'closed', closingReason: 'withdrawn' }, acceptOpenPromises: true })
    expect(commitment(new Date('2026-12-21T09:00:00Z'))?.state).toBe('not_applicable')

    const plain = desk()
    plain.run({ type: 'case.create', input: idor })
    expect(deadlinesOf(plain.doc.cases[0]!, aimmsPolicy, now).map((x) => x.ruleId)).not.toContain('expected_resolution')
  })
})
