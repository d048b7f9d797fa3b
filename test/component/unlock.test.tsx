import { screen, waitFor, within } from '@testing-library/react'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { emptyDocument } from '../../src/store/document'
import { newEncryptedEncoding } from '../../src/store/file/encryption'
import { caseInput, deskPerTest, giveElementsTheListViewportSize, renderApp, value } from './renderApp'

const desks = deskPerTest()
const passphrase = 'four unrelated words here'

beforeAll(giveElementsTheListViewportSize)

/** A store file encrypted with `passphrase` holding one case, written the way an encrypted store writes itself. */
async function encryptedStore(): Promise<{ file: string; bytes: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-desk-locked-'))
  desks.afterTest(() => rm(dir, { recursive: true, force: true }))
  const plain = join(dir, 'plain.json')
  // The case as the app makes it, so the fixture passes every check a real store does.
  const maker = await desks.open({ file: plain, watch: false })
  await value(maker.desk.cases.create(caseInput({ title: 'Locked-away XSS <b>bold</b>' })))
  const document = JSON.parse(await readFile(plain, 'utf8')) as ReturnType<typeof emptyDocument>
  await maker.dispose()
  const encoding = await newEncryptedEncoding(passphrase)
  const bytes = Buffer.concat(await encoding.encode([new TextEncoder().encode(JSON.stringify({ ...document, generation: 1 }))], 1))
  const file = join(dir, 'locked.json')
  await writeFile(file, bytes)
  return { file, bytes }
}

describe('unlock screen', () => {
  it('asks for the passphrase of an encrypted store, refuses a wrong one at the field, and opens with the right one', async () => {
    const { file, bytes } = await encryptedStore()
    const testDesk = await desks.open({ file })
    const { user } = renderApp(testDesk.desk)

    expect(await screen.findByRole('heading', { level: 1, name: 'This case store is encrypted' })).toBeInTheDocument()
    expect(screen.getByText(file)).toBeInTheDocument()
    expect(screen.getByText(/A forgotten passphrase cannot be recovered/)).toBeInTheDocument()
    const field = screen.getByLabelText('Passphrase')
    expect(field).toHaveAttribute('type', 'password')
    expect(field).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(screen.getByText('Enter the passphrase of this store')).toBeInTheDocument()

    await user.type(field, 'four unrelated words there')
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText('That passphrase does not open this store', {}, { timeout: 20_000 })).toBeInTheDocument()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('That passphrase does not open this store')
    expect(Buffer.from(await readFile(file)).equals(bytes)).toBe(true)

    await user.clear(field)
    await user.type(field, passphrase)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(screen.getByRole('table', { name: 'Cases' })).toBeInTheDocument(), { timeout: 20_000 })
    expect(within(screen.getByRole('table', { name: 'Cases' })).getByText('Locked-away XSS <b>bold</b>')).toBeInTheDocument()
    expect(Buffer.from(await readFile(file)).equals(bytes)).toBe(true)
  }, 60_000)

  it('is what a restart shows again: the key is not kept past the app', async () => {
    const { file } = await encryptedStore()
    const testDesk = await desks.open({ file })
    expect(await value(testDesk.desk.store.unlock({ passphrase }))).toMatchObject({ kind: 'ready', caseCount: 1 })
    await testDesk.restart()
    expect(await value(testDesk.desk.app.state({}))).toEqual({ kind: 'locked', file })
    const refused = await testDesk.desk.cases.list({})
    expect(refused.ok === false && refused.error.message).toBe(`The store ${file} is encrypted. Enter its passphrase to open it.`)
  }, 60_000)
})
