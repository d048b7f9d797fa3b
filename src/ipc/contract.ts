import { z } from 'zod'
import { CalendarSpec, IsoDate, PlaceName, RegionHoliday } from '../calendar/spec'
import { Case, CaseInput, CasePatch, Rating } from '../cases/case'
import { CaseStatus, Transition } from '../cases/lifecycle'
import { Deadline, DeadlineState } from '../deadlines/deadline'
import { Milestone, Policy } from '../policies/policy'
import { Settings } from '../settings/settings'

export const AppState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), file: z.string(), caseCount: z.number().int() }),
  /** The store file could not be read; it was left untouched. */
  z.object({ kind: z.literal('recovery'), file: z.string(), problem: z.string() }),
])
export type AppState = z.infer<typeof AppState>

/** One row of the case list: enough to sort, filter and search without loading every case. */
export const CaseSummary = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  reporterName: z.string(),
  reporterEmail: z.string(),
  reporterHandle: z.string().optional(),
  status: CaseStatus,
  rating: Rating.optional(),
  score: z.number().optional(),
  assigneeId: z.string().optional(),
  tags: z.array(z.string()),
  receivedAt: z.string(),
  updatedAt: z.string(),
  sample: z.boolean(),
  /** Lower-cased key, title, reporter and report text, for full-text search in the list. */
  searchText: z.string(),
  /** The most urgent promise still open on the case, if any. */
  nextDeadline: z
    .object({ label: z.string(), state: DeadlineState, dueDate: IsoDate.nullable(), dueAt: z.string().nullable() })
    .optional(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const Places = z.object({
  countries: z.array(PlaceName),
  states: z.array(PlaceName),
  regions: z.array(PlaceName),
  /** The zone date-holidays gives the chosen place, used when the settings name none. */
  timeZone: z.string().nullable(),
})
export type Places = z.infer<typeof Places>

/** The settings screen lists a year's holidays in this shape. */
export { RegionHoliday }

export const PolicyEntry = Policy.extend({ preset: z.boolean() })
export type PolicyEntry = z.infer<typeof PolicyEntry>

const Empty = z.object({}).strict()
const ById = z.object({ id: z.string().min(1) })
const Revised = ById.extend({ revision: z.number().int().min(1) })

/** Every channel between renderer and main: the preload, the main process and the e2e bridge all use this object. */
export const contract = {
  'app:state': { req: Empty, res: AppState },
  'store:openOther': { req: Empty, res: AppState },
  'store:createNew': { req: Empty, res: AppState },
  'cases:list': { req: Empty, res: z.array(CaseSummary) },
  'cases:get': { req: ById, res: Case },
  'cases:create': { req: CaseInput, res: Case },
  'cases:update': { req: Revised.extend({ patch: CasePatch }), res: Case },
  'cases:transition': { req: Revised.extend({ transition: Transition }), res: Case },
  'cases:addNote': { req: ById.extend({ text: z.string().trim().min(1, 'Write a note first').max(100_000) }), res: Case },
  'cases:recordMilestone': {
    req: ById.extend({ milestone: Milestone, on: z.iso.datetime({ offset: true }), comment: z.string().max(10_000).optional() }),
    res: Case,
  },
  'cases:repinCalendar': { req: ById, res: Case },
  'deadlines:ofCase': { req: ById, res: z.array(Deadline) },
  'policies:list': { req: Empty, res: z.array(PolicyEntry) },
  'policies:save': { req: Policy, res: Policy },
  'policies:remove': { req: ById, res: z.object({ removed: z.boolean() }) },
  'calendar:places': {
    req: z.object({ country: z.string().max(3).optional(), state: z.string().max(10).optional() }),
    res: Places,
  },
  'calendar:holidays': { req: z.object({ spec: CalendarSpec, year: z.number().int().min(1900).max(2200) }), res: z.array(RegionHoliday) },
  'samples:load': { req: Empty, res: z.object({ added: z.number().int() }) },
  'samples:remove': { req: Empty, res: z.object({ removed: z.number().int() }) },
  'settings:get': { req: Empty, res: Settings },
  'settings:update': { req: Settings, res: Settings },
  'external:open': { req: z.object({ url: z.string().max(4000) }), res: z.object({ opened: z.boolean() }) },
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type Req<C extends Channel> = z.input<Contract[C]['req']>
export type Res<C extends Channel> = z.output<Contract[C]['res']>

export const ErrorCode = z.enum(['invalid_input', 'not_found', 'conflict', 'invalid_transition', 'store_unavailable', 'internal'])
export type ErrorCode = z.infer<typeof ErrorCode>

export const DeskErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Which field is wrong and why, for forms. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
})
export type DeskErrorBody = z.infer<typeof DeskErrorBody>

/** What crosses the IPC boundary: a value or an error a person can act on, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorBody }

export type Handlers = { [C in Channel]: (req: z.output<Contract[C]['req']>) => Promise<Res<C>> }

/** 'cases:list' becomes desk.cases.list(req). */
type Group<C extends string> = C extends `${infer G}:${string}` ? G : never
type Method<C extends string> = C extends `${string}:${infer M}` ? M : never
export type DeskApi = {
  [G in Group<Channel>]: {
    [C in Channel as Group<C> extends G ? Method<C> : never]: (req: Req<C>) => Promise<Result<Res<C>>>
  }
}

export const channels = Object.keys(contract) as Channel[]

export function splitChannel(channel: Channel): [group: string, method: string] {
  const [group, method] = channel.split(':') as [string, string]
  return [group, method]
}
