import { useState, type FormEvent } from 'react'
import { useAction } from '../shell/useAction'
import { refusedFields } from './passphraseErrors'

/**
 * One passphrase typed and sent (to unlock the store, or to read its encrypted backups): an empty one is asked for at
 * the field, a wrong one refused there; any other failure goes to the problem area. Typing clears the refusal.
 */
export function usePassphraseEntry<T>(send: (passphrase: string) => Promise<T>, onAnswer: (answer: T) => void) {
  const { busy, run } = useAction()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | undefined>()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (passphrase === '') return setError('Enter the passphrase of this store')
    setError(undefined)
    return run(async () => {
      try {
        onAnswer(await send(passphrase))
      } catch (failure) {
        const atField = refusedFields(failure)?.['passphrase']
        if (atField === undefined) throw failure
        setError(atField)
      }
    })
  }
  const change = (value: string) => {
    setPassphrase(value)
    setError(undefined)
  }
  return { busy, passphrase, error, submit, change }
}
