import type { Credit, Reward } from '../../src/cases/case'

export const creditChoiceLabels: Record<Credit['choice'], string> = {
  not_asked: 'Not yet asked',
  named: 'By name',
  handle: 'By handle',
  anonymous: 'Anonymous',
  declined: 'Declined credit',
}

export const cveCreditTypeLabels: Record<Credit['cveCreditType'], string> = {
  finder: 'Finder',
  reporter: 'Reporter',
  analyst: 'Analyst',
  coordinator: 'Coordinator',
  remediation_developer: 'Remediation developer',
  other: 'Other',
}

export const rewardStatusLabels: Record<Reward['status'], string> = {
  none: 'None',
  proposed: 'Proposed',
  approved: 'Approved',
  paid: 'Paid',
}
