import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { Settings, TeamMember } from '../../src/settings/settings'
import { call } from '../desk'
import { isRemoved } from '../settings/members'
import { identityKey, settingsKey } from './keys'

export function useSettingsQuery() {
  return useQuery({ queryKey: settingsKey, queryFn: () => call((desk) => desk.settings.get({})) })
}

/**
 * Saves the whole settings object, made on `base` (the settings as the form opened them: main merges it with what a
 * colleague saved since), and shows the saved one everywhere; throws a DeskFailure for the form to show.
 */
export function useSaveSettings(): (next: Settings, base: Settings) => Promise<Settings> {
  const client = useQueryClient()
  return useCallback(
    async (next, base) => {
      const saved = await call((desk) => desk.settings.update({ settings: next, base }))
      // Shown at once; the 'settings:changed' event then loads the settings and, below them, who uses this
      // installation again (removing that person makes it nobody).
      client.setQueryData(settingsKey, saved)
      return saved
    },
    [client],
  )
}

/** Who uses this installation for the open store (kept on this computer, not in the shared file). */
export function useIdentityQuery() {
  return useQuery({ queryKey: identityKey, queryFn: () => call((desk) => desk.identity.get({})) })
}

/** Chooses who uses this installation (null: nobody); throws a DeskFailure for the screen to show. */
export function useChooseIdentity(): (memberId: string | null) => Promise<void> {
  const client = useQueryClient()
  return useCallback(
    async (memberId) => {
      client.setQueryData(identityKey, await call((desk) => desk.identity.set({ memberId })))
    },
    [client],
  )
}

export type SettingsState = {
  /** Null until loaded, or when loading failed (the screen that needs them says so). */
  settings: Settings | null
  /** Everyone, removed members too: their names still show on the cases and timelines they are on. */
  team: TeamMember[]
  /** Who can be chosen for new work: assignee, "I am". */
  activeTeam: TeamMember[]
  /** Who uses this installation, the name on everything changed here; undefined is nobody. */
  currentMember: TeamMember | undefined
  /** `base`: the settings the change was made on. */
  save(next: Settings, base: Settings): Promise<Settings>
  /** Asks main again, e.g. after loading failed. */
  reload(): Promise<void>
  /** Why loading failed, for the screen that needs the settings. */
  error: Error | null
}

/** The settings from the cache, with the team split the ways the screens use it. */
export function useSettings(): SettingsState {
  const query = useSettingsQuery()
  const save = useSaveSettings()
  const { data, refetch, error } = query
  const memberId = useIdentityQuery().data?.memberId
  const reload = useCallback(async () => {
    await refetch()
  }, [refetch])
  return useMemo(() => {
    const team = data?.team ?? []
    return {
      settings: data ?? null,
      team,
      activeTeam: team.filter((m) => !isRemoved(m)),
      currentMember: team.find((m) => m.id === memberId),
      save,
      reload,
      error,
    }
  }, [data, memberId, save, reload, error])
}
