// A three-way merge by parts: a value is split into named parts (a field, a team member's email, a policy rule), and
// this person's edit and a colleague's save, both made on the same `base`, are put together part by part. What only
// one of them changed is taken as is; what both changed to the same value is fine; what both changed differently,
// the person chooses. The caller names the parts (they may depend on the value, e.g. one per team member id) and says
// how to read a part of a value.

/** Equal as stored: objects by their keys (a key holding undefined counts as absent), arrays in order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false
  }
  return true
}

/**
 * 'mine': only this person changed the part, taken without asking. 'same': both changed it to the same value. 'both':
 * both changed it differently, the person chooses.
 */
export type Side = 'mine' | 'same' | 'both'

/** A part this person edited, with its value on each side. */
export interface PartEdit<P extends string = string> {
  part: P
  base: unknown
  mine: unknown
  theirs: unknown
  side: Side
}

/** The parts `mine` changed relative to `base`, in `parts` order, each with what `theirs` holds there. */
export function compareParts<T, P extends string>(
  parts: readonly P[],
  valueAt: (value: T, part: P) => unknown,
  base: T,
  mine: T,
  theirs: T,
): PartEdit<P>[] {
  const edits: PartEdit<P>[] = []
  for (const part of parts) {
    const was = valueAt(base, part)
    const mineValue = valueAt(mine, part)
    if (sameValue(was, mineValue)) continue
    const theirValue = valueAt(theirs, part)
    const side: Side = sameValue(was, theirValue) ? 'mine' : sameValue(mineValue, theirValue) ? 'same' : 'both'
    edits.push({ part, base: was, mine: mineValue, theirs: theirValue, side })
  }
  return edits
}

/** Parts only `theirs` changed (not edited by this person): kept as the colleague saved them, nothing to ask. */
export function theirOnlyParts<T, P extends string>(
  parts: readonly P[],
  valueAt: (value: T, part: P) => unknown,
  base: T,
  theirs: T,
  edits: readonly PartEdit<P>[],
): P[] {
  const mine = new Set<string>(edits.map((e) => e.part))
  return parts.filter((part) => !mine.has(part) && !sameValue(valueAt(base, part), valueAt(theirs, part)))
}

export type Choice = 'mine' | 'theirs'
export type Choices<P extends string = string> = Partial<Record<P, Choice>>

/** The parts both changed differently for which no choice was made yet. */
export function unchosen<P extends string>(edits: readonly PartEdit<P>[], choices: Choices<P>): P[] {
  return edits.filter((e) => e.side === 'both' && choices[e.part] === undefined).map((e) => e.part)
}

/**
 * Whether this person's value of the part is the one to save: only they changed it, or both changed it and they chose
 * their own ('mine'). A part both changed to the same value needs no saving: theirs already holds it.
 */
export function keepsMine<P extends string>(edit: PartEdit<P>, choices: Choices<P>): boolean {
  return edit.side === 'mine' || (edit.side === 'both' && choices[edit.part] === 'mine')
}

/** Throws when a part both changed has no choice yet: a merge is saved only once `unchosen` is empty. */
export function assertChosen<P extends string>(edits: readonly PartEdit<P>[], choices: Choices<P>): void {
  const missing = unchosen(edits, choices)
  if (missing.length > 0) throw new Error(`No choice made for ${missing.join(', ')}`)
}
