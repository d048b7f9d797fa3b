import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { IntakePreview } from '../../src/ipc/contract'
import { call } from '../desk'

/** A mail main has read and keeps under its token until the case is created (or the mail is forgotten). */
const intakeKey = (token: string) => ['intake', token] as const

/** What main read from a mail opened from the menu or dropped on the window; it does not change once read. */
export function useIntakePreview(token: string) {
  return useQuery({ queryKey: intakeKey(token), queryFn: () => call((desk) => desk.intake.get({ token })) })
}

/**
 * The stored case a read mail replies to (by its thread or the case key in its subject), or null. Asked again each
 * time the import screen opens (not kept fresh forever like the preview): a case created meanwhile from another mail
 * of the thread counts.
 */
export function useReplyTarget(token: string, enabled: boolean) {
  return useQuery({
    queryKey: [...intakeKey(token), 'replyTarget'],
    queryFn: () => call((desk) => desk.intake.replyTarget({ token })),
    enabled,
    staleTime: 0,
  })
}

/**
 * Has main read a mail's bytes (a dropped or chosen .eml): the answer, a case input or why the bytes are not a mail,
 * goes in the cache under its token, so the import screen shows it without asking again. Throws a DeskFailure.
 */
export function useReadMail(): (bytes: Uint8Array) => Promise<IntakePreview> {
  const client = useQueryClient()
  return useCallback(
    async (bytes) => {
      const preview = await call((desk) => desk.intake.parse({ bytes }))
      client.setQueryData(intakeKey(preview.token), preview)
      return preview
    },
    [client],
  )
}

/** Saves one attachment where the user chooses (main asks); false when the user cancelled the dialog. */
export async function saveAttachment(token: string, index: number): Promise<{ saved: boolean; file?: string | undefined }> {
  return call((desk) => desk.intake.saveAttachment({ token, index }))
}
