import { z } from 'zod'
import type { Case, CaseInput } from '../cases/case'

/**
 * The case an imported mail answers: found by the thread (its References / In-Reply-To name the report's Message-ID)
 * or by the case key the team's drafts put in the subject, e.g. "Re: [VD-2026-012] Your report".
 */
export const ReplyTarget = z.object({
  caseId: z.string().min(1),
  /** The case's key, e.g. VD-2026-012. */
  key: z.string(),
  by: z.enum(['message_id', 'case_key']),
})
export type ReplyTarget = z.infer<typeof ReplyTarget>

// A Message-ID as written, with or without its angle brackets: `<a@b>` and `a@b` are the same mail.
const bareId = (id: string) => id.trim().replace(/^<|>$/g, '')
// Bracketed as the shipped templates write it at the start of every subject, so a reply keeps it.
const keyInSubject = /\[(VD-\d{4}-\d{3,})\]/g

/**
 * The stored case an imported mail replies to, or undefined for a mail that starts something new.
 *
 * The thread counts first: a mail client copies the parent's References and adds its Message-ID, so a reply to the
 * team's acknowledgement still names the report's own id. The nearest parent wins (References run oldest first).
 * Emails the team sent are recorded without a Message-ID, so only the report's id can be matched. Without a match in
 * the thread, a case key in brackets in the subject of a case that exists here names the case.
 */
export function replyTarget(input: CaseInput, cases: readonly Case[]): ReplyTarget | undefined {
  const byMessageId = new Map<string, Case>()
  for (const c of cases) if (c.mail?.messageId) byMessageId.set(bareId(c.mail.messageId), c)
  const ownId = input.mail?.messageId === undefined ? undefined : bareId(input.mail.messageId)
  for (const reference of [...(input.mail?.references ?? [])].reverse()) {
    const id = bareId(reference)
    // The same mail imported again is not a reply to itself.
    const found = id === ownId ? undefined : byMessageId.get(id)
    if (found) return { caseId: found.id, key: found.key, by: 'message_id' }
  }
  for (const [, key] of input.title.matchAll(keyInSubject)) {
    const found = cases.find((c) => c.key === key)
    if (found) return { caseId: found.id, key: found.key, by: 'case_key' }
  }
  return undefined
}

// Reply and forward markers of the mail clients reporters use: English, German (AW, WG), Dutch (Antw, Doorst),
// Scandinavian (SV, VS), with Outlook's counters ("Re[2]:", "RE(3):"), any number of them in a row.
const replyPrefix = /^\s*(?:re|fwd?|aw|wg|antw|doorst|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i

/** A subject as a case title: "Re: Fwd: AW: SQL injection" → "SQL injection"; a subject that is only prefixes stays. */
export function titleWithoutReplyPrefix(subject: string): string {
  let title = subject
  for (let next = title.replace(replyPrefix, ''); next !== title; next = title.replace(replyPrefix, '')) title = next
  return title.trim() === '' ? subject : title
}
