import { listInWords } from './partLabels'

// The words of the refusals of an edit that does not fit what is stored now: a colleague's save got in the way, or the
// edit names another thing than it saves. Each says what happened and what was not saved; src/merge/clashRefusal.ts
// makes them errors.

/** What an edit was made on, as a refusal names it. */
export type EditedThing = { kind: 'settings' } | { kind: 'policy' | 'template'; name: string }

/** What is not done when an edit is refused: `saving` it, `removing` or `resetting` the thing. */
export type Action = 'saving' | 'removing' | 'resetting'

const named = (thing: EditedThing) => (thing.kind === 'settings' ? 'the settings' : `the ${thing.kind} “${thing.name}”`)
const pronoun = (thing: EditedThing) => (thing.kind === 'settings' ? 'them' : 'it')
const notDone: Record<Action, string> = { saving: 'Nothing was saved.', removing: 'Nothing was removed.', resetting: 'Nothing was reset.' }

export const clashText = {
  /** Both changed the same parts differently; `labels` name the parts (./partLabels.ts). */
  bothChanged(thing: EditedThing, labels: readonly string[]): string {
    const things = new Set(labels).size === 1 ? 'thing' : 'things'
    return `Someone else saved ${named(thing)} since you opened ${pronoun(thing)}, and changed the same ${things}: ${listInWords(labels)}. ${notDone.saving}`
  },

  /** A removal or reset of something a colleague changed since it was shown. */
  changedSince(thing: EditedThing, action: 'removing' | 'resetting'): string {
    return `Someone else changed ${named(thing)} since you opened it; look at the change before ${action} it. ${notDone[action]}`
  },

  /** An edit of something a colleague removed since it was opened. */
  removedSince(thing: EditedThing): string {
    return `Someone else removed ${named(thing)} since you opened it. Nothing was saved; your text is still in the form.`
  },

  /** A new one whose id a colleague's save (`theirs`) took meanwhile. */
  takenId(theirs: EditedThing & { kind: 'policy' | 'template' }): string {
    return `Someone else saved a ${theirs.kind} with the same id (“${theirs.name}”) since you started this one. ${notDone.saving}`
  },

  /** The version an edit says it started from (`opened`) is of another policy or template than the one it changes. */
  otherThing(opened: EditedThing & { kind: 'policy' | 'template' }, action: Action): string {
    const { kind, name } = opened
    const asked = {
      saving: `This change was made on another ${kind} (“${name}”) than the one it would save.`,
      removing: `This removal was asked for on another ${kind} (“${name}”) than the one it would remove.`,
      resetting: `This reset was asked for on another ${kind} (“${name}”) than the one it would reset.`,
    }[action]
    const again = { saving: 'make the change there', removing: 'remove it from there', resetting: 'reset it from there' }[action]
    return `${asked} ${notDone[action]} Open the ${kind} again and ${again}.`
  },
}
