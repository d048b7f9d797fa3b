import { z } from 'zod'
import type { Case } from '../cases/case'
import type { DraftTemplate } from '../drafts/template'
import { DeskError } from '../errors'
import type { ImportResult } from '../export/importChoice'
import type { Policy } from '../policies/policy'
import type { Settings } from '../settings/settings'
import type { StoreDocument } from '../store/document'
import type { CommandContext, Outcome } from './context'
import { correctEvent, CorrectEvent, withdrawEvent, WithdrawEvent } from './corrections'
import { createCase, CreateCase } from './createCase'
import { importCases, ImportCases } from './importCases'
import { removePolicy, RemovePolicy, savePolicy, SavePolicy } from './policies'
import { promiseResolution, PromiseResolution } from './promiseResolution'
import { recordEmail, RecordEmail } from './recordEmail'
import { loadSamples, LoadSamples, removeSamples, RemoveSamples } from './samples'
import { removeTemplate, RemoveTemplate, saveTemplate, SaveTemplate } from './templates'
import { addNote, AddNote, recordMilestone, RecordMilestone, repinCalendar, RepinCalendar } from './timelineEntries'
import { revertStatus, RevertStatus, transitionCase, TransitionCase } from './transitionCase'
import { updateCase, UpdateCase } from './updateCase'
import { updateSettings, UpdateSettings } from './updateSettings'

export type { Actor, CommandContext, Outcome } from './context'
export { DomainEvent } from './events'

/** Every change to a store, one schema per command: what the handlers, the store and the tests send. */
export const Command = z.discriminatedUnion('type', [
  CreateCase,
  UpdateCase,
  TransitionCase,
  RevertStatus,
  AddNote,
  RecordMilestone,
  CorrectEvent,
  WithdrawEvent,
  RepinCalendar,
  RecordEmail,
  PromiseResolution,
  LoadSamples,
  RemoveSamples,
  UpdateSettings,
  SavePolicy,
  RemovePolicy,
  SaveTemplate,
  RemoveTemplate,
  ImportCases,
])
/** As a caller writes it: the commands parse their payload themselves, filling defaults and refusing in the user's words. */
export type Command = z.input<typeof Command>
export type CommandType = Command['type']

interface Results {
  'case.create': Case
  'case.update': Case
  'case.transition': Case
  'case.revertStatus': Case
  'case.addNote': Case
  'case.recordMilestone': Case
  'case.correctEvent': Case
  'case.withdrawEvent': Case
  'case.repinCalendar': Case
  'case.recordEmail': Case
  'case.promiseResolution': Case
  'samples.load': { added: number }
  'samples.remove': { removed: number }
  'settings.update': Settings
  'policy.save': Policy
  'policy.remove': { removed: true }
  'template.save': DraftTemplate
  'template.remove': { removed: true }
  'cases.import': ImportResult
}
export type ResultOf<C extends Command> = Results[C['type']]

type Run<T extends CommandType> = (doc: StoreDocument, command: Extract<Command, { type: T }>, ctx: CommandContext) => Outcome<Results[T]>

const commands: { [T in CommandType]: Run<T> } = {
  'case.create': createCase,
  'case.update': updateCase,
  'case.transition': transitionCase,
  'case.revertStatus': revertStatus,
  'case.addNote': addNote,
  'case.recordMilestone': recordMilestone,
  'case.correctEvent': correctEvent,
  'case.withdrawEvent': withdrawEvent,
  'case.repinCalendar': repinCalendar,
  'case.recordEmail': recordEmail,
  'case.promiseResolution': promiseResolution,
  'samples.load': loadSamples,
  'samples.remove': removeSamples,
  'settings.update': updateSettings,
  'policy.save': savePolicy,
  'policy.remove': removePolicy,
  'template.save': saveTemplate,
  'template.remove': removeTemplate,
  'cases.import': importCases,
}

/**
 * Applies one command to the document: pure, so the same document, command and context give the same outcome. A
 * refusal throws a DeskError and leaves the document as it was; `outcome.document === document` when nothing changed.
 */
export function runCommand<C extends Command>(document: StoreDocument, command: C, context: CommandContext): Outcome<ResultOf<C>> {
  const run = commands[command.type as C['type']] as unknown as Run<C['type']> | undefined
  if (!run) throw new DeskError('internal', `This version of Disclosure Desk does not know the change “${String(command.type)}”.`)
  return run(document, command as Extract<Command, { type: C['type'] }>, context) as Outcome<ResultOf<C>>
}
