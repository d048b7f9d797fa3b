import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import type { DeskApi } from '../../src/ipc/contract'
import type { Settings, TeamMember } from '../../src/settings/settings'
import { call } from '../desk'
import { useLoaded } from '../shell/useLoaded'

type SettingsState = {
  /** Null until loaded, or when loading failed (the failure is on screen). */
  settings: Settings | null
  team: TeamMember[]
  currentMember: TeamMember | undefined
  /** Saves the whole settings object; throws a DeskFailure so a form can show it next to its fields. */
  save(next: Settings): Promise<Settings>
  reload(): Promise<void>
}

const SettingsContext = createContext<SettingsState | null>(null)

const getSettings = (desk: DeskApi) => desk.settings.get({})

export function SettingsProvider({ children }: { children: ReactNode }) {
  const { loaded: settings, reload, replace } = useLoaded(getSettings)

  const save = useCallback(
    async (next: Settings) => {
      const saved = await call((desk) => desk.settings.update(next))
      replace(saved)
      return saved
    },
    [replace],
  )

  const value = useMemo<SettingsState>(() => {
    const team = settings?.team ?? []
    return { settings, team, currentMember: team.find((m) => m.id === settings?.currentMemberId), save, reload }
  }, [settings, save, reload])
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext)
  if (!state) throw new Error('useSettings is used outside SettingsProvider')
  return state
}

/** A team member's name for display; ids of removed members stay readable rather than vanishing. */
export function memberName(team: TeamMember[], id: string | undefined): string {
  if (!id) return ''
  return team.find((m) => m.id === id)?.name ?? `Former member (${id})`
}
