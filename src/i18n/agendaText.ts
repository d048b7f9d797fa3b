import type { AgendaEntry, AgendaKind } from '../agenda/agendaEntry'
import type { ChipTone } from '../agenda/chipTone'
import { zoneLabel } from './dates'
import type { Language } from './language'

/** What an entry is about, as a calendar chip or a Today row names it. */
const kindLabels: Record<Language, Record<AgendaKind, string>> = {
  en: {
    acknowledgement: 'Acknowledgement',
    evaluation: 'Evaluation',
    progress_update: 'Progress update',
    resolution: 'Expected resolution',
    publication_consultation: 'Publication consultation',
    credit_confirmation: 'Credit confirmation',
    reward_decision: 'Reward decision',
    publication: 'Publication',
  },
  nl: {
    acknowledgement: 'Ontvangstbevestiging',
    evaluation: 'Beoordeling',
    progress_update: 'Voortgangsbericht',
    resolution: 'Verwachte oplossing',
    publication_consultation: 'Overleg over publicatie',
    credit_confirmation: 'Vermelding',
    reward_decision: 'Beloningsbesluit',
    publication: 'Publicatie',
  },
}

export function agendaKindLabel(kind: AgendaKind, lang: Language): string {
  return kindLabels[lang][kind]
}

/** The same, short enough for a month chip at 1024 px wide; the full label goes in the chip's accessible name. */
const shortKindLabels: Record<Language, Record<AgendaKind, string>> = {
  en: {
    acknowledgement: 'Ack.',
    evaluation: 'Eval.',
    progress_update: 'Update',
    resolution: 'Fix date',
    publication_consultation: 'Consult.',
    credit_confirmation: 'Credit',
    reward_decision: 'Reward',
    publication: 'Publ.',
  },
  nl: {
    acknowledgement: 'Ontv.',
    evaluation: 'Beoord.',
    progress_update: 'Voortg.',
    resolution: 'Oplosdatum',
    publication_consultation: 'Overleg',
    credit_confirmation: 'Vermeld.',
    reward_decision: 'Beloning',
    publication: 'Publ.',
  },
}

export function agendaKindShortLabel(kind: AgendaKind, lang: Language): string {
  return shortKindLabels[lang][kind]
}

const toneLabels: Record<Language, Record<ChipTone, string>> = {
  en: { overdue: 'Overdue', due_today: 'Due today', this_week: 'Due this week', later: 'Later', met: 'Met', paused: 'Waiting for the reporter' },
  nl: { overdue: 'Te laat', due_today: 'Uiterlijk vandaag', this_week: 'Deze week', later: 'Later', met: 'Nagekomen', paused: 'Wacht op de melder' },
}

export function chipToneLabel(tone: ChipTone, lang: Language): string {
  return toneLabels[lang][tone]
}

/** The lower-case noun of "VD-2026-007: evaluation due". */
const summaryNouns: Record<Language, Record<AgendaKind, string>> = {
  en: {
    acknowledgement: 'acknowledgement',
    evaluation: 'evaluation',
    progress_update: 'progress update',
    resolution: 'expected resolution',
    publication_consultation: 'publication consultation',
    credit_confirmation: 'credit confirmation',
    reward_decision: 'reward decision',
    publication: 'publication',
  },
  nl: {
    acknowledgement: 'ontvangstbevestiging',
    evaluation: 'beoordeling',
    progress_update: 'voortgangsbericht',
    resolution: 'verwachte oplossing',
    publication_consultation: 'overleg over publicatie',
    credit_confirmation: 'vermelding',
    reward_decision: 'beloningsbesluit',
    publication: 'publicatie',
  },
}

/** What is due as agendaSummary names it, for other sentences about the same event ("evaluation done"). */
export function agendaSummaryNoun(kind: AgendaKind, lang: Language): string {
  return summaryNouns[lang][kind]
}

/**
 * An event's title that tells nothing confidential: the case key and what is due ("VD-2026-007: evaluation due"),
 * for calendars that sync to the cloud. A publication is a date, not something due: "VD-2026-007: publication".
 */
export function agendaSummary(key: string, kind: AgendaKind, lang: Language): string {
  const noun = agendaSummaryNoun(kind, lang)
  if (kind === 'publication') return `${key}: ${noun}`
  return lang === 'en' ? `${key}: ${noun} due` : `${key}: ${noun} uiterlijk`
}

const draftNouns: Record<Language, Record<Exclude<AgendaKind, 'resolution' | 'publication'>, string>> = {
  en: {
    acknowledgement: 'Draft the acknowledgement',
    evaluation: 'Draft the evaluation',
    progress_update: 'Draft the progress update',
    publication_consultation: 'Draft the publication consultation',
    credit_confirmation: 'Draft the credit confirmation',
    reward_decision: 'Draft the reward decision',
  },
  nl: {
    acknowledgement: 'Ontvangstbevestiging opstellen',
    evaluation: 'Beoordeling opstellen',
    progress_update: 'Voortgangsbericht opstellen',
    publication_consultation: 'Overleg over publicatie opstellen',
    credit_confirmation: 'Vermelding opstellen',
    reward_decision: 'Beloningsbesluit opstellen',
  },
}

const renegotiate: Record<Language, string> = {
  en: 'Draft a progress update with a new date',
  nl: 'Voortgangsbericht met een nieuwe datum opstellen',
}

/**
 * The one email an entry asks for, as its action's words, or undefined when it asks for none: a kept promise, a
 * publication (published, not written), or an expected resolution date that has not slipped, since the fix keeps it.
 * A slipped date asks for the progress update that renegotiates it, as the draft screen offers.
 */
export function draftActionText(e: Pick<AgendaEntry, 'kind' | 'state'>, lang: Language): string | undefined {
  if (e.state === 'met_on_time' || e.state === 'met_late' || e.state === 'not_applicable' || e.state === 'waiting') return undefined
  if (e.kind === 'publication') return undefined
  if (e.kind === 'resolution') return e.state === 'overdue' ? renegotiate[lang] : undefined
  return draftNouns[lang][e.kind]
}

/** The note of an entry counted on another clock than the team's: "due by end of day in Asia/Kolkata". */
export function otherZoneText(zone: string, lang: Language): string {
  return lang === 'en' ? `due by end of day in ${zoneLabel(zone)}` : `uiterlijk einde van de dag in ${zoneLabel(zone)}`
}
