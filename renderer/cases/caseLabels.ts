import type { Channel, Rating } from '../../src/cases/case'

export const ratingLabels: Record<Rating, string> = {
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
}

export const ratingOrder: Rating[] = ['critical', 'high', 'medium', 'low', 'none']

export const channelLabels: Record<Channel, string> = {
  email: 'Email',
  web_form: 'Web form',
  other: 'Other',
}

export const languageLabels = { en: 'English', nl: 'Nederlands' } as const
