import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Case } from '../../src/cases/case'
import type { Req, Res } from '../../src/ipc/contract'
import { call } from '../desk'
import { useCaseChange } from './cases'
import { caseKeys } from './keys'

/**
 * What can be read from the reporter's PGP key (fingerprint, user ids, expiry) or why it cannot be used; below the
 * case, so that the case:changed of an edited key asks again. Asked only when the case has a key.
 */
export function useReporterKey(kase: Case) {
  return useQuery({
    queryKey: [...caseKeys.one(kase.id), 'reporterKey'] as const,
    queryFn: () => call((desk) => desk.drafts.keyInfo({ caseId: kase.id })),
    enabled: Boolean(kase.reporter.pgpPublicKey),
  })
}

/**
 * Records an email as sent ("Mark as sent") and shows the saved case at once; its deadlines load again on the
 * 'case:changed' event. Throws the DeskFailure, for the dialog to show.
 */
export function useRecordEmail(): (request: Req<'cases:recordEmail'>) => Promise<Case> {
  const change = useCaseChange()
  return useCallback((request) => change(() => call((desk) => desk.cases.recordEmail(request))), [change])
}

/** Builds the .eml in main (nodemailer, or PGP/MIME when encrypting) and asks where to save it. */
export const saveEml = (request: Req<'drafts:saveEml'>): Promise<Res<'drafts:saveEml'>> =>
  call((desk) => desk.drafts.saveEml(request))

/** Opens the mail app through mailto:; main refuses, in words, a link longer than mail apps keep. */
export const openMailto = (request: Req<'drafts:openMailto'>): Promise<Res<'drafts:openMailto'>> =>
  call((desk) => desk.drafts.openMailto(request))

/** The text encrypted to the reporter's key, ASCII-armored, for the clipboard or a mail app. */
export const encryptForReporter = (request: Req<'drafts:encrypt'>): Promise<Res<'drafts:encrypt'>> =>
  call((desk) => desk.drafts.encrypt(request))
