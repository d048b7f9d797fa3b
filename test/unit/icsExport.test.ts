import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { Case, CaseInput } from '../../src/cases/case'
import { compareText } from '../../src/compareText'
import type { Result } from '../../src/ipc/contract'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const tuesday = () => new Date('2026-12-01T09:00:00Z')

const report: CaseInput = {
  title: 'Zyxwv IDOR, in the "invoice" API; see \\admin',
  reporter: { name: 'Qwerty Ëvil', email: 'q@example.org' },
  received: { at: '2026-11-25T15:10:00.000Z', timeZone: 'Europe/Amsterdam' },
}

/** The saved file as a calendar app reads it. */
async function eventsIn(file: string) {
  const calendar = new ICAL.Component(ICAL.parse(await readFile(file, 'utf8')))
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    // The entry's uid; the file's UID adds the domain part, which the first test holds.
    uid: String(v.getFirstPropertyValue('uid')).replace(/@disclosure-desk$/, ''),
    date: String(v.getFirstPropertyValue('dtstart')),
    summary: v.getFirstPropertyValue('summary'),
    sequence: v.getFirstPropertyValue('sequence'),
    status: v.getFirstPropertyValue('status'),
  }))
}

async function deskWithCases(): Promise<{ t: TestDesk; first: Case; second: Case }> {
  const desk = await createTestDesk({ now: tuesday })
  const first = value(await desk.desk.cases.create(report))
  const created = value(await desk.desk.cases.create({ ...report, title: 'Second Zyxwv case' }))
  const second = value(await desk.desk.cases.promiseResolution({ id: created.id, revision: created.revision, date: '2027-01-15' }))
  return { t: desk, first, second }
}

describe('agenda:exportIcs', () => {
  it('saves every open deadline as "Disclosure Desk deadlines.ics", without titles or reporter names', async () => {
    const setup = await deskWithCases()
    t = setup.t
    const { first, second } = setup
    const result = value(await t.desk.agenda.exportIcs({ details: false }))
    const path = join(t.files.folder, 'Disclosure Desk deadlines.ics')
    expect(result).toEqual({ saved: true, file: path, events: 3, cancelled: 0 })
    expect(t.files.saved.map(({ title, suggestedName, filters }) => ({ title, suggestedName, filters }))).toEqual([
      { title: 'Export deadlines to a calendar', suggestedName: 'Disclosure Desk deadlines.ics', filters: [{ name: 'Calendar (iCalendar)', extensions: ['ics'] }] },
    ])
    expect(await eventsIn(path)).toEqual([
      { uid: `${first.id}/evaluation/1`, date: '2026-12-16', summary: 'VD-2026-001: evaluation due', sequence: 0, status: 'CONFIRMED' },
      { uid: `${second.id}/evaluation/1`, date: '2026-12-16', summary: 'VD-2026-002: evaluation due', sequence: 0, status: 'CONFIRMED' },
      { uid: `${second.id}/expected_resolution/1`, date: '2027-01-15', summary: 'VD-2026-002: expected resolution due', sequence: 0, status: 'CONFIRMED' },
    ].sort((a, b) => compareText(a.date, b.date) || compareText(a.uid, b.uid)))
    const unfolded = (await readFile(path, 'utf8')).replace(/\r\n[ \t]/g, '')
    expect(unfolded).toContain(`\r\nUID:${first.id}/evaluation/1@disclosure-desk\r\n`)
    for (const secret of ['Zyxwv', 'IDOR', 'invoice', 'Qwerty', 'Ëvil', 'q@example.org']) expect(unfolded).not.toContain(secret)
  })

  it('puts case titles in the summaries when details are asked for', async () => {
    const setup = await deskWithCases()
    t = setup.t
    const { file } = value(await t.desk.agenda.exportIcs({ details: true }))
    const summaries = (await eventsIn(file!)).map((e) => e.summary).sort()
    expect(summaries).toEqual([
      'VD-2026-001: evaluation due — Zyxwv IDOR, in the "invoice" API; see \\admin',
      'VD-2026-002: evaluation due — Second Zyxwv case',
      'VD-2026-002: expected resolution due — Second Zyxwv case',
    ])
  })

  it('takes titles off calendars: an export without them after one with them goes one SEQUENCE up, the same export again does not', async () => {
    const setup = await deskWithCases()
    t = setup.t
    const exported = async (details: boolean) => {
      const { file } = value(await t!.desk.agenda.exportIcs({ details }))
      return { events: await eventsIn(file!), text: (await readFile(file!, 'utf8')).replace(/\r\n[ \t]/g, '') }
    }
    const titled = await exported(true)
    expect(titled.events.map((e) => e.sequence)).toEqual([0, 0, 0])
    expect(titled.text).toContain('Zyxwv')
    await t.restart()
    const privately = await exported(false)
    expect(privately.events.map((e) => [e.uid, e.sequence])).toEqual(titled.events.map((e) => [e.uid, 1]))
    for (const secret of ['Zyxwv', 'IDOR', 'Qwerty']) expect(privately.text).not.toContain(secret)
    expect((await exported(false)).events.map((e) => e.sequence)).toEqual([1, 1, 1])
  })

  it('keeps SEQUENCE across exports and restarts, bumps it when a date moved, and only a saved export counts', async () => {
    const setup = await deskWithCases()
    t = setup.t
    const uid = `${setup.second.id}/expected_resolution/1`
    const resolution = async () => (await eventsIn(value(await t!.desk.agenda.exportIcs({ details: false })).file!)).find((e) => e.uid === uid)

    expect(await resolution()).toMatchObject({ date: '2027-01-15', sequence: 0 })
    await t.restart()
    expect(await resolution()).toMatchObject({ date: '2027-01-15', sequence: 0 })

    const promise = async (date: string) => {
      const c = value(await t!.desk.cases.get({ id: setup.second.id }))
      value(await t!.desk.cases.promiseResolution({ id: c.id, revision: c.revision, date }))
    }
    // Moved and back again while the export was cancelled: no file told a calendar of the 22nd, so nothing goes up.
    await promise('2027-01-22')
    t.files.acceptSaves = false
    expect(value(await t.desk.agenda.exportIcs({ details: false }))).toEqual({ saved: false, events: 3, cancelled: 0 })
    t.files.acceptSaves = true
    await promise('2027-01-15')
    expect(await resolution()).toMatchObject({ date: '2027-01-15', sequence: 0 })

    await promise('2027-01-22')
    expect(await resolution()).toMatchObject({ date: '2027-01-22', sequence: 1 })
    expect(await resolution()).toMatchObject({ date: '2027-01-22', sequence: 1 })
    await promise('2027-01-15')
    expect(await resolution()).toMatchObject({ date: '2027-01-15', sequence: 2 })
    // The other events' dates stood throughout.
    const all = await eventsIn(value(await t.desk.agenda.exportIcs({ details: false })).file!)
    expect(all.filter((e) => e.uid !== uid).map((e) => e.sequence)).toEqual([0, 0])
  })

  it('writes a promise withdrawn since the last saved export cancelled, one SEQUENCE up, and open again above that once made again', async () => {
    const setup = await deskWithCases()
    t = setup.t
    const uid = `${setup.second.id}/expected_resolution/1`
    const exported = async () => {
      const result = value(await t!.desk.agenda.exportIcs({ details: false }))
      const text = await readFile(result.file!, 'utf8')
      return { result, resolution: (await eventsIn(result.file!)).find((e) => e.uid === uid), text }
    }
    expect((await exported()).resolution).toMatchObject({ date: '2027-01-15', sequence: 0, status: 'CONFIRMED' })

    const promised = setup.second.timeline.find((e) => e.type === 'resolution_promised')!
    value(await t.desk.cases.withdrawEvent({ id: setup.second.id, eventId: promised.id, reason: 'Agreed with the wrong reporter' }))
    const gone = await exported()
    expect(gone.result).toEqual({ saved: true, file: gone.result.file, events: 2, cancelled: 1 })
    expect(gone.resolution).toEqual({ uid, date: '2027-01-15', summary: 'VD-2026-002: expected resolution no longer due', sequence: 1, status: 'CANCELLED' })
    for (const secret of ['Zyxwv', 'IDOR', 'Qwerty']) expect(gone.text.replace(/\r\n[ \t]/g, '')).not.toContain(secret)
    // Exported again, after a restart too, the cancellation changes nothing more.
    await t.restart()
    expect((await exported()).resolution).toMatchObject({ sequence: 1, status: 'CANCELLED' })

    const c = value(await t.desk.cases.get({ id: setup.second.id }))
    value(await t.desk.cases.promiseResolution({ id: c.id, revision: c.revision, date: '2027-01-15' }))
    const back = await exported()
    expect(back.resolution).toEqual({ uid, date: '2027-01-15', summary: 'VD-2026-002: expected resolution due', sequence: 2, status: 'CONFIRMED' })
    expect(back.result).toMatchObject({ events: 3, cancelled: 0 })
  })

  it('saves a calendar with no events for a store without cases', async () => {
    t = await createTestDesk({ now: tuesday })
    const result = value(await t.desk.agenda.exportIcs({ details: false }))
    expect(result).toMatchObject({ saved: true, events: 0 })
    const calendar = new ICAL.Component(ICAL.parse(await readFile(result.file!, 'utf8')))
    expect(calendar.getAllSubcomponents('vevent')).toEqual([])
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Disclosure Desk deadlines')
  })
})
