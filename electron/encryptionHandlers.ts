import { DeskError, refusal } from '../src/errors'
import type { Handlers } from '../src/ipc/contract'
import { plainText } from '../src/store/file/encoding'
import { isEncryptedEncoding, newEncryptedEncoding, wrongPassphrase, type EncryptedEncoding } from '../src/store/file/encryption'
import type { StoreSession } from './storeSession'

type EncryptionChannels = 'store:unlock' | 'encryption:status' | 'encryption:turnOn' | 'encryption:change' | 'encryption:turnOff'

/**
 * Unlocking an encrypted store, and turning its encryption on, off or to a new passphrase. Each change re-writes the
 * whole file at once through Store.setEncoding; a wrong current passphrase is refused before anything is written.
 */
export function encryptionHandlers(session: StoreSession): Pick<Handlers, EncryptionChannels> {
  const encrypted = () => {
    const encoding = session.encoding()
    return encoding !== undefined && isEncryptedEncoding(encoding)
  }
  const status = () => ({ encrypted: encrypted() })
  const unlockedEncoding = (): EncryptedEncoding => {
    // store() first: with no store open it says why in its own words.
    session.store()
    const encoding = session.encoding()
    if (encoding === undefined || !isEncryptedEncoding(encoding)) {
      throw new DeskError('invalid_input', 'This store is not encrypted, so it has no passphrase to change. Nothing was changed.')
    }
    return encoding
  }
  const checkCurrent = async (passphrase: string) => {
    if (!(await unlockedEncoding().opens(passphrase))) throw refusal('current', `${wrongPassphrase}; nothing was changed`)
  }
  return {
    // The open after it is the handlers' open (main's remembers the file), so an unlocked store is the one to start with.
    'store:unlock': async ({ passphrase }) => {
      await session.unlock(passphrase)
      return session.open(session.state().file)
    },
    'encryption:status': async () => status(),
    'encryption:turnOn': async ({ passphrase }) => {
      session.store()
      if (encrypted()) throw new DeskError('invalid_input', 'This store is already encrypted; change its passphrase instead.')
      await session.setEncoding(await newEncryptedEncoding(passphrase))
      return status()
    },
    // A new salt and key, not only a new check: whoever knew the old passphrase cannot read what is written from now on.
    'encryption:change': async ({ current, passphrase }) => {
      await checkCurrent(current)
      await session.setEncoding(await newEncryptedEncoding(passphrase))
      return status()
    },
    'encryption:turnOff': async ({ current }) => {
      await checkCurrent(current)
      await session.setEncoding(plainText)
      return status()
    },
  }
}
