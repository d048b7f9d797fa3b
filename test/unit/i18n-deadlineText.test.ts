import { describe, expect, it } from 'vitest'
import { Case } from '../../src/cases/case'
import { Deadline, deadlinesOf } from '../../src/deadlines'
import { deadlineText, dueSoonText, formatDay, formatDayTime, formatForZone, skippedText, undatedText } from '../../src/i18n'
import { ikuuPolicy } from '../../src/policies/presets'

// Team: Netherlands, Europe/Amsterdam. Reporter: New York. Dates in winter time (+01:00) unless said otherwise.

/** A deadline as deadlinesOf makes it: IKUU's acknowledgement of a report received Fri 18 Dec 2026 16:10. */
function sketch(overrides: Partial<Deadline> = {}): Deadline {
  return Deadline.parse({
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
    dueAt: '2026-12-22T22:59:59.999Z',
    skipped: [
      { date: '2026-12-19', reason: 'weekend' },
      { date: '2026-12-20', reason: 'weekend' },
    ],
    pauses: [],
    teamZone: 'Europe/Amsterdam',
    reporterZone: 'America/New_York',
    quote: 'Our Information Desk will confirm receipt within two business days.',
    reading: '',
    ...overrides,
  })
}

const both = (d: Deadline) => [deadlineText(d, 'en').explanation, deadlineText(d, 'nl').explanation]

describe('days and times in English and Dutch', () => {
  it('writes a day with its weekday and short month, the year when asked', () => {
    expect([formatDay('2026-12-22', 'en'), formatDay('2026-12-22', 'nl')]).toEqual(['Tue 22 Dec', 'di 22 dec'])
    expect([formatDay('2027-03-01', 'en', true), formatDay('2027-03-01', 'nl', true)]).toEqual(['Mon 1 Mar 2027', 'ma 1 mrt 2027'])
    // Sun 31 May, Sat 17 Oct: 'mei' and 'okt' are Dutch, not the English abbreviations.
    expect([formatDay('2026-05-31', 'nl'), formatDay('2026-10-17', 'nl')]).toEqual(['zo 31 mei', 'za 17 okt'])
  })

  it('writes an instant on the zone’s wall clock, twice the same 02:30 on the morning the clocks go back', () => {
    // 00:30 UTC is 02:30 summer time; an hour later, 01:30 UTC is 02:30 winter time. Then 03:00 UTC is 04:00.
    const instants = ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T03:00:00Z']
    expect(instants.map((iso) => formatDayTime(iso, 'Europe/Amsterdam', 'en'))).toEqual(['Sun 25 Oct 02:30', 'Sun 25 Oct 02:30', 'Sun 25 Oct 04:00'])
    expect(instants.map((iso) => formatDayTime(Date.parse(iso), 'Europe/Amsterdam', 'nl'))).toEqual(['zo 25 okt 02:30', 'zo 25 okt 02:30', 'zo 25 okt 04:00'])
  })

  it('writes a moment for someone in another zone, naming the zone; midnight is 00:00', () => {
    const instant = '2026-12-22T22:59:59.999Z'
    expect(formatForZone(instant, 'America/New_York', 'en')).toBe('Tue 22 Dec 2026 17:59 (America/New_York)')
    expect(formatForZone(instant, 'Asia/Tokyo', 'nl')).toBe('wo 23 dec 2026 07:59 (Asia/Tokyo)')
    expect(formatForZone('2026-09-01T22:00:00Z', 'Europe/Amsterdam', 'en')).toBe('Wed 2 Sep 2026 00:00 (Europe/Amsterdam)')
  })
})

describe('skipped days', () => {
  const christmas = [
    { date: '2026-12-19', reason: 'weekend' },
    { date: '2026-12-20', reason: 'weekend' },
    { date: '2026-12-25', reason: 'holiday', name: 'Christmas Day', dutchName: 'Kerstmis' },
    { date: '2026-12-26', reason: 'holiday', name: 'Boxing Day', dutchName: 'Tweede kerstdag' },
    { date: '2026-12-27', reason: 'weekend' },
  ] as const

  it('join a weekend into one span and name each holiday in the text’s language', () => {
    expect(skippedText(christmas, 'en')).toBe('Sat–Sun 19–20 Dec, Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day), Sun 27 Dec')
    expect(skippedText(christmas, 'nl')).toBe('za–zo 19–20 dec, vr 25 dec (Kerstmis), za 26 dec (Tweede kerstdag), zo 27 dec')
  })

  it('name a holiday by the calendar’s English name in Dutch when it has no Dutch one', () => {
    expect(skippedText([{ date: '2026-01-19', reason: 'holiday', name: 'Martin Luther King Jr. Day' }], 'nl')).toBe(
      'ma 19 jan (Martin Luther King Jr. Day)',
    )
  })

  it('write both months of a span across a month end, and both years across a year end', () => {
    const monthEnd = [
      { date: '2026-01-31', reason: 'weekend' },
      { date: '2026-02-01', reason: 'weekend' },
    ] as const
    expect([skippedText(monthEnd, 'en'), skippedText(monthEnd, 'nl')]).toEqual(['Sat–Sun 31 Jan–1 Feb', 'za–zo 31 jan–1 feb'])
    const closedOverNewYear = [
      { date: '2026-12-31', reason: 'closure' },
      { date: '2027-01-01', reason: 'closure' },
    ] as const
    expect(skippedText(closedOverNewYear, 'en')).toBe('Thu–Fri 31 Dec–1 Jan (closure)')
  })

  it('join paused days and closures into spans, but not days that are not consecutive', () => {
    const days = [
      { date: '2026-12-21', reason: 'paused' },
      { date: '2026-12-22', reason: 'paused' },
      { date: '2026-12-24', reason: 'paused' },
      { date: '2026-12-28', reason: 'closure' },
      { date: '2026-12-29', reason: 'closure' },
      { date: '2026-12-30', reason: 'closure', name: 'Inventory' },
    ] as const
    expect(skippedText(days, 'en')).toBe(
      'Mon–Tue 21–22 Dec (waiting for reporter), Thu 24 Dec (waiting for reporter), Mon–Tue 28–29 Dec (closure), Wed 30 Dec (Inventory)',
    )
    expect(skippedText(days, 'nl')).toBe(
      'ma–di 21–22 dec (wachten op melder), do 24 dec (wachten op melder), ma–di 28–29 dec (sluiting), wo 30 dec (Inventory)',
    )
  })

  it('say nothing when nothing was skipped', () => {
    expect([skippedText([], 'en'), skippedText([], 'nl')]).toEqual(['', ''])
  })
})

describe('a deadline in words', () => {
  it('counted from the report, as deadlinesOf gives it for Fri 18 Dec 16:10', () => {
    const c = Case.parse({
      id: 'case-1',
      key: 'VD-2026-001',
      title: 'Stored XSS in the customer portal',
      reporter: { name: 'Ada Reporter', email: 'ada@example.org', language: 'nl' },
      received: { at: '2026-12-18T16:10:00+01:00', timeZone: 'America/New_York' },
      status: 'received',
      credit: {},
      reward: {},
      policyId: 'ikuu',
      calendar: { spec: { country: 'NL', timeZone: 'Europe/Amsterdam' }, endOfWorkingDay: '17:00', afterHoursCountsNextDay: false },
      timeline: [],
      revision: 1,
      createdAt: '2026-12-18T16:10:00+01:00',
      updatedAt: '2026-12-18T16:10:00+01:00',
    })
    const [ack] = deadlinesOf(c, ikuuPolicy, new Date('2026-12-21T09:00:00+01:00'))
    expect(deadlineText(ack!, 'en')).toEqual({
      label: 'Acknowledge receipt',
      explanation: 'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec',
      dueAtReporter: 'Tue 22 Dec 2026 17:59 (America/New_York)',
      slipped: false,
      stateLabel: 'Upcoming',
    })
    expect(deadlineText(ack!, c.reporter.language)).toEqual({
      label: 'Ontvangst bevestigen',
      explanation: 'Ontvangen vr 18 dec 16:10 → 2 werkdagen → overgeslagen za–zo 19–20 dec → uiterlijk di 22 dec',
      dueAtReporter: 'di 22 dec 2026 17:59 (America/New_York)',
      slipped: false,
      stateLabel: 'Gepland',
    })
  })

  it('kept on time or late, by the event that kept it', () => {
    const onTime = sketch({ state: 'met_on_time', kept: { event: 'acknowledgement_sent', at: '2026-12-22T22:30:00.000Z' } })
    expect(both(onTime).map((text) => text.split(' · ')[1])).toEqual([
      'Acknowledgement sent Tue 22 Dec 23:30, on time',
      'Ontvangstbevestiging verstuurd di 22 dec 23:30, op tijd',
    ])
    const late = sketch({ state: 'met_late', kept: { event: 'acknowledgement_sent', at: '2026-12-23T08:00:00.000Z' } })
    expect(both(late).map((text) => text.split(' · ')[1])).toEqual([
      'Acknowledgement sent Wed 23 Dec 09:00, late',
      'Ontvangstbevestiging verstuurd wo 23 dec 09:00, te laat',
    ])
  })

  it('no longer due once the case was closed', () => {
    const closed = sketch({ state: 'not_applicable', closed: { at: '2026-12-21T09:00:00.000Z' } })
    expect(both(closed)).toEqual([
      'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec → due Tue 22 Dec · case closed Mon 21 Dec: no longer due',
      'Ontvangen vr 18 dec 16:10 → 2 werkdagen → overgeslagen za–zo 19–20 dec → uiterlijk di 22 dec · zaak gesloten op ma 21 dec: vervalt',
    ])
  })

  it('standing still while the case waits for the reporter', () => {
    const paused = sketch({
      state: 'paused',
      dueDate: '2026-12-23',
      dueAt: '2026-12-23T22:59:59.999Z',
      skipped: [
        { date: '2026-12-19', reason: 'weekend' },
        { date: '2026-12-20', reason: 'weekend' },
        { date: '2026-12-21', reason: 'paused' },
      ],
      pauses: [{ first: '2026-12-21', last: '2026-12-21' }],
      waitingSince: '2026-12-21T08:00:00.000Z',
    })
    expect(both(paused)).toEqual([
      'Received Fri 18 Dec 16:10 → 2 business days → skipped Sat–Sun 19–20 Dec, Mon 21 Dec (waiting for reporter) → due Wed 23 Dec' +
        ' · waiting for the reporter since Mon 21 Dec: the clock stands still; this date holds if they answer today',
      'Ontvangen vr 18 dec 16:10 → 2 werkdagen → overgeslagen za–zo 19–20 dec, ma 21 dec (wachten op melder) → uiterlijk wo 23 dec' +
        ' · wacht sinds ma 21 dec op de melder: de klok staat stil; deze datum geldt als de melder vandaag antwoordt',
    ])
  })

  it('counted from the next business day for a report received after hours or on a Saturday', () => {
    const afterHours = sketch({
      anchorAt: '2026-12-18T16:30:00.000Z',
      countStart: { reason: 'after_hours', date: '2026-12-21', endOfWorkingDay: '17:00' },
      dueDate: '2026-12-23',
      dueAt: '2026-12-23T22:59:59.999Z',
    })
    expect(both(afterHours)).toEqual([
      'Received Fri 18 Dec 17:30 → after 17:00, counts from Mon 21 Dec → 2 business days → skipped Sat–Sun 19–20 Dec → due Wed 23 Dec',
      'Ontvangen vr 18 dec 17:30 → na 17:00, telt vanaf ma 21 dec → 2 werkdagen → overgeslagen za–zo 19–20 dec → uiterlijk wo 23 dec',
    ])
    const saturday = sketch({
      anchorAt: '2026-12-19T09:00:00.000Z',
      countStart: { reason: 'not_business_day', date: '2026-12-21' },
      dueDate: '2026-12-23',
      skipped: [{ date: '2026-12-20', reason: 'weekend' }],
    })
    expect(both(saturday)).toEqual([
      'Received Sat 19 Dec 10:00 → not a business day, counts from Mon 21 Dec → 2 business days → skipped Sun 20 Dec → due Wed 23 Dec',
      'Ontvangen za 19 dec 10:00 → geen werkdag, telt vanaf ma 21 dec → 2 werkdagen → overgeslagen zo 20 dec → uiterlijk wo 23 dec',
    ])
  })

  it('waiting for the event it counts from', () => {
    const waiting = sketch({ ruleId: 'evaluation', due: 'evaluation', state: 'waiting', from: 'acknowledgement_sent', anchorAt: null, amount: 3, dueDate: null, dueAt: null, skipped: [] })
    expect(both(waiting)).toEqual(['Waits for Acknowledgement sent → then 3 business days', 'Wacht op de ontvangstbevestiging → dan 3 werkdagen'])
    expect([deadlineText(waiting, 'en').dueAtReporter, deadlineText(waiting, 'nl').label]).toEqual([null, 'Beoordeling sturen'])
    const oneCalendarDay = { ...waiting, amount: 1, unit: 'calendar_days' as const }
    expect(both(oneCalendarDay)).toEqual(['Waits for Acknowledgement sent → then 1 calendar day', 'Wacht op de ontvangstbevestiging → dan 1 kalenderdag'])
  })

  it('kept before the event it counts from was recorded', () => {
    const keptEarly = sketch({
      ruleId: 'evaluation',
      due: 'evaluation',
      state: 'met_on_time',
      from: 'acknowledgement_sent',
      anchorAt: null,
      amount: 3,
      dueDate: null,
      dueAt: null,
      skipped: [],
      kept: { event: 'evaluation_sent', at: '2026-12-21T08:00:00.000Z' },
    })
    expect(both(keptEarly)).toEqual([
      'Kept before Acknowledgement sent was recorded · Evaluation sent Mon 21 Dec 09:00, on time',
      'Nagekomen voordat de ontvangstbevestiging was vastgelegd · Beoordeling verstuurd ma 21 dec 09:00, op tijd',
    ])
  })

  it('without a time limit, open or broken by the event it had to precede', () => {
    const noLimit = { ruleId: 'credit', due: 'credit_confirmation' as const, amount: null, dueDate: null, dueAt: null, skipped: [] }
    const open = sketch({ ...noLimit, state: 'open', before: { event: 'published', at: null } })
    expect(both(open)).toEqual(['No time limit — before Published', 'Geen termijn — vóór de publicatie'])
    const broken = sketch({
      ...noLimit,
      state: 'met_late',
      dueDate: '2027-02-03',
      dueAt: '2027-02-03T11:00:00.000Z',
      before: { event: 'published', at: '2027-02-03T11:00:00.000Z' },
      kept: { event: 'credit_confirmed', at: '2027-02-04T09:00:00.000Z' },
    })
    expect(both(broken)).toEqual([
      'No time limit — before Published · Published Wed 3 Feb 12:00 came first · Credit confirmed Thu 4 Feb 10:00, late',
      'Geen termijn — vóór de publicatie · Gepubliceerd wo 3 feb 12:00 kwam eerst · Vermelding bevestigd do 4 feb 10:00, te laat',
    ])
    expect(deadlineText(broken, 'nl').dueAtReporter).toBe('wo 3 feb 2027 06:00 (America/New_York)')
    const reward = sketch({ ...noLimit, ruleId: 'reward', due: 'reward_decision', state: 'open', from: 'evaluation_sent' })
    expect(both(reward)).toEqual(['No time limit', 'Geen termijn'])
    const rewardWaiting = { ...reward, state: 'waiting' as const, anchorAt: null }
    expect(both(rewardWaiting)).toEqual(['Waits for Evaluation sent → then no time limit', 'Wacht op de beoordeling → dan geen termijn'])
  })

  it('with nothing to report when a repeating promise ended before it began', () => {
    const ended = sketch({
      ruleId: 'progress-reports',
      due: 'progress_update',
      state: 'not_applicable',
      from: 'evaluation_sent',
      anchorAt: '2027-01-04T09:00:00.000Z',
      amount: 10,
      dueDate: null,
      dueAt: null,
      skipped: [],
      endedBy: { event: 'fix_released', at: '2026-12-30T08:00:00.000Z' },
    })
    expect(both(ended)).toEqual([
      'Fix released Wed 30 Dec 09:00 came before Evaluation sent: nothing to report',
      'Oplossing uitgebracht wo 30 dec 09:00, vóór de beoordeling: niets te melden',
    ])
  })
})

describe('the next deadline of a case in the list', () => {
  const today = '2026-12-18'

  it('says how soon it is due, in days, or since when it is overdue', () => {
    const texts = (lang: 'en' | 'nl') => [
      dueSoonText({ state: 'overdue', dueDate: '2026-11-23' }, today, lang),
      dueSoonText({ state: 'overdue', dueDate: '2025-11-24' }, today, lang),
      dueSoonText({ state: 'due_today', dueDate: today }, today, lang),
      dueSoonText({ state: 'upcoming', dueDate: '2026-12-19' }, today, lang),
      dueSoonText({ state: 'upcoming', dueDate: '2026-12-22' }, today, lang),
      dueSoonText({ state: 'paused', dueDate: '2026-12-22' }, today, lang),
    ]
    expect(texts('en')).toEqual(['Overdue · Mon 23 Nov', 'Overdue · Mon 24 Nov 2025', 'Due today', 'Tomorrow', 'In 4 days', 'Paused'])
    expect(texts('nl')).toEqual(['Te laat · ma 23 nov', 'Te laat · ma 24 nov 2025', 'Uiterlijk vandaag', 'Morgen', 'Over 4 dagen', 'Gepauzeerd'])
  })

  it('says why a deadline has no date', () => {
    const states = ['waiting', 'not_applicable', 'open'] as const
    expect(states.map((s) => undatedText(s, 'en'))).toEqual(['Not counting yet', 'No longer due', 'No time limit'])
    expect(states.map((s) => undatedText(s, 'nl'))).toEqual(['Telt nog niet', 'Vervallen', 'Geen termijn'])
  })
})
