import { describe, expect, it } from 'vitest'
import { anchorLabel, metByLabel } from '../../src/i18n/labels'
import { timeLimitText } from '../../src/i18n/policyText'

describe('a policy rule in words', () => {
  it('writes a time limit in days, one day in the singular, and what a calendar-day count does on a day off', () => {
    const rule = { amount: 15, unit: 'business_days', before: undefined, onDayOff: 'next_business_day' } as const
    expect([timeLimitText(rule, 'en'), timeLimitText(rule, 'nl')]).toEqual(['15 business days', '15 werkdagen'])
    const oneDay = { ...rule, amount: 1, unit: 'calendar_days' } as const
    expect(timeLimitText(oneDay, 'en')).toBe('1 calendar day (a day off moves it to the next business day)')
    expect(timeLimitText({ ...oneDay, onDayOff: 'stays' }, 'nl')).toBe('1 kalenderdag (kan op een vrije dag eindigen)')
  })

  it('a rule without a time limit names what it must come before', () => {
    const open = { amount: null, unit: 'business_days', before: 'published', onDayOff: 'next_business_day' } as const
    expect([timeLimitText(open, 'en'), timeLimitText(open, 'nl')]).toEqual([
      'No time limit (before Published)',
      'Geen termijn (vóór Gepubliceerd)',
    ])
    expect(timeLimitText({ ...open, before: undefined }, 'en')).toBe('No time limit')
  })

  it('names the receipt as a deadline and the received status do, and a credit promise as kept by the choice on the case', () => {
    expect([anchorLabel('received', 'en'), anchorLabel('received', 'nl')]).toEqual(['Received', 'Ontvangen'])
    expect([metByLabel('credit_confirmed', 'en'), metByLabel('evaluation_sent', 'nl')]).toEqual([
      'Credit chosen on the case',
      'Beoordeling verstuurd',
    ])
  })
})
