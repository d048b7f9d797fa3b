import type { CaseSummary } from '../ipc/contract'
import type { Case } from './case'

export function toSummary(c: Case): CaseSummary {
  const { severity } = c
  return {
    id: c.id,
    key: c.key,
    title: c.title,
    reporterName: c.reporter.name,
    reporterEmail: c.reporter.email,
    reporterHandle: c.reporter.handle,
    status: c.status,
    rating: severity.kind === 'unrated' ? undefined : severity.rating,
    score: severity.kind === 'cvss' ? severity.score : undefined,
    assigneeId: c.assigneeId,
    tags: c.tags,
    receivedAt: c.received.at,
    updatedAt: c.updatedAt,
    sample: c.sample,
    searchText: [c.key, c.title, c.reporter.name, c.reporter.email, c.reporter.handle ?? '', c.reportText]
      .join('\n')
      .toLowerCase(),
  }
}
