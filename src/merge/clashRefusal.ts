import { DeskError } from '../errors'
import { clashText, type Action, type EditedThing } from '../i18n/clashText'

// The refusals of an edit that does not fit what is stored now, their words from src/i18n/clashText.ts. A colleague's
// save in the way is a 'conflict': the screen then shows both versions.

/** Both changed the same parts differently; `labels` name the parts (src/i18n/partLabels.ts). */
export function clashRefusal(thing: EditedThing, labels: readonly string[]): DeskError {
  return new DeskError('conflict', clashText.bothChanged(thing, labels))
}

/** A removal (or a reset, `action`) of something a colleague changed since it was shown. */
export function changedSinceRefusal(thing: EditedThing, action: 'removing' | 'resetting'): DeskError {
  return new DeskError('conflict', clashText.changedSince(thing, action))
}

/** An edit of something a colleague removed since it was opened. */
export function removedSinceRefusal(thing: EditedThing): DeskError {
  return new DeskError('conflict', clashText.removedSince(thing))
}

/** A new one whose id a colleague's save (`theirs`) took meanwhile. */
export function takenIdRefusal(theirs: EditedThing & { kind: 'policy' | 'template' }): DeskError {
  return new DeskError('conflict', clashText.takenId(theirs))
}

/**
 * An edit whose `base` is of another policy or template than the one it changes (`opened`: the base): no colleague
 * did this, the request is wrong, and merging against the other one would save a mix of both.
 */
export function otherThingRefusal(opened: EditedThing & { kind: 'policy' | 'template' }, action: Action): DeskError {
  return new DeskError('invalid_input', clashText.otherThing(opened, action))
}
