import { screen, waitFor, within } from '@testing-library/react'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { deskPerTest, giveElementsTheListViewportSize, renderApp } from './renderApp'

const desks = deskPerTest()

beforeAll(giveElementsTheListViewportSize)

async function corruptStore(): Promise<{ file: string; text: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-corrupt-'))
  desks.afterTest(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'disclosure-desk.json')
  const text = '{"schemaVersion":1,"cases":[{"id":"a","title":"Half a ca'
  await writeFile(file, text)
  return { file, text, dir }
}

const bodyRows = () => within(screen.getByRole('table', { name: 'Cases' })).getAllByRole('row').slice(1)

describe('recovery screen', () => {
  it('names the unreadable file and its problem, says it was not changed, and leaves it untouched', async () => {
    const { file, text } = await corruptStore()
    const testDesk = await desks.open({ file })
    renderApp(testDesk.desk)

    expect(await screen.findByRole('heading', { level: 1, name: 'The case store could not be opened' })).toBeInTheDocument()
    expect(screen.getByText(file)).toBeInTheDocument()
    const state = await testDesk.desk.app.state({})
    expect(state.ok && state.value.kind === 'recovery' && screen.getByText(`The file ${state.value.problem}.`)).toBeInTheDocument()
    expect(screen.getByText('The file was not changed.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Open another file…' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Start a new store elsewhere…' })).toBeInTheDocument()
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it('stays on the recovery screen when the file dialog is cancelled', async () => {
    const { file } = await corruptStore()
    const testDesk = await desks.open({ file })
    const { user } = renderApp(testDesk.desk)
    await user.click(await screen.findByRole('button', { name: 'Open another file…' }))
    expect(screen.getByRole('heading', { level: 1, name: 'The case store could not be opened' })).toBeInTheDocument()
    expect(screen.getByText(file)).toBeInTheDocument()
  })

  it('starts a new store elsewhere: the empty app opens and the broken file is still as it was', async () => {
    const { file, text, dir } = await corruptStore()
    const testDesk = await desks.open({ file })
    testDesk.dialogs.create = join(dir, 'fresh.json')
    const { user } = renderApp(testDesk.desk)

    await user.click(await screen.findByRole('button', { name: 'Start a new store elsewhere…' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'No cases yet' })).toBeInTheDocument()
    expect(screen.getByText('fresh.json')).toBeInTheDocument()
    expect(await readFile(file, 'utf8')).toBe(text)
  })
})

describe('empty store and sample cases', () => {
  it('an empty store offers New case and Load sample cases; New case opens the form', async () => {
    const testDesk = await desks.open()
    const { user } = renderApp(testDesk.desk)

    expect(await screen.findByRole('heading', { level: 1, name: 'No cases yet' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Load sample cases' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'New case' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'New case' })).toBeInTheDocument()
  })

  it('loads the sample cases, marks them, and removes them again in one click', async () => {
    const { desk } = await desks.open()
    const { user } = renderApp(desk)

    await user.click(await screen.findByRole('button', { name: 'Load sample cases' }))

    await waitFor(() => expect(screen.getByRole('table', { name: 'Cases' })).toBeInTheDocument())
    const list = await desk.cases.list({})
    const count = list.ok ? list.value.length : 0
    expect(count).toBeGreaterThanOrEqual(10)
    expect(bodyRows()).toHaveLength(count)
    expect(bodyRows().every((row) => within(row).queryByText('Sample'))).toBe(true)
    expect(screen.getByRole('status')).toHaveTextContent('Sample cases are loaded.')

    await user.click(screen.getByRole('button', { name: 'Remove sample cases' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'No cases yet' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Remove sample cases' })).not.toBeInTheDocument()
    const after = await desk.cases.list({})
    expect(after.ok && after.value).toEqual([])
  })

  it('the sample notice stays visible on other screens while samples exist', async () => {
    const testDesk = await desks.open()
    await testDesk.desk.samples.load({})
    const { user } = renderApp(testDesk.desk)
    await user.click(await screen.findByRole('link', { name: 'Settings' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Remove sample cases' })).toBeInTheDocument()
  })
})
