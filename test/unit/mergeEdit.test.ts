import { describe, expect, it } from 'vitest'
import type { Case, CasePatch } from '../../src/cases/case'
import { compareEdit, mergedPatch, theirChange, theirOnlyParts, unchosen } from '../../src/cases/mergeEdit'
import { ana, ben, desk, idor } from './commands/fixture'

const anaActs = { memberId: ana.id, name: ana.name }
const benActs = { memberId: ben.id, name: ben.name }

/** A case as Ana opened it, and the case after Ben's save of `theirs` meanwhile. */
function race(theirs: CasePatch) {
  const d = desk()
  const base = d.run({ type: 'case.create', input: { ...idor, tags: ['api'], assigneeId: ana.id } })
  d.at = new Date('2026-12-01T10:02:00Z')
  const current = d.run({ type: 'case.update', caseId: base.id, revision: base.revision, patch: theirs }, benActs)
  /** Saves `patch` on the current revision, as the conflict screen does. */
  const save = (patch: CasePatch) => d.run({ type: 'case.update', caseId: base.id, revision: current.revision, patch }, anaActs)
  return { base, current, save }
}

describe('putting a colleague’s save and this person’s edit together', () => {
  it('takes what only one side changed without asking, and sends only this person’s', () => {
    const { base, current, save } = race({ asset: 'Billing portal' })
    const mine: CasePatch = { title: 'IDOR in invoice API (all tenants)' }
    const edits = compareEdit(base, mine, current)
    expect(edits).toEqual([{ part: 'title', base: idor.title, mine: 'IDOR in invoice API (all tenants)', theirs: idor.title, side: 'mine' }])
    expect(unchosen(edits, {})).toEqual([])
    expect(theirOnlyParts(base, current, edits)).toEqual(['asset'])
    const patch = mergedPatch(edits, current, {})
    expect(patch).toEqual({ title: 'IDOR in invoice API (all tenants)' })
    const saved = save(patch)
    // Both changes kept: nothing silently lost.
    expect(saved).toMatchObject({ title: 'IDOR in invoice API (all tenants)', asset: 'Billing portal' })
  })

  it('asks for a field both changed differently, and saves the choice: theirs stays, or mine replaces it', () => {
    const { base, current, save } = race({ title: 'IDOR (Ben)' })
    const edits = compareEdit(base, { title: 'IDOR (Ana)' }, current)
    expect(edits).toEqual([{ part: 'title', base: idor.title, mine: 'IDOR (Ana)', theirs: 'IDOR (Ben)', side: 'both' }])
    expect(unchosen(edits, {})).toEqual(['title'])
    expect(() => mergedPatch(edits, current, {})).toThrow(/title/)
    expect(mergedPatch(edits, current, { title: 'theirs' })).toEqual({})
    expect(save(mergedPatch(edits, current, { title: 'mine' })).title).toBe('IDOR (Ana)')
  })

  it('does not ask about a field both changed to the same value', () => {
    const { base, current } = race({ title: 'Same words' })
    const edits = compareEdit(base, { title: 'Same words' }, current)
    expect(edits.map((e) => e.side)).toEqual(['same'])
    expect(mergedPatch(edits, current, {})).toEqual({})
  })

  it('keeps the reporter’s parts apart: their email and my name both land', () => {
    const { base, current, save } = race({ reporter: { ...idor.reporter, email: 'lena@new.example', language: 'en' } })
    const mine: CasePatch = { reporter: { ...base.reporter, name: 'Lena M. Fischer' } }
    const edits = compareEdit(base, mine, current)
    expect(edits.map((e) => [e.part, e.side])).toEqual([['reporter.name', 'mine']])
    const patch = mergedPatch(edits, current, {})
    expect(patch).toEqual({ reporter: { name: 'Lena M. Fischer', email: 'lena@new.example', language: 'en' } })
    expect(save(patch).reporter).toEqual({ name: 'Lena M. Fischer', email: 'lena@new.example', language: 'en' })
  })

  it('removes a part taken out (a handle cleared) from the group built on theirs', () => {
    const d = desk()
    const base = d.run({ type: 'case.create', input: { ...idor, reporter: { ...idor.reporter, handle: 'lfx' } } })
    const current = d.run({ type: 'case.update', caseId: base.id, revision: 1, patch: { reporter: { ...base.reporter, email: 'l@new.example' } } }, benActs)
    const { handle: _handle, ...withoutHandle } = base.reporter
    const edits = compareEdit(base, { reporter: withoutHandle }, current)
    expect(edits).toMatchObject([{ part: 'reporter.handle', mine: undefined, theirs: 'lfx', side: 'mine' }])
    expect(mergedPatch(edits, current, {})).toEqual({ reporter: { name: 'Lena Fischer', email: 'l@new.example', language: 'en' } })
  })

  it('sends null to take the case off its assignee, even when theirs moved it to someone else and mine wins', () => {
    const { base, current, save } = race({ assigneeId: ben.id })
    const edits = compareEdit(base, { assigneeId: null }, current)
    expect(edits).toEqual([{ part: 'assigneeId', base: ana.id, mine: undefined, theirs: ben.id, side: 'both' }])
    const patch = mergedPatch(edits, current, { assigneeId: 'mine' })
    expect(patch).toEqual({ assigneeId: null })
    expect(save(patch).assigneeId).toBeUndefined()
  })

  it('lists several parts in form order, with all mine or all theirs as plain choices per part', () => {
    const { base, current } = race({ title: 'T (Ben)', tags: ['api', 'billing'], reward: { amount: 100, currency: 'EUR', swag: false, status: 'proposed' } })
    const mine: CasePatch = {
      tags: ['web'],
      title: 'T (Ana)',
      channel: 'web_form',
      reward: { amount: 250, currency: 'EUR', swag: true, status: 'none' },
    }
    const edits = compareEdit(base, mine, current)
    expect(edits.map((e) => [e.part, e.side])).toEqual([
      ['title', 'both'],
      ['channel', 'mine'],
      ['tags', 'both'],
      ['reward.amount', 'both'],
      ['reward.swag', 'mine'],
    ])
    const allMine = Object.fromEntries(unchosen(edits, {}).map((p) => [p, 'mine' as const]))
    expect(mergedPatch(edits, current, allMine)).toEqual({
      title: 'T (Ana)',
      channel: 'web_form',
      tags: ['web'],
      // Built on theirs: their status stays, my amount and swag go in.
      reward: { amount: 250, currency: 'EUR', swag: true, status: 'proposed' },
    })
    const allTheirs = Object.fromEntries(unchosen(edits, {}).map((p) => [p, 'theirs' as const]))
    expect(mergedPatch(edits, current, allTheirs)).toEqual({
      channel: 'web_form',
      reward: { amount: 100, currency: 'EUR', swag: true, status: 'proposed' },
    })
  })

  it('is nothing to ask when the colleague’s save changed no field this person edited (a status move)', () => {
    const d = desk()
    const base = d.run({ type: 'case.create', input: idor })
    const current = d.run({ type: 'case.transition', caseId: base.id, revision: 1, transition: { to: 'acknowledged' } }, benActs)
    const edits = compareEdit(base, { title: 'New title' }, current)
    expect(unchosen(edits, {})).toEqual([])
    expect(mergedPatch(edits, current, {})).toEqual({ title: 'New title' })
  })
})

describe('who made the colleague’s change', () => {
  it('names the newest change of the field since the edit began, by the name their app recorded, and when', () => {
    const d = desk()
    const base = d.run({ type: 'case.create', input: idor })
    d.at = new Date('2026-12-01T10:02:00Z')
    d.run({ type: 'case.update', caseId: base.id, patch: { title: 'First' } }, benActs)
    d.at = new Date('2026-12-01T10:05:00Z')
    d.run({ type: 'case.update', caseId: base.id, patch: { title: 'Second' } }, { name: 'Sam' })
    d.at = new Date('2026-12-01T10:07:00Z')
    const current: Case = d.run({ type: 'case.addNote', caseId: base.id, text: 'a note' }, benActs)
    expect(theirChange(base, current, 'title')).toEqual({ by: { name: 'Sam' }, at: '2026-12-01T10:05:00.000Z' })
    // A field with no change of its own since: the newest event is the best word on who saved.
    expect(theirChange(base, current, 'asset')).toEqual({ by: benActs, at: '2026-12-01T10:07:00.000Z' })
    expect(theirChange(current, current, 'title')).toBeUndefined()
  })
})
