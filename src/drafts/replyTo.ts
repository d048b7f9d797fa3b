import type { Case } from '../cases/case'

/**
 * The threading headers of a reply to the report: when it came in as an email, In-Reply-To its Message-ID and
 * References its chain (the ids the report itself referred to, then the report's own, RFC 5322 §3.6.4), so the
 * reporter's mail app shows the reply under the report. A case made by hand has nothing to thread under.
 */
export function replyTo(c: Case): { inReplyTo?: string; references?: string[] } {
  const messageId = c.mail?.messageId
  if (!messageId) return {}
  const chain = (c.mail?.references ?? []).filter((id) => id !== messageId)
  return { inReplyTo: messageId, references: [...chain, messageId] }
}
