import type { Case } from '../cases/case'

const maxLength = 200

function clip(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}

/** A short, readable rendering of a case field's value for the timeline's "changed from … to …". */
export function describeField(field: keyof Case, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)'
  const c = { [field]: value } as Partial<Case>
  switch (field) {
    case 'reportText':
      return `(${(value as string).length.toLocaleString('en-US')} characters)`
    case 'reporter': {
      const r = c.reporter!
      return clip(`${r.name} <${r.email}>${r.handle ? ` (${r.handle})` : ''}`)
    }
    case 'received':
      return `${c.received!.at} (${c.received!.timeZone})`
    case 'severity': {
      const s = c.severity!
      if (s.kind === 'unrated') return 'Unrated'
      if (s.kind === 'rating') return s.rating
      return clip(`${s.score} ${s.rating} (${s.vector})`)
    }
    case 'tags':
      return c.tags!.length === 0 ? '(none)' : clip(c.tags!.join(', '))
    case 'credit': {
      const credit = c.credit!
      return clip(`${credit.choice}${credit.displayName ? `: ${credit.displayName}` : ''}${credit.url ? ` (${credit.url})` : ''}`)
    }
    case 'reward': {
      const r = c.reward!
      const amount = r.amount === undefined ? '' : `, ${r.amount} ${r.currency}`
      return `${r.status}${amount}${r.swag ? ', swag' : ''}`
    }
    default:
      return clip(typeof value === 'string' ? value : JSON.stringify(value))
  }
}
