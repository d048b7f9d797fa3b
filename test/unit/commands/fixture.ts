import type { CaseInput } from '../../../src/cases/case'
import { runCommand, type Command, type CommandContext, type ResultOf } from '../../../src/commands'
import type { Actor } from '../../../src/commands/context'
import { DeskError } from '../../../src/errors'
import { emptyDocument, type StoreDocument } from '../../../src/store/document'

/** Tue 1 Dec 2026, 10:00 in Amsterdam: every command test runs on this clock unless it moves it. */
export const now = new Date('2026-12-01T09:00:00.000Z')

export const ana = { id: 'm-ana', name: 'Ana Silva', email: 'ana@example.org' }
export const ben = { id: 'm-ben', name: 'Ben Okafor', email: 'ben@example.org' }

/** A context with a fixed clock, Ana acting and ids id-1, id-2, … */
export function contextAt(at: Date = now, actor = { memberId: ana.id, name: ana.name }): CommandContext {
  let n = 0
  return { now: at, actor, newId: () => `id-${++n}` }
}

/** A store with Ana and Ben on the team and nothing else. */
export function teamDocument(): StoreDocument {
  const doc = emptyDocument()
  return { ...doc, settings: { ...doc.settings, team: [ana, ben], currentMemberId: ana.id } }
}

export const idor: CaseInput = {
  title: 'IDOR in invoice API',
  reporter: { name: 'Lena Fischer', email: 'lena@fischer.example' },
  // Fri 27 Nov 2026 16:10 in Amsterdam.
  received: { at: '2026-11-27T16:10:00+01:00', timeZone: 'Europe/Amsterdam' },
}

/**
 * Runs commands one after the other on one document, as the store would, each with its own ids (prefixed by step) so
 * that events of different commands never share an id.
 */
export function desk(doc: StoreDocument = teamDocument(), at: Date = now) {
  let step = 0
  const state = {
    doc,
    at,
    run<C extends Command>(command: C, actor?: Actor): ResultOf<C> {
      step++
      let n = 0
      const prefix = `s${step}-`
      const ctx: CommandContext = { now: state.at, actor: actor ?? { memberId: ana.id, name: ana.name }, newId: () => `${prefix}${++n}` }
      const outcome = runCommand(state.doc, command, ctx)
      state.doc = outcome.document
      return outcome.result
    },
  }
  return state
}

/** The DeskError a command throws, to assert its code, message and field issues. */
export function refusalOf(action: () => unknown): DeskError {
  try {
    action()
  } catch (error) {
    if (error instanceof DeskError) return error
    throw error
  }
  throw new Error('expected a refusal, but the command went through')
}
