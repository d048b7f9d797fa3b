import { describe, expect, it } from 'vitest'
import { Case } from '../../src/cases/case'
import type { CaseStatus } from '../../src/cases/lifecycle'
import { Deadline, deadlinesOf } from '../../src/deadlines'
import { deadlineText, type DeadlineText } from '../../src/i18n'
import { copyPolicy } from '../../src/policies/catalog'
import type { Milestone, Policy } from '../../src/policies/policy'
import { aimmsPolicy, ikuuPolicy } from '../../src/policies/presets'

// Every expected date below was counted by hand on a paper calendar; the comments show the count.
// Team: Netherlands, Europe/Amsterdam, public holidays, Monday to Friday. Reporter: New York unless said otherwise.

interface CaseSketch {
  received: string
  reporterZone?: string
  status?: CaseStatus
  events?: Record<string, unknown>[]
  spec?: Record<string, unknown>
  afterHoursCountsNextDay?: boolean
}

function caseOf({ received, reporterZone = 'America/New_York', status = 'received', events = [], spec = {}, afterHoursCountsNextDay = false }: CaseSketch): Case {
  return Case.parse({
    id: 'case-1',
    key: 'VD-2026-001',
    title: 'Stored XSS in the customer portal',
    reporter: { name: 'Ada Reporter', email: 'ada@example.org' },
    received: { at: received, timeZone: reporterZone },
    status,
    credit: {},
    reward: {},
    policyId: 'ikuu',
    calendar: { spec: { country: 'NL', timeZone: 'Europe/Amsterdam', ...spec }, endOfWorkingDay: '17:00', afterHoursCountsNextDay },
    timeline: events.map((event, i) => ({ id: `event-${i + 1}`, by: { name: 'Sam Lead' }, ...event })),
    revision: 1,
    createdAt: received,
    updatedAt: received,
  })
}

const milestone = (m: Milestone, on: string) => ({ type: 'milestone', milestone: m, on, at: on })
const statusChange = (from: CaseStatus, to: CaseStatus, at: string, extra: Record<string, unknown> = {}) => ({
  type: 'status_changed',
  from,
  to,
  at,
  ...extra,
})

/** A deadline with its English words beside its data, as the case screen shows it. */
const inEnglish = (d: Deadline): Deadline & DeadlineText => ({ ...d, ...deadlineText(d, 'en') })

function deadlineOf(deadlines: Deadline[], ruleId: string, occurrence = 1): Deadline & DeadlineText {
  const found = deadlines.find((d) => d.ruleId === ruleId && d.occurrence === occurrence)
  if (!found) throw new Error(`no deadline ${ruleId} #${occurrence} in ${deadlines.map((d) => d.ruleId).join(', ')}`)
  return inEnglish(found)
}

const at = (iso: string) => new Date(iso)
const weekend = (date: string) => ({ date, reason: 'weekend' })
/** A holiday skipped, with its name in English and, for Dutch texts, in Dutch. */
const holiday = (date: string, name: string, dutchName: string) => ({ date, reason: 'holiday', name, dutchName })
const paused = (date: string) => ({ date, reason: 'paused' })

const goodFridayOff = { overrides: [{ rule: 'easter -2', name: 'Good Friday', treatAs: 'non_working' }] }

describe('IKUU over Christmas 2026 in the Netherlands', () => {
  const received = '2026-12-18T16:10:00+01:00' // Fri 18 Dec 16:10 Amsterdam

  it('acknowledgement of a report received Fri 18 Dec 16:10 is due Tue 22 Dec', () => {
    // Mon 21 (1), Tue 22 (2); Sat 19 and Sun 20 skipped.
    const [ack] = deadlinesOf(caseOf({ received }), ikuuPolicy, at('2026-12-21T09:00:00+01:00'))
    expect(ack).toEqual({
      ruleId: 'acknowledgement',
      due: 'acknowledgement',
      occurrence: 1,
      repeats: false,
      state: 'upcoming',
      from: 'received',
      anchorAt: '2026-12-18T15:10:00.000Z',
      amount: 2,
      unit: 'business_days',
      dueDate: '2026-12-22',
      // 23:59:59.999 CET (+01:00)
      dueAt: '2026-12-22T22:59:59.999Z',
      skipped: [weekend('2026-12-19'), weekend('2026-12-20')],
      pauses: [],
      teamZone: 'Europe/Amsterdam',
      reporterZone: 'America/New_York',
      quote: 'Our Information Desk will confirm receipt within two business days.',
      reading: '',
    })
    expect(deadlineText(ack!, 'en')).toEqual({
      label: 'Acknowledge receipt',
      explanation: 'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec',
      dueAtReporter: 'Tue 22 Dec 2026 17:59 (America/New_York)',
      slipped: false,
      stateLabel: 'Upcoming',
    })
  })

  it('evaluation three business days after the acknowledgement sent Tue 22 Dec is due Mon 28 Dec, past Christmas', () => {
    // Wed 23 (1), Thu 24 (2), Fri 25 Christmas, Sat 26 Boxing Day, Sun 27, Mon 28 (3).
    const c = caseOf({ received, status: 'acknowledged', events: [milestone('acknowledgement_sent', '2026-12-22T11:00:00+01:00')] })
    const evaluation = deadlineOf(deadlinesOf(c, ikuuPolicy, at('2026-12-23T09:00:00+01:00')), 'evaluation')
    expect(evaluation.state).toBe('upcoming')
    expect(evaluation.dueDate).toBe('2026-12-28')
    expect(evaluation.dueAt).toBe('2026-12-28T22:59:59.999Z')
    expect(evaluation.reading).toMatch(/^"Three days" does not say which days/)
    expect(evaluation.skipped).toEqual([
      holiday('2026-12-25', 'Christmas Day', 'Kerstmis'),
      holiday('2026-12-26', 'Boxing Day', 'Tweede kerstdag'),
      weekend('2026-12-27'),
    ])
    expect(evaluation.explanation).toBe(
      'Acknowledgement sent Tue 22 Dec 11:00 → 3 business days → skipped Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day), Sun 27 Dec → due Mon 28 Dec',
    )
    expect(deadlineText(evaluation, 'nl').explanation).toBe(
      'Ontvangstbevestiging verstuurd di 22 dec 11:00 → 3 werkdagen → overgeslagen vr 25 dec (Kerstmis), za 26 dec (Tweede kerstdag), zo 27 dec → uiterlijk ma 28 dec',
    )
  })

  it('read as three calendar days instead, the evaluation ends on Christmas Day and moves to Mon 28 Dec', () => {
    // Wed 23 (1), Thu 24 (2), Fri 25 (3) is Christmas Day; the next business day after it, past Boxing Day and Sunday, is Mon 28.
    const strict: Policy = copyPolicy(ikuuPolicy, 'ikuu-strict', 'IKUU, calendar days')
    strict.rules.find((r) => r.id === 'evaluation')!.unit = 'calendar_days'
    const c = caseOf({ received, status: 'acknowledged', events: [milestone('acknowledgement_sent', '2026-12-22T11:00:00+01:00')] })
    const evaluation = deadlineOf(deadlinesOf(c, strict, at('2026-12-23T09:00:00+01:00')), 'evaluation')
    expect(evaluation.dueDate).toBe('2026-12-28')
    expect(evaluation.skipped).toEqual([])
    expect(evaluation.dayOff).toEqual({ date: '2026-12-25', reason: 'holiday', name: 'Christmas Day', dutchName: 'Kerstmis', handling: 'next_business_day' })
    expect(evaluation.explanation).toBe(
      'Acknowledgement sent Tue 22 Dec 11:00 → 3 calendar days → ends Fri 25 Dec (Christmas Day): moved to the next business day → due Mon 28 Dec',
    )
    expect(deadlineText(evaluation, 'nl').explanation).toBe(
      'Ontvangstbevestiging verstuurd di 22 dec 11:00 → 3 kalenderdagen → laatste dag vr 25 dec (Kerstmis): verschoven naar de eerstvolgende werkdag → uiterlijk ma 28 dec',
    )
  })

  it('with the office closed 28–31 Dec, the evaluation after Tue 22 Dec moves to Mon 4 Jan', () => {
    // Wed 23 (1), Thu 24 (2), [Fri 25, Sat 26, Sun 27, Mon 28–Thu 31 closed, Fri 1 Jan, Sat 2, Sun 3], Mon 4 Jan (3).
    const c = caseOf({
      received,
      status: 'acknowledged',
      spec: { closures: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] },
      events: [milestone('acknowledgement_sent', '2026-12-22T11:00:00+01:00')],
    })
    const evaluation = deadlineOf(deadlinesOf(c, ikuuPolicy, at('2026-12-23T09:00:00+01:00')), 'evaluation')
    expect(evaluation.dueDate).toBe('2027-01-04')
    expect(evaluation.explanation).toBe(
      'Acknowledgement sent Tue 22 Dec 11:00 → 3 business days → skipped Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day), Sun 27 Dec, ' +
        "Mon–Thu 28–31 Dec (closure), Fri 1 Jan (New Year's Day), Sat–Sun 2–3 Jan → due Mon 4 Jan",
    )
  })

  it('before the acknowledgement, the evaluation waits for it and has no date', () => {
    const evaluation = deadlineOf(deadlinesOf(caseOf({ received }), ikuuPolicy, at('2026-12-21T09:00:00+01:00')), 'evaluation')
    expect(evaluation.state).toBe('waiting')
    expect([evaluation.dueDate, evaluation.dueAt, evaluation.dueAtReporter]).toEqual([null, null, null])
    expect(evaluation.explanation).toBe('Waits for Acknowledgement sent → then 3 business days')
  })

  it('lists every IKUU promise: progress reports and the reward wait for the evaluation, the rest have no time limit', () => {
    const deadlines = deadlinesOf(caseOf({ received }), ikuuPolicy, at('2026-12-21T09:00:00+01:00'))
    expect(deadlines.map(inEnglish).map((d) => [d.ruleId, d.label, d.state, d.explanation])).toEqual([
      ['acknowledgement', 'Acknowledge receipt', 'upcoming', 'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec'],
      ['evaluation', 'Send evaluation', 'waiting', 'Waits for Acknowledgement sent → then 3 business days'],
      ['progress-reports', 'Send progress update', 'waiting', 'Waits for Evaluation sent → then 10 business days'],
      ['publication', 'Consult reporter on publication', 'open', 'No time limit — before Published'],
      ['credit', 'Confirm credit', 'open', 'No time limit — before Published'],
      ['reward', 'Decide reward', 'waiting', 'Waits for Evaluation sent → then no time limit'],
    ])
  })

  it('every deadline fits the schema that carries it over IPC', () => {
    const c = caseOf({ received, status: 'acknowledged', events: [milestone('acknowledgement_sent', '2026-12-22T11:00:00+01:00')] })
    for (const d of deadlinesOf(c, ikuuPolicy, at('2026-12-23T09:00:00+01:00'))) expect(Deadline.parse(d)).toEqual(d)
  })

  it('leaves the case as it was', () => {
    const c = caseOf({ received, status: 'acknowledged', events: [milestone('acknowledgement_sent', '2026-12-22T11:00:00+01:00')] })
    const before = structuredClone(c)
    deadlinesOf(c, ikuuPolicy, at('2026-12-23T09:00:00+01:00'))
    expect(c).toEqual(before)
  })
})

describe('calendar-day promises that end on a day off', () => {
  // IKUU's evaluation read as three calendar days from the acknowledgement, either staying on a day off or moving
  // past it as the Dutch General Time Limits Act moves statutory limits.
  const calendarDays = (onDayOff: 'stays' | 'next_business_day') => {
    const policy = copyPolicy(ikuuPolicy, `ikuu-days-${onDayOff}`, 'IKUU, calendar days')
    Object.assign(policy.rules.find((r) => r.id === 'evaluation')!, { unit: 'calendar_days', onDayOff })
    return policy
  }
  const evaluation = (ackSent: string, onDayOff: 'stays' | 'next_business_day') => {
    const c = caseOf({ received: ackSent, status: 'acknowledged', events: [milestone('acknowledgement_sent', ackSent)] })
    const d = deadlinesOf(c, calendarDays(onDayOff), at(ackSent)).find((x) => x.ruleId === 'evaluation')!
    return { ...d, en: deadlineText(d, 'en').explanation, nl: deadlineText(d, 'nl').explanation }
  }

  it('ending on Sat 12 Dec 2026, moves to Mon 14 Dec', () => {
    // Thu 10 (1), Fri 11 (2), Sat 12 (3); Sun 13 is no business day either.
    const moved = evaluation('2026-12-09T10:00:00+01:00', 'next_business_day')
    expect([moved.dueDate, moved.dueAt, moved.state]).toEqual(['2026-12-14', '2026-12-14T22:59:59.999Z', 'upcoming'])
    expect(moved.dayOff).toEqual({ date: '2026-12-12', reason: 'weekend', handling: 'next_business_day' })
    expect(moved.en).toBe(
      'Acknowledgement sent Wed 9 Dec 10:00 → 3 calendar days → ends Sat 12 Dec (weekend): moved to the next business day → due Mon 14 Dec',
    )
    expect(moved.nl).toBe(
      'Ontvangstbevestiging verstuurd wo 9 dec 10:00 → 3 kalenderdagen → laatste dag za 12 dec (weekend): ' +
        'verschoven naar de eerstvolgende werkdag → uiterlijk ma 14 dec',
    )
  })

  it('ending on Sat 12 Dec 2026 and told to stay, is due that Saturday and says so', () => {
    const stays = evaluation('2026-12-09T10:00:00+01:00', 'stays')
    expect([stays.dueDate, stays.dueAt]).toEqual(['2026-12-12', '2026-12-12T22:59:59.999Z'])
    expect(stays.en).toBe('Acknowledgement sent Wed 9 Dec 10:00 → 3 calendar days → due Sat 12 Dec (falls on a weekend)')
    expect(stays.nl).toBe('Ontvangstbevestiging verstuurd wo 9 dec 10:00 → 3 kalenderdagen → uiterlijk za 12 dec (valt in het weekend)')
  })

  it('ending on New Year’s Day 2027 stays on it and names it, or moves past the weekend to Mon 4 Jan', () => {
    // Wed 30 (1), Thu 31 (2), Fri 1 Jan (3) is New Year's Day; Sat 2 and Sun 3 follow.
    const stays = evaluation('2026-12-29T10:00:00+01:00', 'stays')
    expect(stays.dueDate).toBe('2027-01-01')
    expect(stays.dayOff).toEqual({ date: '2027-01-01', reason: 'holiday', name: "New Year's Day", dutchName: 'Nieuwjaar', handling: 'stays' })
    expect(stays.en).toBe("Acknowledgement sent Tue 29 Dec 10:00 → 3 calendar days → due Fri 1 Jan (falls on New Year's Day)")
    expect(stays.nl).toBe('Ontvangstbevestiging verstuurd di 29 dec 10:00 → 3 kalenderdagen → uiterlijk vr 1 jan (valt op Nieuwjaar)')

    const moved = evaluation('2026-12-29T10:00:00+01:00', 'next_business_day')
    expect(moved.dueDate).toBe('2027-01-04')
    expect(moved.en).toBe(
      "Acknowledgement sent Tue 29 Dec 10:00 → 3 calendar days → ends Fri 1 Jan (New Year's Day): moved to the next business day → due Mon 4 Jan",
    )
    expect(moved.nl).toBe(
      'Ontvangstbevestiging verstuurd di 29 dec 10:00 → 3 kalenderdagen → laatste dag vr 1 jan (Nieuwjaar): ' +
        'verschoven naar de eerstvolgende werkdag → uiterlijk ma 4 jan',
    )
  })

  it('ending on New Year’s Day 2026, a Thursday, moves to Fri 2 Jan', () => {
    // Tue 30 (1), Wed 31 (2), Thu 1 Jan (3) is New Year's Day; Fri 2 Jan is a business day.
    const moved = evaluation('2025-12-29T10:00:00+01:00', 'next_business_day')
    expect([moved.dueDate, moved.dueAt]).toEqual(['2026-01-02', '2026-01-02T22:59:59.999Z'])
  })

  it('ending on a business day, is due that day either way and says nothing about days off', () => {
    // Tue 22 Dec + 3 calendar days is Fri 25 Dec only over Christmas; from Mon 7 Dec it is Thu 10 Dec.
    for (const onDayOff of ['stays', 'next_business_day'] as const) {
      const d = evaluation('2026-12-07T10:00:00+01:00', onDayOff)
      expect([d.dueDate, d.dayOff, d.en]).toEqual(['2026-12-10', undefined, 'Acknowledgement sent Mon 7 Dec 10:00 → 3 calendar days → due Thu 10 Dec'])
    }
  })
})

describe('AIMMS over Christmas and New Year 2026–27 in the Netherlands', () => {
  it('the evaluation of a report received Fri 18 Dec 16:10 is due Tue 12 Jan 2027, 15 business days later', () => {
    // Dec: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), [Fri 25, Sat 26, Sun 27], Mon 28 (5), Tue 29 (6), Wed 30 (7),
    // Thu 31 (8; Oudejaarsdag is a 'bank' holiday, not counted), [Fri 1 Jan, Sat 2, Sun 3], Mon 4 (9), Tue 5 (10),
    // Wed 6 (11), Thu 7 (12), Fri 8 (13), [Sat 9, Sun 10], Mon 11 (14), Tue 12 (15).
    const evaluation = deadlineOf(
      deadlinesOf(caseOf({ received: '2026-12-18T16:10:00+01:00', reporterZone: 'Europe/Amsterdam' }), aimmsPolicy, at('2026-12-21T09:00:00+01:00')),
      'evaluation',
    )
    expect(evaluation.dueDate).toBe('2027-01-12')
    expect(evaluation.dueAtReporter).toBe('Tue 12 Jan 2027 23:59 (Europe/Amsterdam)')
    expect(evaluation.skipped).toEqual([
      weekend('2026-12-19'),
      weekend('2026-12-20'),
      holiday('2026-12-25', 'Christmas Day', 'Kerstmis'),
      holiday('2026-12-26', 'Boxing Day', 'Tweede kerstdag'),
      weekend('2026-12-27'),
      holiday('2027-01-01', "New Year's Day", 'Nieuwjaar'),
      weekend('2027-01-02'),
      weekend('2027-01-03'),
      weekend('2027-01-09'),
      weekend('2027-01-10'),
    ])
    expect(evaluation.explanation).toBe(
      'Received Fri 18 Dec 16:10 → 15 business days → skipped Sat–Sun 19–20 Dec, Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day), ' +
        "Sun 27 Dec, Fri 1 Jan (New Year's Day), Sat–Sun 2–3 Jan, Sat–Sun 9–10 Jan → due Tue 12 Jan",
    )
  })

  it('lists the evaluation, the progress updates waiting for it, and credit and publication without time limit', () => {
    const deadlines = deadlinesOf(caseOf({ received: '2026-12-18T16:10:00+01:00' }), aimmsPolicy, at('2026-12-21T09:00:00+01:00'))
    expect(deadlines.map((d) => [d.ruleId, d.state, d.dueDate])).toEqual([
      ['evaluation', 'upcoming', '2027-01-12'],
      ['progress-updates', 'waiting', null],
      ['credit', 'open', null],
      ['publication', 'open', null],
    ])
  })
})

describe('Easter 2027 in the Netherlands (Good Friday 26 Mar, Easter Monday 29 Mar)', () => {
  // date-holidays types Goede Vrijdag 'school' in NL: it is no national day off, and most Dutch offices work. The
  // default NL calendar therefore counts it as a business day; a team that closes on Good Friday adds an override.

  it('IKUU acknowledgement of a report received Thu 25 Mar 10:00 is due Tue 30 Mar, Good Friday counting', () => {
    // Fri 26 (1), [Sat 27, Sun 28 Easter, Mon 29 Easter Monday], Tue 30 (2).
    const ack = deadlineOf(deadlinesOf(caseOf({ received: '2027-03-25T10:00:00+01:00' }), ikuuPolicy, at('2027-03-25T12:00:00+01:00')), 'acknowledgement')
    expect(ack.dueDate).toBe('2027-03-30')
    // Summer time since Sun 28 Mar: 23:59:59.999 CEST (+02:00).
    expect(ack.dueAt).toBe('2027-03-30T21:59:59.999Z')
    expect(ack.skipped).toEqual([weekend('2027-03-27'), holiday('2027-03-28', 'Easter Sunday', 'Pasen'), holiday('2027-03-29', 'Easter Monday', 'Tweede paasdag')])
    expect(ack.explanation).toBe(
      'Received Thu 25 Mar 10:00 → 2 business days → skipped Sat 27 Mar, Sun 28 Mar (Easter Sunday), Mon 29 Mar (Easter Monday) → due Tue 30 Mar',
    )
  })

  it('with Good Friday overridden as a day off, the same acknowledgement is due Wed 31 Mar', () => {
    // [Fri 26 Good Friday, Sat 27, Sun 28, Mon 29], Tue 30 (1), Wed 31 (2).
    const c = caseOf({ received: '2027-03-25T10:00:00+01:00', spec: goodFridayOff })
    const ack = deadlineOf(deadlinesOf(c, ikuuPolicy, at('2027-03-25T12:00:00+01:00')), 'acknowledgement')
    expect(ack.dueDate).toBe('2027-03-31')
    expect(ack.explanation).toBe(
      'Received Thu 25 Mar 10:00 → 2 business days → skipped Fri 26 Mar (Good Friday), Sat 27 Mar, Sun 28 Mar (Easter Sunday), ' +
        'Mon 29 Mar (Easter Monday) → due Wed 31 Mar',
    )
  })

  it('IKUU evaluation after an acknowledgement sent on Good Friday 09:30 is due Thu 1 Apr', () => {
    // [Sat 27, Sun 28, Mon 29], Tue 30 (1), Wed 31 (2), Thu 1 Apr (3).
    const c = caseOf({
      received: '2027-03-25T10:00:00+01:00',
      status: 'acknowledged',
      events: [milestone('acknowledgement_sent', '2027-03-26T09:30:00+01:00')],
    })
    const evaluation = deadlineOf(deadlinesOf(c, ikuuPolicy, at('2027-03-26T12:00:00+01:00')), 'evaluation')
    expect(evaluation.dueDate).toBe('2027-04-01')
  })

  it('AIMMS evaluation of a report received Wed 24 Mar 09:00 is due Thu 15 Apr, or Fri 16 Apr with Good Friday off', () => {
    // Thu 25 (1), Fri 26 (2), [27, 28, 29], Tue 30 (3), Wed 31 (4), Thu 1 Apr (5), Fri 2 (6), [3, 4], Mon 5 (7), Tue 6 (8),
    // Wed 7 (9), Thu 8 (10), Fri 9 (11), [10, 11], Mon 12 (12), Tue 13 (13), Wed 14 (14), Thu 15 (15).
    // With Good Friday off every count from Fri 26 on moves one business day: Fri 16 Apr.
    const now = at('2027-03-24T12:00:00+01:00')
    const plain = deadlineOf(deadlinesOf(caseOf({ received: '2027-03-24T09:00:00+01:00' }), aimmsPolicy, now), 'evaluation')
    const closed = deadlineOf(deadlinesOf(caseOf({ received: '2027-03-24T09:00:00+01:00', spec: goodFridayOff }), aimmsPolicy, now), 'evaluation')
    expect([plain.dueDate, closed.dueDate]).toEqual(['2027-04-15', '2027-04-16'])
  })
})

describe('the state of a deadline', () => {
  const received = '2026-12-18T16:10:00+01:00' // IKUU acknowledgement due Tue 22 Dec
  const ackState = (now: string, events: Record<string, unknown>[] = [], status: CaseStatus = 'received') =>
    deadlineOf(deadlinesOf(caseOf({ received, events, status }), ikuuPolicy, at(now)), 'acknowledgement')

  it('is upcoming before the due day, due today on it up to its last millisecond, and overdue after', () => {
    expect(ackState('2026-12-21T12:00:00+01:00').state).toBe('upcoming')
    expect(ackState('2026-12-22T00:00:00+01:00').state).toBe('due_today')
    expect(ackState('2026-12-22T23:59:59.999+01:00').state).toBe('due_today')
    expect(ackState('2026-12-23T00:00:00+01:00').state).toBe('overdue')
  })

  it('is met on time by an acknowledgement sent late on the due day', () => {
    const ack = ackState('2026-12-23T10:00:00+01:00', [milestone('acknowledgement_sent', '2026-12-22T23:30:00+01:00')], 'acknowledged')
    expect(ack.state).toBe('met_on_time')
    expect(ack.kept).toEqual({ event: 'acknowledgement_sent', at: '2026-12-22T22:30:00.000Z' })
    expect(ack.explanation).toBe(
      'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec · Acknowledgement sent Tue 22 Dec 23:30, on time',
    )
  })

  it('is met late by an acknowledgement sent the next morning, even when it was recorded earlier in the timeline', () => {
    const ack = ackState(
      '2026-12-23T10:00:00+01:00',
      [
        milestone('acknowledgement_sent', '2026-12-23T09:00:00+01:00'),
        milestone('acknowledgement_sent', '2026-12-21T09:00:00+01:00'),
      ],
      'acknowledged',
    )
    // The earliest acknowledgement (Mon 21 Dec) keeps the promise, whatever the order of recording.
    expect(ack.state).toBe('met_on_time')
    expect(ack.kept?.at).toBe('2026-12-21T08:00:00.000Z')
    const late = ackState('2026-12-23T10:00:00+01:00', [milestone('acknowledgement_sent', '2026-12-23T09:00:00+01:00')], 'acknowledged')
    expect(late.state).toBe('met_late')
    expect(late.explanation).toMatch(/ · Acknowledgement sent Wed 23 Dec 09:00, late$/)
  })

  it('becomes not applicable when the case is closed before the promise was kept, while kept promises stay kept', () => {
    const closed = [statusChange('received', 'closed', '2026-12-21T10:00:00+01:00', { closingReason: 'spam' })]
    const deadlines = deadlinesOf(caseOf({ received, events: closed, status: 'closed' }), ikuuPolicy, at('2026-12-23T10:00:00+01:00'))
    expect(deadlines.map((d) => [d.ruleId, d.state])).toEqual([
      ['acknowledgement', 'not_applicable'],
      ['evaluation', 'not_applicable'],
      ['progress-reports', 'not_applicable'],
      ['publication', 'not_applicable'],
      ['credit', 'not_applicable'],
      ['reward', 'not_applicable'],
    ])
    expect(deadlineOf(deadlines, 'acknowledgement').explanation).toBe(
      'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec · case closed Mon 21 Dec: no longer due',
    )

    const keptThenClosed = [
      milestone('acknowledgement_sent', '2026-12-21T09:00:00+01:00'),
      statusChange('acknowledged', 'closed', '2026-12-21T10:00:00+01:00', { closingReason: 'duplicate', duplicateOf: 'case-0' }),
    ]
    const ack = deadlineOf(
      deadlinesOf(caseOf({ received, events: keptThenClosed, status: 'closed' }), ikuuPolicy, at('2026-12-23T10:00:00+01:00')),
      'acknowledgement',
    )
    expect(ack.state).toBe('met_on_time')
  })

  it('counts an evaluation sent with the acknowledgement, or before it was recorded, as kept on time', () => {
    const together = caseOf({
      received,
      status: 'evaluating',
      events: [milestone('acknowledgement_sent', '2026-12-21T09:00:00+01:00'), milestone('evaluation_sent', '2026-12-21T09:00:00+01:00')],
    })
    expect(deadlineOf(deadlinesOf(together, ikuuPolicy, at('2026-12-23T10:00:00+01:00')), 'evaluation').state).toBe('met_on_time')

    const withoutAck = caseOf({ received, status: 'evaluating', events: [milestone('evaluation_sent', '2026-12-21T09:00:00+01:00')] })
    const evaluation = deadlineOf(deadlinesOf(withoutAck, ikuuPolicy, at('2026-12-23T10:00:00+01:00')), 'evaluation')
    expect(evaluation.state).toBe('met_on_time')
    expect(evaluation.dueDate).toBeNull()
    expect(evaluation.explanation).toBe('Kept before Acknowledgement sent was recorded · Evaluation sent Mon 21 Dec 09:00, on time')
  })
})

describe('promises without a time limit', () => {
  const received = '2027-01-04T10:00:00+01:00' // Mon 4 Jan 2027
  const now = at('2027-02-10T12:00:00+01:00')

  it('stay open until kept, and are kept on time before the event they must precede', () => {
    const c = caseOf({ received, status: 'accepted', events: [milestone('credit_confirmed', '2027-02-01T10:00:00+01:00')] })
    const [, , credit, publication] = deadlinesOf(c, aimmsPolicy, now).map(inEnglish)
    expect(credit).toMatchObject({ state: 'met_on_time', dueDate: null, dueAt: null, kept: { event: 'credit_confirmed', at: '2027-02-01T09:00:00.000Z' } })
    expect(credit?.explanation).toBe('No time limit — before Published · Credit confirmed Mon 1 Feb 10:00, on time')
    expect(publication).toMatchObject({ state: 'open', dueDate: null, explanation: 'No time limit — before Published' })
  })

  it('are broken when that event comes first: overdue since it, and late if kept after', () => {
    const c = caseOf({
      received,
      status: 'published',
      events: [milestone('published', '2027-02-03T12:00:00+01:00'), milestone('credit_confirmed', '2027-02-04T10:00:00+01:00')],
    })
    const [, , credit, publication] = deadlinesOf(c, aimmsPolicy, now).map(inEnglish)
    expect(publication).toMatchObject({
      state: 'overdue',
      dueDate: '2027-02-03',
      dueAt: '2027-02-03T11:00:00.000Z',
      dueAtReporter: 'Wed 3 Feb 2027 06:00 (America/New_York)',
      explanation: 'No time limit — before Published · Published Wed 3 Feb 12:00 came first',
    })
    expect(credit).toMatchObject({
      state: 'met_late',
      explanation: 'No time limit — before Published · Published Wed 3 Feb 12:00 came first · Credit confirmed Thu 4 Feb 10:00, late',
    })
  })

  it('IKUU’s reward waits for the evaluation, then is open with no time limit', () => {
    const c = caseOf({
      received,
      status: 'evaluating',
      events: [milestone('acknowledgement_sent', '2027-01-04T11:00:00+01:00'), milestone('evaluation_sent', '2027-01-06T11:00:00+01:00')],
    })
    expect(deadlineOf(deadlinesOf(c, ikuuPolicy, now), 'reward')).toMatchObject({ state: 'open', explanation: 'No time limit' })
  })
})

describe('progress updates, a repeating promise', () => {
  const received = '2026-12-18T16:10:00+01:00'
  const evaluated = milestone('evaluation_sent', '2027-01-04T10:00:00+01:00') // Mon 4 Jan 2027
  const progress = (events: Record<string, unknown>[], now: string, status: CaseStatus = 'accepted') =>
    deadlinesOf(caseOf({ received, status, events: [evaluated, ...events] }), aimmsPolicy, at(now))
      .filter((d) => d.ruleId === 'progress-updates')
      .map(inEnglish)

  it('count the first update from the evaluation and the next from the update that kept it', () => {
    // #1 from Mon 4 Jan: Tue 5 (1), Wed 6, Thu 7, Fri 8 (4), Mon 11 … Fri 15 (9), Mon 18 (10) → due Mon 18 Jan.
    // Kept Fri 15 Jan. #2 from Fri 15: Mon 18 (1) … Fri 22 (5), Mon 25 (6) … Fri 29 (10) → due Fri 29 Jan.
    const list = progress([milestone('progress_update_sent', '2027-01-15T11:00:00+01:00')], '2027-01-20T12:00:00+01:00')
    expect(list.map((d) => [d.occurrence, d.state, d.dueDate, d.kept?.at])).toEqual([
      [1, 'met_on_time', '2027-01-18', '2027-01-15T10:00:00.000Z'],
      [2, 'upcoming', '2027-01-29', undefined],
    ])
    expect(list[1]?.explanation).toBe(
      'Progress update sent Fri 15 Jan 11:00 → 10 business days → skipped Sat–Sun 16–17 Jan, Sat–Sun 23–24 Jan → due Fri 29 Jan',
    )
  })

  it('count on from a late update, and end when the fix is released, which counts as the last update', () => {
    // #2 (due Fri 29 Jan) kept late Tue 2 Feb. #3 from Tue 2 Feb: Wed 3 (1) … Fri 12 (8), Mon 15 (9), Tue 16 (10) → Tue 16 Feb.
    // The fix released Wed 10 Feb ends the series and keeps #3 on time; no #4 follows.
    const events = [
      milestone('progress_update_sent', '2027-01-15T11:00:00+01:00'),
      milestone('progress_update_sent', '2027-02-02T11:00:00+01:00'),
      milestone('fix_released', '2027-02-10T09:00:00+01:00'),
      milestone('progress_update_sent', '2027-02-11T11:00:00+01:00'),
    ]
    const list = progress(events, '2027-03-01T12:00:00+01:00', 'resolved')
    expect(list.map((d) => [d.occurrence, d.state, d.dueDate])).toEqual([
      [1, 'met_on_time', '2027-01-18'],
      [2, 'met_late', '2027-01-29'],
      [3, 'met_on_time', '2027-02-16'],
    ])
    expect(list[2]?.explanation).toBe(
      'Progress update sent Tue 2 Feb 11:00 → 10 business days → skipped Sat–Sun 6–7 Feb, Sat–Sun 13–14 Feb → due Tue 16 Feb · Fix released Wed 10 Feb 09:00, on time',
    )
  })

  it('are kept late by a fix released after an update was due, and not due at all when the fix came before the evaluation', () => {
    // #1 due Mon 18 Jan; no update; fix released Wed 20 Jan ends the series, late.
    const late = progress([milestone('fix_released', '2027-01-20T09:00:00+01:00')], '2027-01-21T09:00:00+01:00', 'resolved')
    expect(late.map((d) => [d.occurrence, d.state, d.dueDate, d.kept?.at])).toEqual([[1, 'met_late', '2027-01-18', '2027-01-20T08:00:00.000Z']])

    const fixFirst = progress([milestone('fix_released', '2026-12-30T09:00:00+01:00')], '2027-01-21T09:00:00+01:00', 'resolved')
    expect(fixFirst.map((d) => [d.state, d.dueDate, d.explanation])).toEqual([
      ['not_applicable', null, 'Fix released Wed 30 Dec 09:00 came before Evaluation sent: nothing to report'],
    ])
  })

  it('are overdue when no update was sent in time, and not applicable once the case is closed', () => {
    expect(progress([], '2027-01-19T09:00:00+01:00').map((d) => [d.occurrence, d.state, d.dueDate])).toEqual([[1, 'overdue', '2027-01-18']])
    const closed = [statusChange('accepted', 'closed', '2027-01-19T09:00:00+01:00', { closingReason: 'withdrawn' })]
    expect(progress(closed, '2027-01-19T10:00:00+01:00', 'closed').map((d) => d.state)).toEqual(['not_applicable'])
  })
})

describe('waiting for the reporter (needs info) stops the clock', () => {
  const received = '2026-12-18T16:10:00+01:00' // IKUU acknowledgement due Tue 22 Dec without pauses

  it('moves the due date by the business days paused, from the day asked up to the day answered', () => {
    // Asked Mon 21 Dec 09:00, answered Wed 23 Dec 14:00: Mon 21 and Tue 22 paused, Wed 23 counts.
    // From Fri 18: [Sat 19, Sun 20, Mon 21 paused, Tue 22 paused], Wed 23 (1), Thu 24 (2) → due Thu 24 Dec.
    const events = [
      statusChange('received', 'needs_info', '2026-12-21T09:00:00+01:00'),
      statusChange('needs_info', 'acknowledged', '2026-12-23T14:00:00+01:00'),
      milestone('acknowledgement_sent', '2026-12-23T14:00:00+01:00'),
    ]
    const deadlines = deadlinesOf(caseOf({ received, events, status: 'acknowledged' }), ikuuPolicy, at('2026-12-23T15:00:00+01:00'))
    const ack = deadlineOf(deadlines, 'acknowledgement')
    expect(ack.state).toBe('met_on_time')
    expect(ack.dueDate).toBe('2026-12-24')
    expect(ack.skipped).toEqual([weekend('2026-12-19'), weekend('2026-12-20'), paused('2026-12-21'), paused('2026-12-22')])
    expect(ack.pauses).toEqual([{ first: '2026-12-21', last: '2026-12-22' }])
    expect(ack.explanation).toBe(
      'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec, Mon–Tue 21–22 Dec (waiting for reporter) → due Thu 24 Dec' +
        ' · Acknowledgement sent Wed 23 Dec 14:00, on time',
    )
    // A pause before the evaluation's anchor (Wed 23 Dec) does not move it: Thu 24 (1), [25–27], Mon 28 (2), Tue 29 (3).
    expect(deadlineOf(deadlines, 'evaluation').dueDate).toBe('2026-12-29')
  })

  it('while still waiting, is paused with the date that holds if the reporter answers today', () => {
    // Asked Mon 21 Dec 09:00, still waiting on Tue 22: Mon 21 paused. Tue 22 (1), Wed 23 (2) → due Wed 23 Dec.
    const events = [statusChange('received', 'needs_info', '2026-12-21T09:00:00+01:00')]
    const ack = deadlineOf(deadlinesOf(caseOf({ received, events, status: 'needs_info' }), ikuuPolicy, at('2026-12-22T12:00:00+01:00')), 'acknowledgement')
    expect(ack.state).toBe('paused')
    expect(ack.dueDate).toBe('2026-12-23')
    expect(ack.waitingSince).toBe('2026-12-21T08:00:00.000Z')
    expect(ack.explanation).toBe(
      'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec, Mon 21 Dec (waiting for reporter) → due Wed 23 Dec' +
        ' · waiting for the reporter since Mon 21 Dec: the clock stands still; this date holds if they answer today',
    )
  })

  it('does not rescue a deadline that was already overdue when the question was asked', () => {
    const events = [statusChange('received', 'needs_info', '2026-12-23T09:00:00+01:00')]
    const ack = deadlineOf(deadlinesOf(caseOf({ received, events, status: 'needs_info' }), ikuuPolicy, at('2026-12-24T12:00:00+01:00')), 'acknowledgement')
    expect([ack.state, ack.dueDate]).toEqual(['overdue', '2026-12-22'])
  })

  it('pauses nothing when the move to needs info was a mistake and was reverted', () => {
    // Moved to needs info Mon 21 Dec 09:00 by mistake, reverted Wed 23 Dec 10:00: no day paused, due Tue 22 Dec as before.
    const events = [
      { ...statusChange('received', 'needs_info', '2026-12-21T09:00:00+01:00'), id: 'mistake' },
      statusChange('needs_info', 'received', '2026-12-23T10:00:00+01:00', { reverts: 'mistake' }),
    ]
    const ack = deadlineOf(deadlinesOf(caseOf({ received, events }), ikuuPolicy, at('2026-12-23T11:00:00+01:00')), 'acknowledgement')
    expect([ack.state, ack.dueDate, ack.pauses]).toEqual(['overdue', '2026-12-22', []])
  })

  it('pauses nothing when the question is answered on the day it was asked', () => {
    const events = [
      statusChange('received', 'needs_info', '2026-12-21T09:00:00+01:00'),
      statusChange('needs_info', 'acknowledged', '2026-12-21T15:00:00+01:00'),
    ]
    const ack = deadlineOf(deadlinesOf(caseOf({ received, events, status: 'acknowledged' }), ikuuPolicy, at('2026-12-21T16:00:00+01:00')), 'acknowledgement')
    expect([ack.state, ack.dueDate, ack.skipped]).toEqual(['upcoming', '2026-12-22', [weekend('2026-12-19'), weekend('2026-12-20')]])
  })

  it('moves a deadline only by paused business days, not by paused holidays and weekends', () => {
    // Evaluation from the acknowledgement Tue 22 Dec 11:00. Asked Thu 24 Dec 10:00, answered Mon 28 Dec 10:00:
    // Thu 24 to Sun 27 paused, of which only Thu 24 would have counted. Wed 23 (1), [Thu 24 paused, Fri 25, Sat 26,
    // Sun 27], Mon 28 (2), Tue 29 (3) → due Tue 29 Dec, one day after the Mon 28 of an unpaused count.
    const events = [
      milestone('acknowledgement_sent', '2026-12-22T11:00:00+01:00'),
      statusChange('received', 'acknowledged', '2026-12-22T11:00:00+01:00'),
      statusChange('acknowledged', 'needs_info', '2026-12-24T10:00:00+01:00'),
      statusChange('needs_info', 'evaluating', '2026-12-28T10:00:00+01:00'),
    ]
    const evaluation = deadlineOf(deadlinesOf(caseOf({ received, events, status: 'evaluating' }), ikuuPolicy, at('2026-12-28T12:00:00+01:00')), 'evaluation')
    expect(evaluation.dueDate).toBe('2026-12-29')
    expect(evaluation.skipped).toEqual([
      paused('2026-12-24'),
      holiday('2026-12-25', 'Christmas Day', 'Kerstmis'),
      holiday('2026-12-26', 'Boxing Day', 'Tweede kerstdag'),
      weekend('2026-12-27'),
    ])
    expect(evaluation.explanation).toBe(
      'Acknowledgement sent Tue 22 Dec 11:00 → 3 business days → skipped Thu 24 Dec (waiting for reporter), Fri 25 Dec (Christmas Day), ' +
        'Sat 26 Dec (Boxing Day), Sun 27 Dec → due Tue 29 Dec',
    )
  })
})

describe('a report received after hours, with “after-hours reports count from the next business day” on', () => {
  const ack = (received: string, afterHoursCountsNextDay: boolean) =>
    deadlineOf(deadlinesOf(caseOf({ received, afterHoursCountsNextDay }), ikuuPolicy, at('2026-12-18T18:00:00+01:00')), 'acknowledgement')

  it('counts a report received Fri 18 Dec 17:30 from Mon 21 Dec: acknowledgement due Wed 23 Dec', () => {
    // Day 0 Mon 21; Tue 22 (1), Wed 23 (2).
    const late = ack('2026-12-18T17:30:00+01:00', true)
    expect(late.dueDate).toBe('2026-12-23')
    expect(late.explanation).toBe(
      'Received Fri 18 Dec 17:30 → after 17:00, counts from Mon 21 Dec → 2 business days → skipped Sat–Sun 19–20 Dec → due Wed 23 Dec',
    )
  })

  it('counts a report received at 16:10 or at 17:00 sharp from its own day, and any report so when the setting is off', () => {
    expect(ack('2026-12-18T16:10:00+01:00', true).dueDate).toBe('2026-12-22')
    expect(ack('2026-12-18T17:00:00+01:00', true).dueDate).toBe('2026-12-22')
    expect(ack('2026-12-18T17:30:00+01:00', false).dueDate).toBe('2026-12-22')
  })

  it('counts a report received on Saturday from Monday: due Wed 23 Dec, against Tue 22 Dec with the setting off', () => {
    // On: day 0 Mon 21; Tue 22 (1), Wed 23 (2). Off: from Sat 19: [Sun 20], Mon 21 (1), Tue 22 (2).
    const on = ack('2026-12-19T10:00:00+01:00', true)
    expect(on.explanation).toBe(
      'Received Sat 19 Dec 10:00 → not a business day, counts from Mon 21 Dec → 2 business days → skipped Sun 20 Dec → due Wed 23 Dec',
    )
    expect(ack('2026-12-19T10:00:00+01:00', false).dueDate).toBe('2026-12-22')
  })

  it('counts a report received Christmas Eve 18:00 from Mon 28 Dec: due Wed 30 Dec', () => {
    // Next business day after Thu 24: [Fri 25, Sat 26, Sun 27] Mon 28 is day 0; Tue 29 (1), Wed 30 (2).
    expect(ack('2026-12-24T18:00:00+01:00', true).dueDate).toBe('2026-12-30')
  })
})

describe('zones: the team’s calendar day, the reporter’s clock', () => {
  it('counts from the date in the team’s zone: Thu 17 Dec 20:00 in New York is Fri 18 Dec 02:00 in Amsterdam', () => {
    // From Fri 18: Mon 21 (1), Tue 22 (2). Counting from New York's Thu 17 would give Mon 21.
    const ack = deadlineOf(
      deadlinesOf(caseOf({ received: '2026-12-17T20:00:00-05:00' }), ikuuPolicy, at('2026-12-18T09:00:00+01:00')),
      'acknowledgement',
    )
    expect(ack.dueDate).toBe('2026-12-22')
    expect(ack.dueAtReporter).toBe('Tue 22 Dec 2026 17:59 (America/New_York)')
    expect(ack.explanation).toBe('Received Fri 18 Dec 02:00 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec')
  })

  it('uses the country’s zone when the calendar names none', () => {
    const c = caseOf({ received: '2026-12-17T20:00:00-05:00', spec: { timeZone: undefined } })
    expect(c.calendar.spec.timeZone).toBeUndefined()
    expect(deadlineOf(deadlinesOf(c, ikuuPolicy, at('2026-12-18T09:00:00+01:00')), 'acknowledgement').dueAt).toBe('2026-12-22T22:59:59.999Z')
  })

  it('writes the due moment for a reporter in Tokyo on their next morning', () => {
    const c = caseOf({ received: '2026-12-18T16:10:00+01:00', reporterZone: 'Asia/Tokyo' })
    // 23:59 Tue 22 Dec Amsterdam (22:59 UTC) is 07:59 Wed 23 Dec in Tokyo (+09:00).
    expect(deadlineOf(deadlinesOf(c, ikuuPolicy, at('2026-12-18T17:00:00+01:00')), 'acknowledgement').dueAtReporter).toBe(
      'Wed 23 Dec 2026 07:59 (Asia/Tokyo)',
    )
  })

  it('refuses a pinned calendar that can no longer be used, naming the case and saying what to do', () => {
    const received = '2026-12-18T16:10:00+01:00'
    const now = at('2026-12-18T17:00:00+01:00')
    expect(() => deadlinesOf(caseOf({ received, spec: { country: 'XX' } }), ikuuPolicy, now)).toThrow(
      "The deadlines of case VD-2026-001 cannot be counted: the calendar it was pinned to is not usable. There is no holiday data for country 'XX'.",
    )
    expect(() => deadlinesOf(caseOf({ received, spec: { timeZone: 'Europe/Atlantis' } }), ikuuPolicy, now)).toThrow(
      "The deadlines of case VD-2026-001 cannot be counted: the calendar it was pinned to names the time zone 'Europe/Atlantis', " +
        'which this computer does not know. Re-pin the case to the current calendar settings.',
    )
  })

  it('refuses a reporter zone this computer does not know, naming the case and saying what to do', () => {
    const c = caseOf({ received: '2026-12-18T16:10:00+01:00', reporterZone: 'Mars/Olympus_Mons' })
    expect(() => deadlinesOf(c, ikuuPolicy, at('2026-12-18T17:00:00+01:00'))).toThrow(
      "The deadlines of case VD-2026-001 cannot be counted: the reporter's time zone 'Mars/Olympus_Mons' is not one this computer knows. " +
        'Edit the case and choose a zone such as Europe/Amsterdam.',
    )
  })
})

describe('daylight saving time in Amsterdam', () => {
  // A copy of IKUU read with calendar days that stay on a day off, so that a deadline can fall on the Sunday the clocks change.
  const calendarDays = copyPolicy(ikuuPolicy, 'ikuu-days', 'IKUU, calendar days')
  Object.assign(calendarDays.rules.find((r) => r.id === 'evaluation')!, { unit: 'calendar_days', onDayOff: 'stays' })
  const evaluationAfterAck = (ackSent: string, now: string) =>
    deadlineOf(
      deadlinesOf(caseOf({ received: ackSent, status: 'acknowledged', events: [milestone('acknowledgement_sent', ackSent)] }), calendarDays, at(now)),
      'evaluation',
    )

  it('a deadline on Sun 25 Oct 2026, the 25-hour day, ends at 23:59:59.999 winter time', () => {
    // Thu 22 Oct + 3 calendar days = Sun 25 Oct; clocks went back at 03:00 that morning: +01:00.
    const evaluation = evaluationAfterAck('2026-10-22T10:00:00+02:00', '2026-10-25T23:30:00+01:00')
    expect(evaluation.dueDate).toBe('2026-10-25')
    expect(evaluation.dueAt).toBe('2026-10-25T22:59:59.999Z')
    // 23:30 winter time is before the end of the day, though past it in summer time.
    expect(evaluation.state).toBe('due_today')
  })

  it('a deadline on Sun 28 Mar 2027, the 23-hour day, ends at 23:59:59.999 summer time', () => {
    // Thu 25 Mar + 3 calendar days = Sun 28 Mar; clocks went forward at 02:00: +02:00.
    const evaluation = evaluationAfterAck('2027-03-25T10:00:00+01:00', '2027-03-28T23:30:00+02:00')
    expect(evaluation.dueAt).toBe('2027-03-28T21:59:59.999Z')
    expect(evaluation.state).toBe('due_today')
    expect(evaluationAfterAck('2027-03-25T10:00:00+01:00', '2027-03-29T00:00:00+02:00').state).toBe('overdue')
  })

  it('a business-day deadline counted across the October change ends in winter time', () => {
    // IKUU acknowledgement of Fri 23 Oct 2026 10:00 (+02:00): Mon 26 (1), Tue 27 (2); Tue 27 ends 23:59:59.999 +01:00.
    const ack = deadlineOf(deadlinesOf(caseOf({ received: '2026-10-23T10:00:00+02:00' }), ikuuPolicy, at('2026-10-23T12:00:00+02:00')), 'acknowledgement')
    expect([ack.dueDate, ack.dueAt, ack.dueAtReporter]).toEqual([
      '2026-10-27',
      '2026-10-27T22:59:59.999Z',
      // New York is still on summer time until 1 Nov: 22:59 UTC is 18:59 there.
      'Tue 27 Oct 2026 18:59 (America/New_York)',
    ])
  })
})
