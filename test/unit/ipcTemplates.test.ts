import { afterEach, describe, expect, it } from 'vitest'
import { shippedTemplates } from '../../src/drafts/shippedTemplates'
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

const acknowledgement = shippedTemplates.find((s) => s.id === 'acknowledgement')!

describe('templates over IPC', () => {
  it('lists every shipped template, unedited, on a new store', async () => {
    t = await createTestDesk()
    const listed = value(await t.desk.templates.list({}))
    expect(listed.map((e) => [e.id, e.shipped, e.edited])).toEqual(shippedTemplates.map((s) => [s.id, true, false]))
  })

  it("saves an edit of a shipped template and the team's own copy, tells the window, and resets the edit on remove", async () => {
    t = await createTestDesk()
    const edited = { ...acknowledgement, texts: { ...acknowledgement.texts, en: { subject: '[{{ case_key }}] Received', body: 'Thanks.' } } }
    expect(value(await t.desk.templates.save({ template: edited, base: acknowledgement }))).toEqual(edited)
    const copy = { ...acknowledgement, id: 'ack-short', name: 'Short acknowledgement', basedOn: 'acknowledgement' }
    value(await t.desk.templates.save({ template: copy, base: null }))
    expect(t.events.filter((e) => e.name === 'templates:changed')).toEqual([
      { name: 'templates:changed', payload: {} },
      { name: 'templates:changed', payload: {} },
    ])

    const listed = value(await t.desk.templates.list({}))
    expect(listed.find((e) => e.id === 'acknowledgement')).toEqual({ ...edited, shipped: true, edited: true })
    expect(listed.at(-1)).toEqual({ ...copy, shipped: false, edited: false })

    expect(value(await t.desk.templates.remove({ id: 'acknowledgement', base: edited }))).toEqual({ removed: true })
    expect(value(await t.desk.templates.remove({ id: 'ack-short', base: copy }))).toEqual({ removed: true })
    const after = value(await t.desk.templates.list({}))
    expect(after.find((e) => e.id === 'acknowledgement')).toEqual({ ...acknowledgement, shipped: true, edited: false })
    expect(after.some((e) => e.id === 'ack-short')).toBe(false)
  })

  it('refuses a template id that is not lowercase letters, digits, - and _, at the field', async () => {
    t = await createTestDesk()
    const refused = await t.desk.templates.save({ template: { ...acknowledgement, id: '../Evil' }, base: null })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.issues).toEqual([{ path: 'template.id', message: 'Use lowercase letters, digits, - and _' }])
  })

  it('refuses, in words, to remove a shipped template that was never edited', async () => {
    t = await createTestDesk()
    const refused = await t.desk.templates.remove({ id: 'acknowledgement', base: acknowledgement })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'This template is shipped with the app and has not been edited: there is nothing to reset, and it cannot be removed.',
        issues: [],
      },
    })
  })
})
