import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { ReminderPrefs } from '../../src/reminders/reminderState'
import { call } from '../desk'

/**
 * This installation's reminder settings for the open store. Kept on this computer, not in the shared file, so no store
 * event names them; a store switch reloads the page, and with it this cache.
 */
export const remindersKey = ['reminders'] as const

export function useReminderPrefs() {
  return useQuery({ queryKey: remindersKey, queryFn: () => call((desk) => desk.reminders.get({})) })
}

/** Saves the reminder settings and shows the saved ones; throws a DeskFailure for the field to show. */
export function useSaveReminderPrefs(): (prefs: ReminderPrefs) => Promise<ReminderPrefs> {
  const client = useQueryClient()
  return useCallback(
    async (prefs) => {
      const saved = await call((desk) => desk.reminders.set(prefs))
      client.setQueryData(remindersKey, saved)
      return saved
    },
    [client],
  )
}
