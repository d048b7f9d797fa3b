import type { Channel, Credit, Rating, Reward } from '../cases/fields'
import type { CaseStatus, ClosingReason } from '../cases/lifecycle'
import type { DeadlineState } from '../deadlines/deadline'
import type { Anchor, DueKind, Milestone, PolicyRule } from '../policies/policy'
import type { Language } from './language'

// Every label a person reads for a stored value, one table per kind and per language. Screens, the timeline, deadline
// texts and the commands' refusals all look their words up here, so a value is named the same everywhere.

/** Where a case is in its lifecycle. */
export const statusLabels: Record<Language, Record<CaseStatus, string>> = {
  en: {
    received: 'Received',
    acknowledged: 'Acknowledged',
    needs_info: 'Needs info',
    evaluating: 'Evaluating',
    accepted: 'Accepted / fixing',
    resolved: 'Resolved',
    published: 'Published',
    closed: 'Closed',
  },
  nl: {
    received: 'Ontvangen',
    acknowledged: 'Bevestigd',
    needs_info: 'Wacht op informatie',
    evaluating: 'In beoordeling',
    accepted: 'Geaccepteerd / in herstel',
    resolved: 'Opgelost',
    published: 'Gepubliceerd',
    closed: 'Gesloten',
  },
}

/** Why a case was closed. */
export const closingReasonLabels: Record<Language, Record<ClosingReason, string>> = {
  en: {
    completed: 'Completed',
    duplicate: 'Duplicate',
    out_of_scope: 'Out of scope',
    not_applicable: 'Not applicable',
    informative: 'Informative',
    spam: 'Spam',
    withdrawn: 'Withdrawn',
  },
  nl: {
    completed: 'Afgerond',
    duplicate: 'Dubbel',
    out_of_scope: 'Buiten het bereik',
    not_applicable: 'Niet van toepassing',
    informative: 'Ter informatie',
    spam: 'Spam',
    withdrawn: 'Ingetrokken',
  },
}

export const channelLabels: Record<Language, Record<Channel, string>> = {
  en: { email: 'Email', web_form: 'Web form', other: 'Other' },
  nl: { email: 'E-mail', web_form: 'Webformulier', other: 'Anders' },
}

/** A severity rating ('unrated' is a severity kind, not a rating: see `unratedLabel`). */
export const ratingLabels: Record<Language, Record<Rating, string>> = {
  en: { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  nl: { none: 'Geen', low: 'Laag', medium: 'Middel', high: 'Hoog', critical: 'Kritiek' },
}

export const unratedLabel: Record<Language, string> = { en: 'Unrated', nl: 'Niet beoordeeld' }

/** How the reporter wants to be credited. */
export const creditChoiceLabels: Record<Language, Record<Credit['choice'], string>> = {
  en: { not_asked: 'Not yet asked', named: 'By name', handle: 'By handle', anonymous: 'Anonymous', declined: 'Declined credit' },
  nl: { not_asked: 'Nog niet gevraagd', named: 'Op naam', handle: 'Met schuilnaam', anonymous: 'Anoniem', declined: 'Wil geen vermelding' },
}

/** The CVE record's credit types (CVE JSON 5 `credits[].type`). */
export const cveCreditTypeLabels: Record<Language, Record<Credit['cveCreditType'], string>> = {
  en: {
    finder: 'Finder',
    reporter: 'Reporter',
    analyst: 'Analyst',
    coordinator: 'Coordinator',
    remediation_developer: 'Remediation developer',
    other: 'Other',
  },
  nl: {
    finder: 'Vinder',
    reporter: 'Melder',
    analyst: 'Analist',
    coordinator: 'Coördinator',
    remediation_developer: 'Ontwikkelaar van de oplossing',
    other: 'Anders',
  },
}

export const rewardStatusLabels: Record<Language, Record<Reward['status'], string>> = {
  en: { none: 'None', proposed: 'Proposed', approved: 'Approved', paid: 'Paid' },
  nl: { none: 'Geen', proposed: 'Voorgesteld', approved: 'Goedgekeurd', paid: 'Betaald' },
}

/** Each language named in itself, as a language picker shows it, whatever the language around it. */
export const languageNames: Record<Language, string> = { en: 'English', nl: 'Nederlands' }

export const unitLabels: Record<Language, Record<PolicyRule['unit'], string>> = {
  en: { business_days: 'business days', calendar_days: 'calendar days' },
  nl: { business_days: 'werkdagen', calendar_days: 'kalenderdagen' },
}

/** What a calendar-day promise does when its last day is a day off. */
export const onDayOffLabels: Record<Language, Record<PolicyRule['onDayOff'], string>> = {
  en: { stays: 'It stays', next_business_day: 'Next business day' },
  nl: { stays: 'Blijft staan', next_business_day: 'Eerstvolgende werkdag' },
}

/** Things that happen on a case, as a timeline or a deadline names them. */
export const milestoneLabels: Record<Language, Record<Milestone, string>> = {
  en: {
    acknowledgement_sent: 'Acknowledgement sent',
    evaluation_sent: 'Evaluation sent',
    progress_update_sent: 'Progress update sent',
    fix_released: 'Fix released',
    publication_consulted: 'Reporter consulted on publication',
    published: 'Published',
    credit_confirmed: 'Credit confirmed',
    reward_decided: 'Reward decided',
  },
  nl: {
    acknowledgement_sent: 'Ontvangstbevestiging verstuurd',
    evaluation_sent: 'Beoordeling verstuurd',
    progress_update_sent: 'Voortgangsbericht verstuurd',
    fix_released: 'Oplossing uitgebracht',
    publication_consulted: 'Melder geraadpleegd over publicatie',
    published: 'Gepubliceerd',
    credit_confirmed: 'Vermelding bevestigd',
    reward_decided: 'Beloning vastgesteld',
  },
}

/**
 * What a promise counts from, as a policy lists it and a deadline's explanation starts with it: 'Received Fri 18 Dec
 * 16:10', 'Ontvangen vr 18 dec 16:10'. The receipt has the received status's word, so both read the same.
 */
export function anchorLabel(anchor: Anchor, lang: Language): string {
  return anchor === 'received' ? statusLabels[lang].received : milestoneLabels[lang][anchor]
}

/** What keeps a promise. Credit has no milestone of its own to record: choosing it on the case is what confirms it. */
export function metByLabel(milestone: Milestone, lang: Language): string {
  if (milestone !== 'credit_confirmed') return milestoneLabels[lang][milestone]
  return lang === 'nl' ? 'Vermelding gekozen in de zaak' : 'Credit chosen on the case'
}

/** What the team has to do, in the words a deadline list shows. */
export const dueLabels: Record<Language, Record<DueKind, string>> = {
  en: {
    acknowledgement: 'Acknowledge receipt',
    evaluation: 'Send evaluation',
    progress_update: 'Send progress update',
    // The expected resolution date the team promised: the one deadline that is the team's own commitment.
    resolution: 'Release the fix by the date promised',
    publication_consultation: 'Consult reporter on publication',
    credit_confirmation: 'Confirm credit',
    reward_decision: 'Decide reward',
  },
  nl: {
    acknowledgement: 'Ontvangst bevestigen',
    evaluation: 'Beoordeling sturen',
    progress_update: 'Voortgangsbericht sturen',
    resolution: 'Oplossing uiterlijk op de toegezegde datum uitbrengen',
    publication_consultation: 'Melder raadplegen over publicatie',
    credit_confirmation: 'Vermelding bevestigen',
    reward_decision: 'Beloning vaststellen',
  },
}

export const deadlineStateLabels: Record<Language, Record<DeadlineState, string>> = {
  en: {
    waiting: 'Waiting',
    open: 'Open',
    upcoming: 'Upcoming',
    due_today: 'Due today',
    overdue: 'Overdue',
    paused: 'Paused',
    met_on_time: 'Met on time',
    met_late: 'Met late',
    not_applicable: 'Not applicable',
  },
  nl: {
    waiting: 'Wacht',
    open: 'Open',
    upcoming: 'Gepland',
    due_today: 'Uiterlijk vandaag',
    overdue: 'Te laat',
    paused: 'Gepauzeerd',
    met_on_time: 'Op tijd nagekomen',
    met_late: 'Te laat nagekomen',
    not_applicable: 'Vervallen',
  },
}

/** The state word of a promised date that passed without the fix: the team's own commitment slipped, it is not a policy term run out. */
export const slippedLabel: Record<Language, string> = { en: 'Slipped', nl: 'Verstreken' }
