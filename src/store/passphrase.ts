import { z } from 'zod'

/**
 * What the encryption screens send. Apart from the file layer's crypto (src/store/file/encryption.ts), because the
 * contract carries these schemas into the preload and the renderer, which must not load node:crypto.
 */

/** Twelve characters: long enough that a few words make one, short enough that people keep to it. */
export const passphraseMinLength = 12
/** Far more than anyone types; bounds what the key derivation is handed. */
const passphraseMaxLength = 1024

/** A passphrase the store already has: any length it was set with, never cut or trimmed. */
const Passphrase = z.string().min(1).max(passphraseMaxLength)
/** A passphrase to set from now on. */
export const NewPassphrase = z.string().min(passphraseMinLength).max(passphraseMaxLength)

const repeatedExactly = (r: { passphrase: string; repeat: string }) => r.passphrase === r.repeat
const notTheSame = { message: 'This is not the same as the passphrase above', path: ['repeat'] }

export const Unlock = z.object({ passphrase: Passphrase }).strict()

export const TurnOnEncryption = z
  .object({ passphrase: NewPassphrase, repeat: z.string().max(passphraseMaxLength) })
  .strict()
  .refine(repeatedExactly, notTheSame)

export const ChangePassphrase = z
  .object({ current: Passphrase, passphrase: NewPassphrase, repeat: z.string().max(passphraseMaxLength) })
  .strict()
  .refine(repeatedExactly, notTheSame)

export const TurnOffEncryption = z.object({ current: Passphrase }).strict()

/** Whether the open store's file is encrypted with a passphrase. */
export const EncryptionStatus = z.object({ encrypted: z.boolean() })
export type EncryptionStatus = z.infer<typeof EncryptionStatus>
