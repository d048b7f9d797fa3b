import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Settings, TeamMember } from '../../src/settings/settings'
import { call } from '../desk'
import { useProblems } from '../shell/Problems'

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

export function SettingsProvider({ children }: { children: ReactNode }) {
  const { report } = useProblems()
  const [settings, setSettings] = useState<Settings | null>(null)

  const reload = useCallback(async () => {
    try {
      setSettings(await call((desk) => desk.settings.get({})))
    } catch (error) {
      report(error)
    }
  }, [report])

  useEffect(() => {
    void reload()
  }, [reload])

  const save = useCallback(async (next: Settings) => {
    const saved = await call((desk) => desk.settings.update(next))
    setSettings(saved)
    return saved
  }, [])

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
