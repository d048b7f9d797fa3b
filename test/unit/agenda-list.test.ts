import { afterEach, describe, expect, it } from 'vitest'
import { AgendaRow, fromAgendaRow } from '../../src/agenda/agendaEntry'
import { agendaOfCase } from '../../src/agenda/agendaOf'
import type { Case } from '../../src/cases/case'
import { aimmsPolicy, ikuuPolicy } from '../../src/policies/presets'
import { realisticCases } from '../bench/fixtures/realisticCases'
import { createTestDesk, type TestDesk } from '../support/testDesk'

let t: TestDesk | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

const now = new Date('2026-01-05T09:00:00Z')

async function agenda(desk: TestDesk) {
  const listed = await desk.desk.agenda.list({})
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value
}

/** Just received under AIMMS: the evaluation is due 15 business days on, an entry on every case. */
const justReceived = (c: Case): Case => ({ ...c, status: 'received', closingReason: undefined, timeline: c.timeline.slice(0, 1), revision: 1, updatedAt: c.createdAt })

describe('agenda:list', () => {
  it("answers every case's entries as rows, sorted by date, the same entries agendaOfCase gives", async () => {
    const cases = realisticCases(120, 5)
    t = await createTestDesk({ cases, now: () => now })
    const rows = await agenda(t)
    for (const row of rows) AgendaRow.parse(row)
    const entries = rows.map(fromAgendaRow)
    const dates = entries.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())
    const expected = cases.flatMap((c) => agendaOfCase(c, aimmsPolicy, now))
    expect(entries.length).toBe(expected.length)
    expect(new Set(entries.map((e) => e.uid))).toEqual(new Set(expected.map((e) => e.uid)))
    expect(entries).toEqual(expect.arrayContaining(expected))
  })

  it('leaves out the deadlines of a case whose policy is gone, and lists the rest', async () => {
    const cases = realisticCases(3, 11).map(justReceived)
    cases[0] = { ...cases[0]!, policyId: 'gone-policy' }
    t = await createTestDesk({ cases, now: () => now })
    const caseIds = (await agenda(t)).map(fromAgendaRow).map((e) => e.caseId)
    expect(caseIds).not.toContain(cases[0]!.id)
    expect(new Set(caseIds)).toEqual(new Set([cases[1]!.id, cases[2]!.id]))
  })

  it('answers a changed case with its new entries, not the remembered ones', async () => {
    const [c] = realisticCases(1, 11).map(justReceived)
    t = await createTestDesk({ cases: [c!], now: () => now })
    expect((await agenda(t)).map(fromAgendaRow).map((e) => e.uid)).toEqual([`${c!.id}/evaluation/1`])
    const updated = await t.desk.cases.update({ id: c!.id, revision: c!.revision, patch: { policyId: 'ikuu' } })
    if (!updated.ok) throw new Error(updated.error.message)
    const uids = (await agenda(t)).map(fromAgendaRow).map((e) => e.uid)
    expect(uids).toEqual(agendaOfCase(updated.value, ikuuPolicy, now).map((e) => e.uid))
    expect(uids).toContain(`${c!.id}/acknowledgement/1`)
  })
})
