import { describe, expect, it } from 'vitest'
import { reminderText } from '../../src/i18n/reminderText'
import type { Reminder } from '../../src/reminders/dueReminders'

const keyOf = (caseId: string) => ({ c7: 'VD-2026-007' })[caseId] ?? '?'
const evaluation = (kind: 'due_tomorrow' | 'overdue', day: string): Reminder => ({
  kind,
  key: `c7/evaluation/1|${kind}|${day}`,
  caseId: 'c7',
  uid: 'c7/evaluation/1',
  entryKind: 'evaluation',
  day,
})

describe('the words of a desktop reminder', () => {
  it('names the case key, what is due and the day, in English and Dutch', () => {
    expect(reminderText(evaluation('due_tomorrow', '2026-12-02'), keyOf, '2026-12-01', 'en')).toEqual({
      title: 'Due tomorrow: VD-2026-007',
      body: 'Send evaluation, due Wed 2 Dec',
    })
    expect(reminderText(evaluation('overdue', '2026-12-01'), keyOf, '2026-12-02', 'nl')).toEqual({
      title: 'Te laat: VD-2026-007',
      body: 'Beoordeling sturen, was uiterlijk di 1 dec',
    })
  })

  it('gives the year of a day in another year than today', () => {
    expect(reminderText(evaluation('due_tomorrow', '2027-01-01'), keyOf, '2026-12-31', 'en').body).toBe('Send evaluation, due Fri 1 Jan 2027')
  })

  it('a planned publication reads as such', () => {
    const r: Reminder = { kind: 'overdue', key: 'k', caseId: 'c7', uid: 'c7/publication', entryKind: 'publication', day: '2026-12-01' }
    expect(reminderText(r, keyOf, '2026-12-02', 'en')).toEqual({ title: 'Overdue: VD-2026-007', body: 'Publish as planned, was due Tue 1 Dec' })
  })

  it('the summary counts only what there is', () => {
    const summary = (overdue: number, dueToday: number, dueTomorrow: number): Reminder => ({
      kind: 'summary',
      key: 'summary|2026-12-01',
      counts: { overdue, dueToday, dueTomorrow },
    })
    expect(reminderText(summary(2, 0, 5), keyOf, '2026-12-01', 'en')).toEqual({ title: 'Deadlines today', body: '2 overdue · 5 due tomorrow' })
    expect(reminderText(summary(0, 1, 0), keyOf, '2026-12-01', 'nl')).toEqual({ title: 'Termijnen vandaag', body: '1 uiterlijk vandaag' })
  })

  it('the summary groups the thousands of a big store, as Today does', () => {
    const counts = { overdue: 8155, dueToday: 1200, dueTomorrow: 0 }
    const summary: Reminder = { kind: 'summary', key: 'summary|2026-12-01', counts }
    expect(reminderText(summary, keyOf, '2026-12-01', 'en').body).toBe('8,155 overdue · 1,200 due today')
    expect(reminderText(summary, keyOf, '2026-12-01', 'nl').body).toBe('8.155 te laat · 1.200 uiterlijk vandaag')
  })
})
