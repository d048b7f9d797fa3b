import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { toIcs } from '../../src/export/ics'
import { icsEvents, isExported, type IcsItem } from '../../src/export/icsEvents'
import { IcsLedger, icsSaid } from '../../src/export/icsLedger'
import { endOfDay } from '../../src/time'

const teamZone = 'Europe/Amsterdam'
const today = '2026-12-01'
const hostileTitle = 'Zyxwv RCE, in "login"; <script>\nalert(1) \\ 🎉'
const hostileReporter = 'Qwerty Ëvil, hacker'

const deadline = (over: Partial<IcsItem> & Pick<IcsItem, 'uid' | 'date' | 'state'>): IcsItem => ({
  caseId: over.uid.split('/')[0]!,
  kind: 'evaluation',
  ruleId: over.uid.split('/')[1]!,
  occurrence: 1,
  at: endOfDay(over.date, over.zone ?? teamZone),
  zone: teamZone,
  key: 'VD-2026-007',
  title: hostileTitle,
  reporterName: hostileReporter,
  ...over,
})

const overdue = deadline({ uid: 'c7/evaluation/1', date: '2026-11-30', state: 'overdue' })
const met = deadline({ uid: 'c7/acknowledgement/1', kind: 'acknowledgement', date: '2026-11-20', state: 'met_on_time' })
const metLate = deadline({ uid: 'c7/acknowledgement/2', kind: 'acknowledgement', date: '2026-11-21', state: 'met_late' })
const paused = deadline({ uid: 'c8/progress/1', kind: 'progress_update', date: '2026-12-10', state: 'paused', key: 'VD-2026-008' })
const dueToday = deadline({ uid: 'c9/evaluation/1', date: today, state: 'due_today', key: 'VD-2026-009' })
// Counted on an older calendar in Kolkata: its end of day is 19:29 in Amsterdam, the same day.
const kolkata = deadline({ uid: 'c10/evaluation/1', date: '2027-01-14', zone: 'Asia/Kolkata', state: 'upcoming', key: 'VD-2026-010' })
// Proposed on the reporter's clock at 23:30 in New York: 05:30 the next morning in Amsterdam.
const publication: IcsItem = {
  uid: 'c11/publication',
  caseId: 'c11',
  kind: 'publication',
  ruleId: null,
  occurrence: 1,
  state: 'upcoming',
  date: '2027-01-14',
  at: '2027-01-15T04:30:00.000Z',
  zone: 'America/New_York',
  key: 'VD-2026-011',
  title: hostileTitle,
  reporterName: hostileReporter,
}
const slipped = deadline({ uid: 'c12/resolution/1', kind: 'resolution', date: '2026-11-27', state: 'overdue', key: 'VD-2026-012' })

const items = [kolkata, met, publication, overdue, metLate, paused, dueToday, slipped]
const stamp = new Date('2026-12-01T09:30:00Z')

function parseBack(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => ({
    // The entry's uid, without the domain part toIcs writes after it (ics.test.ts holds the UID as written).
    uid: String(v.getFirstPropertyValue('uid')).replace(/@disclosure-desk$/, ''),
    date: String(v.getFirstPropertyValue('dtstart')),
    summary: v.getFirstPropertyValue('summary'),
    description: v.getFirstPropertyValue('description'),
    sequence: v.getFirstPropertyValue('sequence'),
    status: v.getFirstPropertyValue('status'),
  }))
}

describe('icsEvents', () => {
  it('exports the open entries and planned publications on the team day, in day order, leaving kept promises out', () => {
    const { events } = icsEvents(items, { details: false, teamZone, today, ledger: {} })
    expect(events.map((e) => [e.uid, e.date])).toEqual([
      ['c12/resolution/1', '2026-11-27'],
      ['c7/evaluation/1', '2026-11-30'],
      ['c9/evaluation/1', '2026-12-01'],
      ['c8/progress/1', '2026-12-10'],
      ['c10/evaluation/1', '2027-01-14'],
      ['c11/publication', '2027-01-15'],
    ])
  })

  it('counts as exported exactly the states the file holds, as the export dialog counts them', () => {
    const states = ['waiting', 'open', 'upcoming', 'due_today', 'overdue', 'paused', 'met_on_time', 'met_late', 'not_applicable'] as const
    expect(states.filter((state) => isExported({ state }))).toEqual(['upcoming', 'due_today', 'overdue', 'paused'])
    const { events } = icsEvents(items, { details: false, teamZone, today, ledger: {} })
    expect(events).toHaveLength(items.filter(isExported).length)
  })

  it('says without details only the key, what is due, the date and the state', () => {
    const { events } = icsEvents(items, { details: false, teamZone, today, ledger: {} })
    const byUid = new Map(events.map((e) => [e.uid, e]))
    expect(byUid.get('c7/evaluation/1')).toEqual({
      uid: 'c7/evaluation/1',
      date: '2026-11-30',
      summary: 'VD-2026-007: evaluation due',
      description: 'VD-2026-007 · Evaluation\nDue Mon 30 Nov 2026, by the end of the day.\nState when exported on Tue 1 Dec 2026: Overdue.',
      sequence: 0,
    })
    expect(byUid.get('c8/progress/1')!.description).toBe(
      'VD-2026-008 · Progress update\nDue Thu 10 Dec 2026, by the end of the day.\n' +
        'The case waits for the reporter: its clock is paused, and this date moves when the case resumes.',
    )
    expect(byUid.get('c10/evaluation/1')!.description).toBe(
      'VD-2026-010 · Evaluation\nDue by end of day in Asia/Kolkata: Thu 14 Jan 2027.\n' +
        "On the team's clock: Thu 14 Jan 2027 19:29 (Europe/Amsterdam).\nState when exported on Tue 1 Dec 2026: Upcoming.",
    )
    expect(byUid.get('c11/publication')).toMatchObject({
      summary: 'VD-2026-011: publication',
      description:
        'VD-2026-011 · Publication\nPublication planned for Thu 14 Jan 2027 23:30 (America/New_York).\n' +
        "On the team's clock: Fri 15 Jan 2027 05:30 (Europe/Amsterdam).\nState when exported on Tue 1 Dec 2026: Upcoming.",
    })
    expect(byUid.get('c12/resolution/1')!.description).toBe(
      'VD-2026-012 · Expected resolution\nDue Fri 27 Nov 2026, by the end of the day.\nState when exported on Tue 1 Dec 2026: Slipped.',
    )
  })

  it('leaves case titles and reporter names out of the file without details', () => {
    const text = toIcs(icsEvents(items, { details: false, teamZone, today, ledger: {} }).events, { stamp })
    // Unfolded, so a title split over two lines would still be found.
    const unfolded = text.replace(/\r\n[ \t]/g, '')
    for (const secret of ['Zyxwv', 'RCE', 'login', 'alert', 'Qwerty', 'Ëvil', 'hacker']) expect(unfolded).not.toContain(secret)
    for (const e of parseBack(text)) {
      expect(e.summary).not.toContain('Zyxwv')
      expect(e.description).not.toContain('Qwerty')
    }
  })

  it('puts the title in the summary on one line and title and reporter in the description with details, intact after a round trip', () => {
    const text = toIcs(icsEvents([overdue], { details: true, teamZone, today, ledger: {} }).events, { stamp })
    expect(parseBack(text)).toEqual([
      {
        uid: 'c7/evaluation/1',
        date: '2026-11-30',
        summary: 'VD-2026-007: evaluation due — Zyxwv RCE, in "login"; <script> alert(1) \\ 🎉',
        description:
          'VD-2026-007 · Evaluation\nDue Mon 30 Nov 2026, by the end of the day.\nState when exported on Tue 1 Dec 2026: Overdue.\n\n' +
          `Case: ${hostileTitle}\nReporter: ${hostileReporter}`,
        sequence: 0,
        status: 'CONFIRMED',
      },
    ])
  })

  it('writes the description in Dutch when asked', () => {
    const { events } = icsEvents([overdue], { details: false, teamZone, today, ledger: {}, lang: 'nl' })
    expect(events[0]).toMatchObject({
      summary: 'VD-2026-007: beoordeling uiterlijk',
      description: 'VD-2026-007 · Beoordeling\nUiterlijk ma 30 nov 2026, einde van de dag.\nStand bij de export op di 1 dec 2026: Te laat.',
    })
  })

  describe('SEQUENCE', () => {
    // What a private file's event told of its case: its summary.
    const said = (summary: string) => icsSaid([summary])

    it('starts at 0 and the ledger records each exported date and what the event told', () => {
      const { events, ledger } = icsEvents([overdue, paused], { details: false, teamZone, today, ledger: {} })
      expect(events.map((e) => e.sequence)).toEqual([0, 0])
      expect(ledger).toEqual({
        'c7/evaluation/1': { date: '2026-11-30', sequence: 0, said: said('VD-2026-007: evaluation due'), key: 'VD-2026-007', kind: 'evaluation' },
        'c8/progress/1': { date: '2026-12-10', sequence: 0, said: said('VD-2026-008: progress update due'), key: 'VD-2026-008', kind: 'progress_update' },
      })
    })

    it('stays while the date stands and goes up by one when it moved', () => {
      const ledger: IcsLedger = {
        'c7/evaluation/1': { date: '2026-11-30', sequence: 3, said: said('VD-2026-007: evaluation due') },
        'c8/progress/1': { date: '2026-12-08', sequence: 1, said: said('VD-2026-008: progress update due') },
      }
      const first = icsEvents([overdue, paused], { details: false, teamZone, today, ledger })
      expect(first.events.map((e) => [e.uid, e.sequence])).toEqual([
        ['c7/evaluation/1', 3],
        ['c8/progress/1', 2],
      ])
      expect(first.ledger['c8/progress/1']).toMatchObject({ date: '2026-12-10', sequence: 2 })
      // Exported again with the ledger saved after the first file, the next day too: nothing moved, nothing goes up.
      const again = icsEvents([overdue, paused], { details: false, teamZone, today: '2026-12-02', ledger: first.ledger })
      expect(again.events.map((e) => e.sequence)).toEqual([3, 2])
      expect(again.ledger).toEqual(first.ledger)
    })

    it('goes up when an export with titles is followed by one without, so calendars drop the titled copy, and stays on the same export', () => {
      const titled = icsEvents([overdue, paused], { details: true, teamZone, today, ledger: {} })
      const privately = icsEvents([overdue, paused], { details: false, teamZone, today, ledger: titled.ledger })
      expect(privately.events.map((e) => e.sequence)).toEqual([1, 1])
      const text = toIcs(privately.events, { stamp }).replace(/\r\n[ \t]/g, '')
      for (const secret of ['Zyxwv', 'Qwerty']) expect(text).not.toContain(secret)
      expect(parseBack(toIcs(privately.events, { stamp })).map((e) => e.sequence)).toEqual([1, 1])
      // The same private export again changes nothing; titles back in go up once more.
      const again = icsEvents([overdue, paused], { details: false, teamZone, today, ledger: privately.ledger })
      expect(again.events.map((e) => e.sequence)).toEqual([1, 1])
      const titledAgain = icsEvents([overdue, paused], { details: true, teamZone, today, ledger: again.ledger })
      expect(titledAgain.events.map((e) => e.sequence)).toEqual([2, 2])
      // And the ledger keeps no title, only the fingerprint.
      expect(JSON.stringify(titledAgain.ledger)).not.toMatch(/Zyxwv|Qwerty/)
    })

    it('goes up with details when the case title or the reporter name changed, and not for the state of a later day', () => {
      const first = icsEvents([overdue], { details: true, teamZone, today, ledger: {} })
      const renamed = icsEvents([{ ...overdue, title: 'Zyxwv RCE in login' }], { details: true, teamZone, today, ledger: first.ledger })
      expect(renamed.events[0]!.sequence).toBe(1)
      const reporter = icsEvents([{ ...overdue, title: 'Zyxwv RCE in login', reporterName: 'Q. Ëvil' }], { details: true, teamZone, today, ledger: renamed.ledger })
      expect(reporter.events[0]!.sequence).toBe(2)
      // Exported upcoming a week before, overdue now: the description's state line changed with the day, the event did not.
      const before = icsEvents([{ ...overdue, state: 'upcoming' }], { details: false, teamZone, today: '2026-11-24', ledger: {} })
      expect(icsEvents([overdue], { details: false, teamZone, today, ledger: before.ledger }).events[0]!.sequence).toBe(0)
    })

    it('goes up once for a ledger line from before it recorded what the event told, which may have had a title', () => {
      const old = IcsLedger.parse({ 'c7/evaluation/1': { date: '2026-11-30', sequence: 3 } })
      const first = icsEvents([overdue], { details: false, teamZone, today, ledger: old })
      expect(first.events[0]!.sequence).toBe(4)
      expect(icsEvents([overdue], { details: false, teamZone, today, ledger: first.ledger }).events[0]!.sequence).toBe(4)
    })

    it('compares the team day the event is on, so a deadline in another zone does not bump every time', () => {
      const first = icsEvents([publication], { details: false, teamZone, today, ledger: {} })
      expect(first.ledger).toEqual({
        'c11/publication': { date: '2027-01-15', sequence: 0, said: said('VD-2026-011: publication'), key: 'VD-2026-011', kind: 'publication' },
      })
      expect(icsEvents([publication], { details: false, teamZone, today, ledger: first.ledger }).events[0]!.sequence).toBe(0)
    })

    it('keeps the ledger lines of events not in this export, so one that returns on a new date goes above the old number', () => {
      const ledger: IcsLedger = { 'c11/publication': { date: '2027-01-10', sequence: 4, said: said('VD-2026-011: publication'), key: 'VD-2026-011', kind: 'publication' } }
      const without = icsEvents([overdue], { details: false, teamZone, today, ledger })
      expect(without.ledger['c11/publication']).toEqual({
        date: '2027-01-10',
        sequence: 5,
        said: said('VD-2026-011: publication no longer planned'),
        key: 'VD-2026-011',
        kind: 'publication',
        cancelled: true,
      })
      const back = icsEvents([publication], { details: false, teamZone, today, ledger: without.ledger }).events
      expect(back.find((e) => e.uid === 'c11/publication')).toMatchObject({ date: '2027-01-15', sequence: 6 })
    })

    it('drops the lines of events not exported whose date is more than a year past, writing no cancellation for them', () => {
      const ledger: IcsLedger = {
        'gone/acknowledgement/1': { date: '2025-11-29', sequence: 2 },
        'kept/acknowledgement/1': { date: '2025-11-30', sequence: 1 },
        'c7/evaluation/1': { date: '2024-01-02', sequence: 5 },
      }
      // 366 days before Tue 1 Dec 2026 is Sun 30 Nov 2025; the overdue evaluation is exported, so its line stays whatever its age.
      const { events, ledger: next } = icsEvents([overdue], { details: false, teamZone, today, ledger })
      expect(next).toEqual({
        'kept/acknowledgement/1': { date: '2025-11-30', sequence: 2, said: said('Deadline no longer due'), cancelled: true },
        'c7/evaluation/1': { date: '2026-11-30', sequence: 6, said: said('VD-2026-007: evaluation due'), key: 'VD-2026-007', kind: 'evaluation' },
      })
      expect(events.map((e) => [e.uid, e.cancelled ?? false])).toEqual([
        ['kept/acknowledgement/1', true],
        ['c7/evaluation/1', false],
      ])
    })

    it('writes no event for a kept promise that was never exported', () => {
      expect(icsEvents([met, metLate], { details: false, teamZone, today, ledger: {} })).toEqual({ events: [], ledger: {} })
    })
  })

  describe('cancelled events', () => {
    // Exported open before: the acknowledgement since met, an evaluation of a case since closed (no entry now), a
    // publication taken back, and the overdue evaluation still open.
    const said = (summary: string) => icsSaid([summary])
    const earlier: IcsLedger = {
      'c7/acknowledgement/1': { date: '2026-11-20', sequence: 1, said: said('VD-2026-007: acknowledgement due'), key: 'VD-2026-007', kind: 'acknowledgement' },
      'c20/evaluation/1': { date: '2026-12-03', sequence: 0, said: said('VD-2026-020: evaluation due'), key: 'VD-2026-020', kind: 'evaluation' },
      'c21/publication': { date: '2027-01-20', sequence: 2, said: said('VD-2026-021: publication'), key: 'VD-2026-021', kind: 'publication' },
      'c7/evaluation/1': { date: '2026-11-30', sequence: 0, said: said('VD-2026-007: evaluation due'), key: 'VD-2026-007', kind: 'evaluation' },
    }
    const row = (e: ReturnType<typeof parseBack>[number]) => [e.uid, e.date, e.status, e.sequence, e.summary]

    it('writes every event the ledger knows and the export has no open entry for as STATUS:CANCELLED on its last date, SEQUENCE one up', () => {
      const { events } = icsEvents([met, overdue], { details: false, teamZone, today, ledger: earlier })
      const back = parseBack(toIcs(events, { stamp }))
      expect(back.map(row)).toEqual([
        ['c7/acknowledgement/1', '2026-11-20', 'CANCELLED', 2, 'VD-2026-007: acknowledgement done'],
        ['c7/evaluation/1', '2026-11-30', 'CONFIRMED', 0, 'VD-2026-007: evaluation due'],
        ['c20/evaluation/1', '2026-12-03', 'CANCELLED', 1, 'VD-2026-020: evaluation no longer due'],
        ['c21/publication', '2027-01-20', 'CANCELLED', 3, 'VD-2026-021: publication no longer planned'],
      ])
      const described = new Map(back.map((e) => [e.uid, e.description]))
      expect(described.get('c7/acknowledgement/1')).toBe(
        'VD-2026-007 · Acknowledgement\nWas due Fri 20 Nov 2026.\nState when exported on Tue 1 Dec 2026: Met on time.',
      )
      expect(described.get('c20/evaluation/1')).toBe('VD-2026-020 · Evaluation\nWas due Thu 3 Dec 2026.\nNo longer due when exported on Tue 1 Dec 2026.')
      expect(described.get('c21/publication')).toBe(
        'VD-2026-021 · Publication\nWas planned for Wed 20 Jan 2027.\nNo longer planned when exported on Tue 1 Dec 2026.',
      )
    })

    it('records the cancellation in the ledger and keeps its SEQUENCE from one export to the next', () => {
      const first = icsEvents([met, overdue], { details: false, teamZone, today, ledger: earlier })
      expect(first.ledger).toEqual({
        'c7/acknowledgement/1': { date: '2026-11-20', sequence: 2, said: said('VD-2026-007: acknowledgement done'), key: 'VD-2026-007', kind: 'acknowledgement', cancelled: true },
        'c7/evaluation/1': { date: '2026-11-30', sequence: 0, said: said('VD-2026-007: evaluation due'), key: 'VD-2026-007', kind: 'evaluation' },
        'c20/evaluation/1': { date: '2026-12-03', sequence: 1, said: said('VD-2026-020: evaluation no longer due'), key: 'VD-2026-020', kind: 'evaluation', cancelled: true },
        'c21/publication': { date: '2027-01-20', sequence: 3, said: said('VD-2026-021: publication no longer planned'), key: 'VD-2026-021', kind: 'publication', cancelled: true },
      })
      const again = icsEvents([met, overdue], { details: false, teamZone, today: '2026-12-02', ledger: first.ledger })
      expect(again.events.map((e) => [e.uid, e.sequence, e.cancelled ?? false])).toEqual([
        ['c7/acknowledgement/1', 2, true],
        ['c7/evaluation/1', 0, false],
        ['c20/evaluation/1', 1, true],
        ['c21/publication', 3, true],
      ])
      expect(again.ledger).toEqual(first.ledger)
    })

    it('brings an event back open above its cancelled SEQUENCE, on the same date too, and no longer cancelled', () => {
      const cancelled = icsEvents([overdue], { details: false, teamZone, today, ledger: earlier }).ledger
      const reopened = deadline({ uid: 'c20/evaluation/1', date: '2026-12-03', state: 'upcoming', key: 'VD-2026-020' })
      const back = icsEvents([overdue, reopened], { details: false, teamZone, today, ledger: cancelled })
      expect(parseBack(toIcs(back.events, { stamp })).filter((e) => e.uid === 'c20/evaluation/1').map(row)).toEqual([
        ['c20/evaluation/1', '2026-12-03', 'CONFIRMED', 2, 'VD-2026-020: evaluation due'],
      ])
      expect(back.ledger['c20/evaluation/1']).toEqual({ date: '2026-12-03', sequence: 2, said: said('VD-2026-020: evaluation due'), key: 'VD-2026-020', kind: 'evaluation' })
      const stays = icsEvents([overdue, reopened], { details: false, teamZone, today, ledger: back.ledger })
      expect(stays.events.find((e) => e.uid === 'c20/evaluation/1')).toMatchObject({ sequence: 2 })
      expect(stays.events.find((e) => e.uid === 'c20/evaluation/1')!.cancelled).toBeUndefined()
    })

    it('leaves titles and reporter names out of cancelled events without details; with details only a kept promise, still in the store, names its case', () => {
      const privately = toIcs(icsEvents([met], { details: false, teamZone, today, ledger: earlier }).events, { stamp })
      const unfolded = privately.replace(/\r\n[ \t]/g, '')
      for (const secret of ['Zyxwv', 'RCE', 'login', 'alert', 'Qwerty', 'Ëvil', 'hacker']) expect(unfolded).not.toContain(secret)
      expect(unfolded).toContain('STATUS:CANCELLED')

      const detailed = parseBack(toIcs(icsEvents([met], { details: true, teamZone, today, ledger: earlier }).events, { stamp }))
      const byUid = new Map(detailed.map((e) => [e.uid, e]))
      expect(byUid.get('c7/acknowledgement/1')).toMatchObject({
        summary: 'VD-2026-007: acknowledgement done — Zyxwv RCE, in "login"; <script> alert(1) \\ 🎉',
        description:
          'VD-2026-007 · Acknowledgement\nWas due Fri 20 Nov 2026.\nState when exported on Tue 1 Dec 2026: Met on time.\n\n' +
          `Case: ${hostileTitle}\nReporter: ${hostileReporter}`,
      })
      expect(byUid.get('c20/evaluation/1')!.summary).toBe('VD-2026-020: evaluation no longer due')
    })

    it('goes up when a cancelled event that named its case is written without details, and only that one', () => {
      const titled = icsEvents([met], { details: true, teamZone, today, ledger: earlier })
      const privately = icsEvents([met], { details: false, teamZone, today, ledger: titled.ledger })
      expect(privately.events.map((e) => [e.uid, e.sequence])).toEqual([
        ['c7/acknowledgement/1', 3],
        ['c7/evaluation/1', 1],
        ['c20/evaluation/1', 1],
        ['c21/publication', 3],
      ])
      expect(toIcs(privately.events, { stamp }).replace(/\r\n[ \t]/g, '')).not.toContain('Zyxwv')
    })

    it('names an event of a ledger line from before key and kind were kept as a deadline, and still cancels it', () => {
      const old = IcsLedger.parse({ 'c30/r1/1': { date: '2026-11-26', sequence: 0 } })
      const { events, ledger } = icsEvents([], { details: false, teamZone, today, ledger: old })
      expect(events).toEqual([
        {
          uid: 'c30/r1/1',
          date: '2026-11-26',
          summary: 'Deadline no longer due',
          description: 'Deadline\nWas due Thu 26 Nov 2026.\nNo longer due when exported on Tue 1 Dec 2026.',
          sequence: 1,
          cancelled: true,
        },
      ])
      expect(ledger).toEqual({ 'c30/r1/1': { date: '2026-11-26', sequence: 1, said: icsSaid(['Deadline no longer due']), cancelled: true } })
    })

    it('reads a ledger line with a kind it does not know as one without a kind, keeping its date and SEQUENCE', () => {
      expect(IcsLedger.parse({ 'c1/x/1': { date: '2026-11-26', sequence: 3, key: 'VD-1', kind: 'retired_kind' } })).toEqual({
        'c1/x/1': { date: '2026-11-26', sequence: 3, key: 'VD-1' },
      })
    })

    it('writes the cancelled events in Dutch when asked', () => {
      const { events } = icsEvents([met], { details: false, teamZone, today, ledger: earlier, lang: 'nl' })
      expect(events.filter((e) => e.cancelled).map((e) => [e.summary, e.description])).toEqual([
        ['VD-2026-007: ontvangstbevestiging afgerond', 'VD-2026-007 · Ontvangstbevestiging\nWas uiterlijk vr 20 nov 2026.\nStand bij de export op di 1 dec 2026: Op tijd nagekomen.'],
        ['VD-2026-007: beoordeling vervallen', 'VD-2026-007 · Beoordeling\nWas uiterlijk ma 30 nov 2026.\nVervallen bij de export op di 1 dec 2026.'],
        ['VD-2026-020: beoordeling vervallen', 'VD-2026-020 · Beoordeling\nWas uiterlijk do 3 dec 2026.\nVervallen bij de export op di 1 dec 2026.'],
        ['VD-2026-021: publicatie niet meer gepland', 'VD-2026-021 · Publicatie\nWas gepland op wo 20 jan 2027.\nNiet meer gepland bij de export op di 1 dec 2026.'],
      ])
    })
  })

  it('gives each event its entry uid, which toIcs writes as a UID, and keeps the ledger on the entry uid', () => {
    const odd = deadline({ uid: 'case 1/rule,x/1', date: '2026-11-30', state: 'overdue' })
    const { events, ledger } = icsEvents([odd], { details: false, teamZone, today, ledger: {} })
    expect(events[0]!.uid).toBe('case 1/rule,x/1')
    expect(new ICAL.Component(ICAL.parse(toIcs(events, { stamp }))).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe(
      'case%201/rule%2Cx/1@disclosure-desk',
    )
    expect(Object.keys(ledger)).toEqual(['case 1/rule,x/1'])
  })
})
