import type { FieldChanged } from '../cases/timeline'
import type { Language } from './language'
import type { Piece } from './timelineText'

/** The words timelineText puts together, one set per language; the names of stored values come from labels.ts. */
export type TimelineWords = {
  someone: string
  removed(name: string): string
  none: string
  nobody: string
  /** An assignee recorded without a name: no longer on the team when the change was recorded. */
  formerMember: string
  /** A policy recorded without a name: removed when the change was recorded. */
  removedPolicy: string
  opened: string
  sample: string
  changed: [string, string, string]
  /** A field as the middle of 'Changed … from'. */
  fields: Record<FieldChanged['field'], string>
  /** A field an older version recorded under a name this one does not know. */
  someField: string
  moved: [string, string]
  undid(to: string, back: string): Piece[]
  duplicateOf: string
  repinned: string
  on: string
  correctedDate(label: string): Piece[]
  correctedComment(label: string): Piece[]
  correctedNote: string
  withdrew(label: string, on: string): Piece[]
  withdrewNote: string
  reason: string
  characters(n: number): string
  swag: string
  /** An email marked as sent: its purpose's label, the recipients, when it went out. */
  sent(label: string, to: string, on: string): Piece[]
  encrypted: string
  /** An expected resolution date told to the reporter, and the one it replaced. */
  promised(date: string, was: string | undefined): Piece[]
  proposedPublication(when: string): Piece[]
  /** An email marked as sent by mistake, a promised date or a proposed publication taken back. */
  withdrewEmail(label: string, on: string): Piece[]
  withdrewPromise(date: string): Piece[]
  withdrewProposal(when: string): Piece[]
  /** A case taken in from another store's export: the file (its name as the file system had it), when it was exported. */
  imported(fileName: string, exportedAt: string | undefined): Piece[]
  /** A case taken in over this store's copy: the revision it replaced and when that was last changed. */
  replacedBy(revision: number, changedAt: string, fileName: string, exportedAt: string | undefined): Piece[]
  /** Said after either when the case has another key here than in the file (its own was taken here). */
  keyInFile(key: string): string
  /** For numbers and money. */
  locale: string
}

const en: TimelineWords = {
  someone: 'Someone',
  removed: (name) => `${name} (removed)`,
  none: '(none)',
  nobody: 'nobody',
  formerMember: 'a former member',
  removedPolicy: 'a policy that no longer exists',
  opened: 'Opened the case',
  sample: ' (sample)',
  changed: ['Changed ', ' from ', ' to '],
  fields: {
    title: 'the title',
    reporter: 'the reporter',
    received: 'the received time',
    channel: 'the channel',
    asset: 'the affected asset',
    reportText: 'the report text',
    severity: 'the severity',
    assigneeId: 'the assignee',
    tags: 'the tags',
    credit: 'the credit',
    reward: 'the reward',
    policyId: 'the policy',
  },
  someField: 'a field',
  moved: ['Moved from ', ' to '],
  undid: (to, back) => ['Undid the move to ', { strong: to }, `, back to ${back}`],
  duplicateOf: ' of ',
  repinned: 'Re-pinned the case to the team’s current holiday calendar',
  on: ' on ',
  correctedDate: (label) => ['Corrected the date of ', { strong: `‘${label}’` }, ' from '],
  correctedComment: (label) => ['Corrected the comment of ', { strong: `‘${label}’` }],
  correctedNote: 'Corrected a note',
  withdrew: (label, on) => ['Withdrew ', { strong: `‘${label}’` }, ' of ', { value: on }],
  withdrewNote: 'Withdrew a note',
  reason: 'Reason: ',
  characters: (n) => `${n.toLocaleString('en-GB')} characters`,
  swag: 'swag',
  sent: (label, to, on) => ['Sent ', { strong: `‘${label}’` }, ' to ', { value: to }, ' on ', { value: on }],
  encrypted: ' (encrypted)',
  promised: (date, was) => ['Promised the fix by ', { strong: date }, ...(was === undefined ? [] : [` (was ${was})`])],
  proposedPublication: (when) => ['Proposed publication on ', { strong: when }],
  withdrewEmail: (label, on) => ['Withdrew ', { strong: `‘${label}’` }, ' marked as sent on ', { value: on }],
  withdrewPromise: (date) => ['Withdrew the promised fix date ', { strong: date }],
  withdrewProposal: (when) => ['Withdrew the proposed publication on ', { strong: when }],
  imported: (fileName, exportedAt) => ['Imported the case from ', { value: fileName }, ...(exportedAt ? [` (exported ${exportedAt})`] : [])],
  replacedBy: (revision, changedAt, fileName, exportedAt) => [
    'Replaced ',
    { strong: `revision ${revision}` },
    ` (last changed ${changedAt}) with the version in `,
    { value: fileName },
    ...(exportedAt ? [` (exported ${exportedAt})`] : []),
  ],
  keyInFile: (key) => `; in the file its key was ${key}`,
  locale: 'en-GB',
}

const nl: TimelineWords = {
  someone: 'Iemand',
  removed: (name) => `${name} (verwijderd)`,
  none: '(geen)',
  nobody: 'niemand',
  formerMember: 'een voormalig teamlid',
  removedPolicy: 'een beleid dat niet meer bestaat',
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
  someField: 'een veld',
  moved: ['Verplaatste van ', ' naar '],
  undid: (to, back) => ['Draaide de stap naar ', { strong: to }, ` terug, weer naar ${back}`],
  duplicateOf: ' van ',
  repinned: 'Koppelde de zaak opnieuw aan de huidige feestdagenkalender van het team',
  on: ' op ',
  correctedDate: (label) => ['Corrigeerde de datum van ', { strong: `‘${label}’` }, ' van '],
  correctedComment: (label) => ['Corrigeerde de toelichting bij ', { strong: `‘${label}’` }],
  correctedNote: 'Corrigeerde een notitie',
  withdrew: (label, on) => ['Trok ', { strong: `‘${label}’` }, ' van ', { value: on }, ' in'],
  withdrewNote: 'Trok een notitie in',
  reason: 'Reden: ',
  characters: (n) => `${n.toLocaleString('nl-NL')} tekens`,
  swag: 'merchandise',
  sent: (label, to, on) => ['Stuurde ', { strong: `‘${label}’` }, ' aan ', { value: to }, ' op ', { value: on }],
  encrypted: ' (versleuteld)',
  promised: (date, was) => ['Beloofde de oplossing uiterlijk ', { strong: date }, ...(was === undefined ? [] : [` (was ${was})`])],
  proposedPublication: (when) => ['Stelde publicatie voor op ', { strong: when }],
  withdrewEmail: (label, on) => ['Trok ', { strong: `‘${label}’` }, ' in, als verstuurd vastgelegd op ', { value: on }],
  withdrewPromise: (date) => ['Trok de beloofde oplossingsdatum ', { strong: date }, ' in'],
  withdrewProposal: (when) => ['Trok de voorgestelde publicatie op ', { strong: when }, ' in'],
  imported: (fileName, exportedAt) => ['Importeerde de zaak uit ', { value: fileName }, ...(exportedAt ? [` (geëxporteerd op ${exportedAt})`] : [])],
  replacedBy: (revision, changedAt, fileName, exportedAt) => [
    'Verving ',
    { strong: `revisie ${revision}` },
    ` (laatst gewijzigd ${changedAt}) door de versie uit `,
    { value: fileName },
    ...(exportedAt ? [` (geëxporteerd op ${exportedAt})`] : []),
  ],
  keyInFile: (key) => `; in het bestand was de sleutel ${key}`,
  locale: 'nl-NL',
}

export const timelineWords: Record<Language, TimelineWords> = { en, nl }
