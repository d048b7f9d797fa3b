import type { Channel, Credit, Rating, Reward } from '../cases/fields'
import type { CaseStatus, ClosingReason } from '../cases/lifecycle'
import type { FieldChanged } from '../cases/timeline'
import type { Language } from './language'
import type { Piece } from './timelineText'

/** The words timelineText puts together, one set per language; milestone names come from labels.ts. */
export type TimelineWords = {
  someone: string
  removed(name: string): string
  none: string
  nobody: string
  opened: string
  sample: string
  changed: [string, string, string]
  fields: Record<FieldChanged['field'], string>
  moved: [string, string]
  undid(to: string, back: string): Piece[]
  duplicateOf: string
  repinned: string
  on: string
  corrected: string
  correctedDate(label: string): Piece[]
  correctedComment(label: string): Piece[]
  correctedNote: string
  withdrew(label: string): Piece[]
  withdrewNote: string
  reason: string
  aNote: string
  characters(n: number): string
  swag: string
  unrated: string
  statuses: Record<CaseStatus, string>
  closingReasons: Record<ClosingReason, string>
  channels: Record<Channel, string>
  ratings: Record<Rating, string>
  credit: Record<Credit['choice'], string>
  reward: Record<Reward['status'], string>
  /** For numbers and money. */
  locale: string
}

const en: TimelineWords = {
  someone: 'Someone',
  removed: (name) => `${name} (removed)`,
  none: '(none)',
  nobody: 'nobody',
  opened: 'Opened the case',
  sample: ' (sample)',
  changed: ['Changed the ', ' from ', ' to '],
  fields: {
    title: 'title',
    reporter: 'reporter',
    received: 'received time',
    channel: 'channel',
    asset: 'affected asset',
    reportText: 'report text',
    severity: 'severity',
    assigneeId: 'assignee',
    tags: 'tags',
    credit: 'credit',
    reward: 'reward',
    policyId: 'policy',
  },
  moved: ['Moved from ', ' to '],
  undid: (to, back) => ['Undid the move to ', { strong: to }, `, back to ${back}`],
  duplicateOf: ' of ',
  repinned: 'Re-pinned the case to the team’s current holiday calendar',
  on: ' on ',
  corrected: 'Corrected',
  correctedDate: (label) => ['Corrected the date of ', { strong: `‘${label}’` }, ' from '],
  correctedComment: (label) => ['Corrected the comment of ', { strong: `‘${label}’` }],
  correctedNote: 'Corrected a note',
  withdrew: (label) => ['Withdrew ', { strong: `‘${label}’` }, ' of '],
  withdrewNote: 'Withdrew a note',
  reason: 'Reason: ',
  aNote: 'a note',
  characters: (n) => `${n.toLocaleString('en-GB')} characters`,
  swag: 'swag',
  unrated: 'Unrated',
  statuses: {
    received: 'Received',
    acknowledged: 'Acknowledged',
    needs_info: 'Needs info',
    evaluating: 'Evaluating',
    accepted: 'Accepted / fixing',
    resolved: 'Resolved',
    published: 'Published',
    closed: 'Closed',
  },
  closingReasons: {
    completed: 'Completed',
    duplicate: 'Duplicate',
    out_of_scope: 'Out of scope',
    not_applicable: 'Not applicable',
    informative: 'Informative',
    spam: 'Spam',
    withdrawn: 'Withdrawn',
  },
  channels: { email: 'Email', web_form: 'Web form', other: 'Other' },
  ratings: { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  credit: { not_asked: 'Not yet asked', named: 'By name', handle: 'By handle', anonymous: 'Anonymous', declined: 'Declined credit' },
  reward: { none: 'None', proposed: 'Proposed', approved: 'Approved', paid: 'Paid' },
  locale: 'en-GB',
}

const nl: TimelineWords = {
  someone: 'Iemand',
  removed: (name) => `${name} (verwijderd)`,
  none: '(geen)',
  nobody: 'niemand',
  opened: 'Opende de zaak',
  sample: ' (voorbeeld)',
  changed: ['Wijzigde ', ' van ', ' naar '],
  fields: {
    title: 'de titel',
    reporter: 'de melder',
    received: 'het ontvangsttijdstip',
    channel: 'het kanaal',
    asset: 'het getroffen onderdeel',
    reportText: 'de meldingstekst',
    severity: 'de ernst',
    assigneeId: 'de behandelaar',
    tags: 'de labels',
    credit: 'de vermelding',
    reward: 'de beloning',
    policyId: 'het beleid',
  },
  moved: ['Verplaatste van ', ' naar '],
  undid: (to, back) => ['Draaide de stap naar ', { strong: to }, ` terug, weer naar ${back}`],
  duplicateOf: ' van ',
  repinned: 'Koppelde de zaak opnieuw aan de huidige feestdagenkalender van het team',
  on: ' op ',
  corrected: 'Gecorrigeerd',
  correctedDate: (label) => ['Corrigeerde de datum van ', { strong: `‘${label}’` }, ' van '],
  correctedComment: (label) => ['Corrigeerde de toelichting bij ', { strong: `‘${label}’` }],
  correctedNote: 'Corrigeerde een notitie',
  withdrew: (label) => ['Trok ', { strong: `‘${label}’` }, ' van '],
  withdrewNote: 'Trok een notitie in',
  reason: 'Reden: ',
  aNote: 'een notitie',
  characters: (n) => `${n.toLocaleString('nl-NL')} tekens`,
  swag: 'merchandise',
  unrated: 'Niet beoordeeld',
  statuses: {
    received: 'Ontvangen',
    acknowledged: 'Bevestigd',
    needs_info: 'Wacht op informatie',
    evaluating: 'In beoordeling',
    accepted: 'Geaccepteerd / in herstel',
    resolved: 'Opgelost',
    published: 'Gepubliceerd',
    closed: 'Gesloten',
  },
  closingReasons: {
    completed: 'Afgerond',
    duplicate: 'Dubbel',
    out_of_scope: 'Buiten het bereik',
    not_applicable: 'Niet van toepassing',
    informative: 'Ter informatie',
    spam: 'Spam',
    withdrawn: 'Ingetrokken',
  },
  channels: { email: 'E-mail', web_form: 'Webformulier', other: 'Anders' },
  ratings: { none: 'Geen', low: 'Laag', medium: 'Middel', high: 'Hoog', critical: 'Kritiek' },
  credit: { not_asked: 'Nog niet gevraagd', named: 'Op naam', handle: 'Met schuilnaam', anonymous: 'Anoniem', declined: 'Wil geen vermelding' },
  reward: { none: 'Geen', proposed: 'Voorgesteld', approved: 'Goedgekeurd', paid: 'Betaald' },
  locale: 'nl-NL',
}

export const timelineWords: Record<Language, TimelineWords> = { en, nl }
