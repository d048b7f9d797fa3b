import { DeskError } from '../errors'
import { listInWords } from '../i18n/partLabels'

// The refusals of an edit that a colleague's save got in the way of. Each says what happened and that nothing was
// saved; the screen then shows both versions (the refusal's code is 'conflict').

/**
 * Both changed the same parts differently. `what` names the thing as it was opened ('the settings', 'the policy
 * “Ours”'), `it` refers back to it, `labels` name the parts (src/i18n/partLabels.ts).
 */
export function clashRefusal(what: string, it: 'it' | 'them', labels: readonly string[]): DeskError {
  const things = new Set(labels).size === 1 ? 'thing' : 'things'
  return new DeskError(
    'conflict',
    `Someone else saved ${what} since you opened ${it}, and changed the same ${things}: ${listInWords(labels)}. Nothing was saved.`,
  )
}

/** A removal (or a reset, `action`) of something a colleague changed since it was shown. */
export function changedSinceRefusal(what: string, action: 'removing' | 'resetting'): DeskError {
  return new DeskError(
    'conflict',
    `Someone else changed ${what} since you opened it; look at the change before ${action} it. Nothing was ${action === 'removing' ? 'removed' : 'reset'}.`,
  )
}

/** An edit of something a colleague removed since it was opened. */
export function removedSinceRefusal(what: string): DeskError {
  return new DeskError('conflict', `Someone else removed ${what} since you opened it. Nothing was saved; your text is still in the form.`)
}

/** A new one whose id a colleague's save took meanwhile. `kind`: 'policy', 'template'. */
export function takenIdRefusal(kind: string, theirName: string): DeskError {
  return new DeskError('conflict', `Someone else saved a ${kind} with the same id (“${theirName}”) since you started this one. Nothing was saved.`)
}
