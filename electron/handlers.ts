import { countries, holidaysOf, regionsOf, statesOf, defaultTimeZone } from '../src/calendar'
import type { Case } from '../src/cases/case'
import { toSummary } from '../src/cases/summary'
import { deadlinesOf } from '../src/deadlines'
import { createNextDeadlineCache } from '../src/deadlines/nextDeadlineCache'
import { DeskError } from '../src/errors'
import type { Handlers } from '../src/ipc/contract'
import { externalLink } from '../src/links/externalLink'
import { allPolicies, policyById } from '../src/policies/catalog'
import { presetPolicies } from '../src/policies/presets'
import { validatePolicy } from '../src/policies/validatePolicy'
import type { StoreSession } from './storeSession'

/** What only the desktop shell can do: native dialogs and the system browser. The e2e bridge supplies its own. */
export interface Shell {
  chooseStoreToOpen(): Promise<string | null>
  chooseNewStoreLocation(): Promise<string | null>
  confirmAndOpenExternal(url: URL): Promise<boolean>
}

/** One plain async function per channel; each is a thin call into src/. Imports no electron, so Node tests load it. */
export function createHandlers(session: StoreSession, shell: Shell, now: () => Date = () => new Date()): Handlers {
  const store = () => session.store()
  const policyOf = (c: Case) => {
    const policy = policyById(c.policyId, store().policies.list())
    if (!policy) {
      throw new DeskError('not_found', `Case ${c.key} follows the policy "${c.policyId}", which no longer exists. Choose another policy for the case.`)
    }
    return policy
  }
  /** A case may only follow a policy that exists, or its deadlines could not be counted. */
  const knownPolicy = (policyId: string | undefined) => {
    if (policyId !== undefined && !policyById(policyId, store().policies.list())) {
      throw new DeskError('invalid_input', `There is no policy "${policyId}". Choose one of the policies listed.`, [
        { path: 'policyId', message: 'Choose one of the policies listed' },
      ])
    }
  }
  const presetIds = new Set(presetPolicies.map((p) => p.id))
  const nextDeadlineOf = createNextDeadlineCache()
  return {
    'app:state': async () => session.state(),
    'store:openOther': async () => {
      const file = await shell.chooseStoreToOpen()
      return file ? session.open(file) : session.state()
    },
    'store:createNew': async () => {
      const file = await shell.chooseNewStoreLocation()
      return file ? session.open(file) : session.state()
    },
    'cases:list': async () => {
      await store().sync()
      const at = now()
      const userPolicies = store().policies.list()
      return store()
        .cases.list()
        .map((c) => {
          const policy = policyById(c.policyId, userPolicies)
          const next = policy && nextDeadlineOf(c, policy, at)
          const summary = toSummary(c)
          return next
            ? { ...summary, nextDeadline: { label: next.label, state: next.state, dueDate: next.dueDate, dueAt: next.dueAt } }
            : summary
        })
    },
    'cases:get': async ({ id }) => {
      await store().sync()
      return store().cases.get(id)
    },
    'cases:create': async (input) => {
      knownPolicy(input.policyId)
      return store().cases.create(input)
    },
    'cases:update': async ({ id, revision, patch }) => {
      knownPolicy(patch.policyId)
      return store().cases.update(id, patch, revision)
    },
    'cases:transition': async ({ id, revision, transition }) => store().cases.transition(id, transition, revision),
    'cases:addNote': async ({ id, text }) => store().cases.addNote(id, text),
    'cases:recordMilestone': async ({ id, ...milestone }) => store().cases.recordMilestone(id, milestone),
    'cases:repinCalendar': async ({ id }) => store().cases.repinCalendar(id),
    'deadlines:ofCase': async ({ id }) => {
      const c = store().cases.get(id)
      return deadlinesOf(c, policyOf(c), now())
    },
    'policies:list': async () => allPolicies(store().policies.list()).map((p) => ({ ...p, preset: presetIds.has(p.id) })),
    'policies:save': async (policy) => store().policies.save(validatePolicy(policy)),
    'policies:remove': async ({ id }) => {
      await store().policies.remove(id)
      return { removed: true }
    },
    'calendar:places': async ({ country, state }) => ({
      countries: countries(),
      states: country ? statesOf(country) : [],
      regions: country && state ? regionsOf(country, state) : [],
      timeZone: country ? defaultTimeZone(country, state) : null,
    }),
    'calendar:holidays': async ({ spec, year }) => holidaysOf(spec, year),
    'samples:load': async () => ({ added: await store().samples.load() }),
    'samples:remove': async () => ({ removed: await store().samples.remove() }),
    'settings:get': async () => {
      await store().sync()
      return store().settings.get()
    },
    'settings:update': async (settings) => store().settings.update(settings),
    'external:open': async ({ url }) => {
      const link = externalLink(url)
      if (!link) throw new DeskError('invalid_input', 'Only https and mailto links can be opened outside the app.')
      return { opened: await shell.confirmAndOpenExternal(link) }
    },
  }
}
