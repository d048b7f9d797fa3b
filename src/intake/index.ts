import type { CaseInput } from '../cases/case'
import { readMail, type ReadMailOptions } from './readMail'

export { attachmentFileName } from './attachmentFileName'
export { IntakeField, IntakeNote } from './notes'
export { mailSizeLimit, readMail, type ReadMail, type ReadMailOptions } from './readMail'

/**
 * The case a report saved from a mail app (.eml) opens, and its attachments with name, type, size and SHA-256.
 * Plain Node or a browser: no file system, no Electron. Rejects with a DeskError('invalid_input') whose message says
 * why, for bytes that are not a mail message or a mail that cannot be parsed.
 */
export async function caseInputFromEml(
  raw: Uint8Array,
  options?: ReadMailOptions,
): Promise<{ input: CaseInput; attachments: { name: string; type: string; size: number; sha256: string }[] }> {
  const { input, attachments } = await readMail(raw, options)
  return { input, attachments }
}
