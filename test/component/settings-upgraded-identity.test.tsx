import { writeFile } from 'node:fs/promises'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { emptyDocument } from '../../src/store/document'
import { deskPerTest, renderApp, value } from './renderApp'

const desks = deskPerTest()

const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }

describe('settings: "I am" on a store an older version kept it in', { timeout: 20_000 }, () => {
  it('stays on the person after "Add member", so drafts keep their sender', async () => {
    const testDesk = await desks.open()
    const settings = { ...emptyDocument().settings, team: [ana], currentMemberId: ana.id }
    await writeFile(testDesk.file, JSON.stringify({ ...emptyDocument(), settings }))
    await testDesk.restart()
    const { user } = renderApp(testDesk.desk, '/settings')
    await waitFor(() => expect(screen.getByLabelText('I am')).toHaveDisplayValue('Ana Silva'))

    await user.type(screen.getByLabelText('Member name'), 'Ben Okafor')
    await user.type(screen.getByLabelText('Member email'), 'ben@example.org')
    await user.click(screen.getByRole('button', { name: 'Add member' }))

    await screen.findByRole('cell', { name: 'Ben Okafor' })
    expect(screen.getByLabelText('I am')).toHaveDisplayValue('Ana Silva')
    expect(await value(testDesk.desk.identity.get({}))).toEqual({ memberId: ana.id })
  })
})
