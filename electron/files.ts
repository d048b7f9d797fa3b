import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, shell, type BrowserWindow } from 'electron'
import { importSizeLimit } from '../src/export/storeExport'
import { emlSizeLimit } from '../src/ipc/contract'
import { atomicWrite } from '../src/store/file/atomicWrite'
import type { ChosenFile, SaveFileOptions } from './handlers'

/**
 * The person picks the place in the system's save dialog; the file is written beside it and renamed over, so a draft
 * or an attachment saved over an older copy is never left half written.
 */
export async function saveFileAs(window: BrowserWindow, options: SaveFileOptions, content: string | Uint8Array): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: options.title,
    defaultPath: options.suggestedName,
    filters: options.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  if (result.canceled || !result.filePath) return null
  await atomicWrite(result.filePath, content)
  return result.filePath
}

/** A saved mail the person picks in the system's open dialog, read up to one byte past the limit (the import refuses it then). */
export async function chooseEmlFile(window: BrowserWindow): Promise<ChosenFile | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Import a report from email',
    properties: ['openFile'],
    filters: [
      { name: 'Saved email', extensions: ['eml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  const path = result.canceled ? undefined : result.filePaths[0]
  if (!path) return null
  return { name: basename(path), bytes: await readAtMost(path, emlSizeLimit + 1) }
}

/** An export or a store file the person picks to import, read up to one byte past the limit (the import refuses it then). */
export async function chooseImportFile(window: BrowserWindow): Promise<ChosenFile | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Import cases from an export or a store file',
    properties: ['openFile'],
    filters: [
      { name: 'Disclosure Desk export or store', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  const path = result.canceled ? undefined : result.filePaths[0]
  if (!path) return null
  return { name: basename(path), bytes: await readAtMost(path, importSizeLimit + 1) }
}

async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const size = Math.min((await file.stat()).size, limit)
    const bytes = new Uint8Array(size)
    let read = 0
    while (read < size) {
      const { bytesRead } = await file.read(bytes, read, size - read, read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    return bytes.subarray(0, read)
  } finally {
    await file.close()
  }
}

/** The system's mail app opens the URL as a new message; a system with none rejects, which the screen tells the person. */
export async function openInMailApp(url: string): Promise<boolean> {
  // Only ever a link toMailto built; anything else handed to the system could start another program.
  if (!url.startsWith('mailto:')) return false
  try {
    await shell.openExternal(url)
    return true
  } catch (error) {
    console.error('No mail app took the mailto: link:', error)
    return false
  }
}
