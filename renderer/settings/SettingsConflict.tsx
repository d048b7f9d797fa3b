import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { HolidayOverride, HolidayType } from '../../src/calendar/spec'
import { formatDay } from '../../src/i18n/dates'
import { keepsMine, theirOnlyParts, type Choices } from '../../src/merge/parts'
import type { PolicyEntry } from '../../src/ipc/contract'
import { compareSettings, mergedSettings, settingsParts, settingsValueAt, type CalendarPlace, type SettingsPart } from '../../src/settings/mergeSettings'
import { settingsPartLabel } from '../../src/i18n/partLabels'
import type { Settings } from '../../src/settings/settings'
import { describeWorkWeek, holidayTypeLabels } from '../calendar/calendarSummary'
import { placeName, usePlaces } from '../calendar/usePlaces'
import { call, DeskFailure } from '../desk'
import { ClashChoices, ClashLoading } from '../forms/ClashChoices'
import { usePolicies } from '../policies/usePolicies'
import { policiesKey, settingsKey } from '../queries/keys'
import { useSaveSettings } from '../queries/settings'
import { useProblems } from '../shell/Problems'
import { memberName } from './members'

/** One round: this person's settings made on `base`, and the settings as stored now (null while they load). */
type Round = { base: Settings; mine: Settings; current: Settings | null; n: number }

/**
 * Shown in place of a settings form whose save was refused because a colleague saved a change of the same setting
 * meanwhile. Each setting this person changed shows "Yours" next to "Theirs"; what only one of them changed is kept,
 * what both changed differently is chosen here. Save saves the result on the settings just loaded; should someone save
 * again meanwhile, the same happens once more. The form keeps everything typed until a save goes through.
 */
export function SettingsConflict({
  base,
  mine,
  onSaved,
  onBack,
  onRefused,
  backLabel,
}: {
  base: Settings
  mine: Settings
  onSaved(saved: Settings): void
  onBack(): void
  /** The merged settings were refused for another reason (e.g. at a field): the form shows it with what was typed. */
  onRefused(error: unknown): void
  /** Instead of "Back to my edits", for a change made without a form. */
  backLabel?: string | undefined
}) {
  const client = useQueryClient()
  const save = useSaveSettings()
  const { report } = useProblems()
  const { policies } = usePolicies()
  const countries = usePlaces(undefined, undefined)?.countries
  const [round, setRound] = useState<Round>({ base, mine, current: null, n: 0 })
  const [busy, setBusy] = useState(false)
  const { current } = round

  useEffect(() => {
    if (current) return
    let live = true
    call((desk) => desk.settings.get({})).then(
      (settings) => {
        if (!live) return
        // The screens behind show the colleague's settings too (a form keeps what is typed over them), and a policy
        // they made the default is listed by its name.
        client.setQueryData(settingsKey, settings)
        void client.invalidateQueries({ queryKey: policiesKey })
        setRound((r) => ({ ...r, current: settings }))
      },
      (error: unknown) => live && report(error),
    )
    return () => {
      live = false
    }
  }, [current, client, report])

  if (!current) {
    return (
      <ClashLoading
        label="Someone else changed the settings"
        message="Someone else saved the settings after you opened them. Loading their version…"
        onBack={onBack}
        {...(backLabel && { backLabel })}
      />
    )
  }

  const edits = compareSettings(round.base, round.mine, current)
  const theirsOnly = theirOnlyParts(settingsParts(round.base, round.mine, current), settingsValueAt, round.base, current, edits)
  const teams = [current.team, round.mine.team, round.base.team]
  const label = (part: string) => settingsPartLabel(part, teams)

  async function saveChoices(choices: Choices<SettingsPart>) {
    if (!current) return
    if (!edits.some((e) => keepsMine(e, choices))) return onSaved(current)
    const merged = mergedSettings(edits, current, choices)
    setBusy(true)
    try {
      onSaved(await save(merged, current))
    } catch (error) {
      // Saved again meanwhile: the same once more, on the newer settings, with what is to be saved now as this person's.
      if (error instanceof DeskFailure && error.code === 'conflict') setRound((r) => ({ base: current, mine: merged, current: null, n: r.n + 1 }))
      else onRefused(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <ClashChoices<SettingsPart>
      // A new round (the colleague saved once more) is chosen afresh.
      key={round.n}
      className="settings-conflict"
      title="Someone else changed the same settings before you saved yours"
      lead={
        edits.some((e) => e.side === 'both')
          ? 'Your change is not saved yet. Nothing is lost: for each setting you both changed, choose which version to keep, then save.'
          : 'Your change is not saved yet. None of the settings you changed was changed by them: save to add your changes to theirs.'
      }
      edits={edits}
      theirsOnly={theirsOnly.map(label)}
      partLabel={label}
      valueText={(part, value) => settingsPartText(part, value, { teams, policies, countries })}
      long={(part) => part.endsWith('.signature') || part === 'calendar.spec.overrides'}
      busy={busy}
      onSave={(choices) => void saveChoices(choices)}
      onBack={onBack}
      {...(backLabel && { backLabel })}
    />
  )
}

/**
 * Saves an edit of the settings made on `base`. Should a colleague have changed the same setting meanwhile, `conflict`
 * is the SettingsConflict to show in place of the form (which stays mounted, hidden, with everything typed), and the
 * save resolves once the person saved their choice there: with the saved settings, or null when they went back to
 * their edit. A refusal for any other reason is thrown, as from the form's own save. The focus returns to where it was.
 */
export function useSettingsEdit(options: { backLabel?: string } = {}): {
  save(mine: Settings, base: Settings): Promise<Settings | null>
  conflict: ReactNode
} {
  const saveSettings = useSaveSettings()
  const [open, setOpen] = useState<{ base: Settings; mine: Settings; settle(saved: Settings | null, error?: unknown): void } | null>(null)
  const returnFocus = useRef<HTMLElement | null>(null)

  const save = useCallback(
    async (mine: Settings, base: Settings) => {
      try {
        return await saveSettings(mine, base)
      } catch (error) {
        if (!(error instanceof DeskFailure) || error.code !== 'conflict') throw error
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
        return new Promise<Settings | null>((resolve, reject) => {
          setOpen({ base, mine, settle: (saved, failure) => (failure === undefined ? resolve(saved) : reject(failure)) })
        })
      }
    },
    [saveSettings],
  )

  const close = (saved: Settings | null, error?: unknown) => {
    open?.settle(saved, error)
    setOpen(null)
    // Back in the form (shown again on this render), where the person was.
    requestAnimationFrame(() => returnFocus.current?.isConnected && returnFocus.current.focus())
  }

  const conflict = open && (
    <SettingsConflict
      base={open.base}
      mine={open.mine}
      onSaved={(saved) => close(saved)}
      onBack={() => close(null)}
      onRefused={(error) => close(null, error)}
      backLabel={options.backLabel}
    />
  )
  return { save, conflict }
}

type Context = {
  /** The teams to find a member's name in, newest first. */
  teams: readonly (readonly Settings['team'][number][])[]
  policies: readonly PolicyEntry[] | null
  countries: { code: string; name: string }[] | undefined
}

/** A setting's value in words, as its form shows it; empty is "(none)". */
function settingsPartText(part: string, value: unknown, { teams, policies, countries }: Context): string {
  const none = '(none)'
  const list = (items: string[]) => items.join(', ') || none
  if (part.startsWith('team.')) {
    if (part.endsWith('.removed')) return value ? 'Removed from the team' : 'On the team'
    return typeof value === 'string' && value !== '' ? value : none
  }
  switch (part) {
    case 'defaultPolicyId':
      if (policies === null) return '…'
      return policies.find((p) => p.id === value)?.name ?? 'A policy that no longer exists'
    case 'currentMemberId':
      return memberName(teams.find((t) => t.some((m) => m.id === value)) ?? [], value as string | undefined) || 'Nobody'
    case 'calendar.spec.place': {
      const { country, state, region } = value as CalendarPlace
      return [placeName(countries, country) ?? country, state ?? 'whole country', region].filter(Boolean).join(', ')
    }
    case 'calendar.spec.holidayTypes':
      return list((value as HolidayType[]).map((t) => holidayTypeLabels[t]))
    case 'calendar.spec.workWeek':
      return describeWorkWeek(value as number[])
    case 'calendar.spec.closures':
    case 'calendar.spec.workingDays':
      return list((value as string[]).map((d) => formatDay(d, 'en', true)))
    case 'calendar.spec.overrides':
      return (
        (value as HolidayOverride[])
          .map((o) => `${o.name || o.rule}: ${o.treatAs === 'working' ? 'a working day' : 'not a working day'}`)
          .join('\n') || none
      )
    case 'calendar.spec.timeZone':
      return (value as string | undefined) ?? 'The place’s own time zone'
    case 'calendar.afterHoursCountsNextDay':
      return value ? 'Counted from the next business day' : 'Counted from the day received'
    default:
      return typeof value === 'string' && value !== '' ? value : none
  }
}
