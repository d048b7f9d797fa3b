import type { DeadlineState } from '../deadlines/deadline'
import type { Anchor, DueKind, Milestone } from '../policies/policy'
import type { Language } from './language'

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

/** An anchor as a deadline's explanation starts with it: 'Received Fri 18 Dec 16:10', 'Ontvangen vr 18 dec 16:10'. */
export function anchorLabel(anchor: Anchor, lang: Language): string {
  if (anchor === 'received') return lang === 'nl' ? 'Ontvangen' : 'Received'
  return milestoneLabels[lang][anchor]
}

/** What the team has to do, in the words a deadline list shows. */
export const dueLabels: Record<Language, Record<DueKind, string>> = {
  en: {
    acknowledgement: 'Acknowledge receipt',
    evaluation: 'Send evaluation',
    progress_update: 'Send progress update',
    resolution: 'Resolve the problem',
    publication_consultation: 'Consult reporter on publication',
    credit_confirmation: 'Confirm credit',
    reward_decision: 'Decide reward',
  },
  nl: {
    acknowledgement: 'Ontvangst bevestigen',
    evaluation: 'Beoordeling sturen',
    progress_update: 'Voortgangsbericht sturen',
    resolution: 'Probleem oplossen',
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
