import { useCallback, useState } from 'react'
import { useProblems } from './Problems'

/**
 * Runs one action a button starts: `busy` while it runs, so the button can be turned off against a second click; a
 * failure is shown in the problem area.
 */
export function useAction(): { busy: boolean; run(action: () => Promise<void>): Promise<void> } {
  const { report } = useProblems()
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true)
      try {
        await action()
      } catch (error) {
        report(error)
      } finally {
        setBusy(false)
      }
    },
    [report],
  )
  return { busy, run }
}
