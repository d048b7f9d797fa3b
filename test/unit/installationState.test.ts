import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installationState } from '../../electron/installationState'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'installation-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const store = (name: string) => join(dir, name)

describe("this installation's state per store file", () => {
  it('starts with reminders on for all cases, nothing shown and nothing exported', () => {
    const state = installationState(dir)
    expect(state.reminderPrefs(store('a.json'))).toEqual({ enabled: true, scope: 'all' })
    expect(state.shownReminders(store('a.json'))).toEqual({})
    expect(state.icsLedger(store('a.json'))).toEqual({})
  })

  it('keeps each part across a restart, for each store file apart', async () => {
    const state = installationState(dir)
    await state.setReminderPrefs(store('a.json'), { enabled: false, scope: 'mine' })
    await state.setShownReminders(store('a.json'), { 'c1/evaluation/1|due_tomorrow|2026-12-02': '2026-12-01' })
    await state.setIcsLedger(store('b.json'), { 'c2/publication': { date: '2027-01-15', sequence: 2 } })

    const restarted = installationState(dir)
    expect(restarted.reminderPrefs(store('a.json'))).toEqual({ enabled: false, scope: 'mine' })
    expect(restarted.shownReminders(store('a.json'))).toEqual({ 'c1/evaluation/1|due_tomorrow|2026-12-02': '2026-12-01' })
    expect(restarted.icsLedger(store('a.json'))).toEqual({})
    expect(restarted.reminderPrefs(store('b.json'))).toEqual({ enabled: true, scope: 'all' })
    expect(restarted.icsLedger(store('b.json'))).toEqual({ 'c2/publication': { date: '2027-01-15', sequence: 2 } })
  })

  it('lands two changes made in quick succession, in order', async () => {
    const state = installationState(dir)
    await Promise.all([
      state.setShownReminders(store('a.json'), { first: '2026-12-01' }),
      state.setIcsLedger(store('a.json'), { 'c1/evaluation/1': { date: '2026-12-03', sequence: 0 } }),
      state.setShownReminders(store('a.json'), { first: '2026-12-01', second: '2026-12-01' }),
    ])
    const restarted = installationState(dir)
    expect(restarted.shownReminders(store('a.json'))).toEqual({ first: '2026-12-01', second: '2026-12-01' })
    expect(restarted.icsLedger(store('a.json'))).toEqual({ 'c1/evaluation/1': { date: '2026-12-03', sequence: 0 } })
  })

  it('loses only an unreadable line: reminders switched off stay off, and the other SEQUENCEs stand', async () => {
    await writeFile(
      join(dir, 'installation.json'),
      JSON.stringify({
        [store('a.json')]: {
          reminders: { enabled: false, scope: 'all' },
          shownReminders: { good: '2026-12-01', bad: 'yesterday' },
          icsLedger: { 'c1/evaluation/1': { date: '2026-12-03', sequence: 4 }, 'c2/evaluation/1': { date: 'soon', sequence: -1 } },
        },
      }),
    )
    const state = installationState(dir)
    expect(state.reminderPrefs(store('a.json'))).toEqual({ enabled: false, scope: 'all' })
    expect(state.shownReminders(store('a.json'))).toEqual({ good: '2026-12-01' })
    expect(state.icsLedger(store('a.json'))).toEqual({ 'c1/evaluation/1': { date: '2026-12-03', sequence: 4 } })
  })

  it('counts a file that is not JSON as nothing kept, and replaces it with a good one on the next change', async () => {
    await writeFile(join(dir, 'installation.json'), '{"half": ')
    const state = installationState(dir)
    expect(state.reminderPrefs(store('a.json'))).toEqual({ enabled: true, scope: 'all' })
    await state.setReminderPrefs(store('a.json'), { enabled: true, scope: 'mine' })
    expect(JSON.parse(await readFile(join(dir, 'installation.json'), 'utf8'))).toEqual({
      [store('a.json')]: { reminders: { enabled: true, scope: 'mine' }, shownReminders: {}, icsLedger: {}, backups: { folder: null, keep: 14 } },
    })
  })
})
