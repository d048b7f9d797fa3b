import { describe, expect, it } from 'vitest'
import { replyTo } from '../../src/drafts/replyTo'
import { caseWith } from './drafts-fixtures'

describe('replyTo: the headers that thread a reply under the report', () => {
  it('answers the report’s Message-ID and carries its chain, the report’s own id last', () => {
    const c = caseWith({ mail: { messageId: '<r@mail.example>', references: ['<a@x>', '<b@x>'], encrypted: false, attachments: [] } })
    expect(replyTo(c)).toEqual({ inReplyTo: '<r@mail.example>', references: ['<a@x>', '<b@x>', '<r@mail.example>'] })
  })

  it('a report that started the thread is the whole chain; its id is never listed twice', () => {
    const first = caseWith({ mail: { messageId: '<r@mail.example>', references: [], encrypted: false, attachments: [] } })
    expect(replyTo(first)).toEqual({ inReplyTo: '<r@mail.example>', references: ['<r@mail.example>'] })
    const listed = caseWith({ mail: { messageId: '<r@mail.example>', references: ['<r@mail.example>'], encrypted: false, attachments: [] } })
    expect(replyTo(listed).references).toEqual(['<r@mail.example>'])
  })

  it('a case made by hand, or a mail without a Message-ID, threads under nothing', () => {
    expect(replyTo(caseWith())).toEqual({})
    expect(replyTo(caseWith({ mail: { references: ['<a@x>'], encrypted: false, attachments: [] } }))).toEqual({})
  })
})
