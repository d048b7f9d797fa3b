import { createMessage, encrypt, readKey, type Key } from 'openpgp'
import { DeskError } from '../errors'

/** What the app can say about the key a reporter gave: who it names and whether it still works, or why it cannot be used. */
export type PublicKeyInfo = { fingerprint: string; userIds: string[]; expired: boolean } | { problem: string }

const askAgain = 'Ask the reporter for their current public key, the text that starts with -----BEGIN PGP PUBLIC KEY BLOCK-----.'

type ReadKey = { key: Key; expiredOn: Date | undefined } | { problem: string }

/** Reads an armored public key with OpenPGP.js and checks it can encrypt today; every failure is said in words. */
async function readPublicKey(armored: string, now: Date): Promise<ReadKey> {
  let key: Key
  try {
    key = await readKey({ armoredKey: armored })
  } catch (error) {
    return { problem: `The reporter's PGP key cannot be read (${(error as Error).message}). ${askAgain}` }
  }
  // A private key pasted by mistake must not be used as the reporter's key: whoever holds it can read their mail.
  if (key.isPrivate()) return { problem: `This is a private PGP key, which should never be shared. ${askAgain}` }
  if (await key.isRevoked(undefined, undefined, now)) return { problem: `The reporter's PGP key was revoked by its owner. ${askAgain}` }
  const expires = await key.getExpirationTime()
  if (expires instanceof Date && expires.getTime() <= now.getTime()) return { key, expiredOn: expires }
  try {
    await key.getEncryptionKey(undefined, now)
  } catch (error) {
    return { problem: `The reporter's PGP key cannot encrypt (${(error as Error).message}). ${askAgain}` }
  }
  return { key, expiredOn: undefined }
}

/** Fingerprint and user ids of the reporter's key, whether it has expired, or the problem that keeps it from use. */
export async function publicKeyInfo(armored: string, now: Date = new Date()): Promise<PublicKeyInfo> {
  const read = await readPublicKey(armored, now)
  if ('problem' in read) return read
  return { fingerprint: read.key.getFingerprint(), userIds: read.key.getUserIDs(), expired: read.expiredOn !== undefined }
}

/** The reporter's key ready to encrypt to, or a DeskError saying why it cannot be used and what to ask for. */
async function usableKey(armoredPublicKey: string, now: Date): Promise<Key> {
  const read = await readPublicKey(armoredPublicKey, now)
  if ('problem' in read) throw new DeskError('invalid_input', read.problem)
  if (read.expiredOn !== undefined) {
    throw new DeskError('invalid_input', `The reporter's PGP key expired on ${read.expiredOn.toISOString().slice(0, 10)}. ${askAgain}`)
  }
  return read.key
}

/**
 * The text encrypted to the reporter's public key as an ASCII-armored OpenPGP message, to paste into any mail client.
 * A key that cannot be used is refused with a DeskError saying why and what to ask the reporter for.
 */
export async function encryptFor(text: string, armoredPublicKey: string, now: Date = new Date()): Promise<string> {
  const key = await usableKey(armoredPublicKey, now)
  return encrypt({ message: await createMessage({ text }), encryptionKeys: key, date: now })
}

/**
 * A MIME entity encrypted for PGP/MIME, armored. It goes in as binary literal data, as PGP/MIME clients write it:
 * OpenPGP's text mode would hand the entity back with LF line endings, and a MIME entity is CRLF.
 */
export async function encryptEntity(entity: string, armoredPublicKey: string, now: Date = new Date()): Promise<string> {
  const key = await usableKey(armoredPublicKey, now)
  const message = await createMessage({ binary: new TextEncoder().encode(entity), format: 'binary' })
  return encrypt({ message, encryptionKeys: key, date: now })
}
