import { shippedTemplates } from './shippedTemplates'
import type { DraftTemplate } from './template'

/** A template as the picker and the settings list show it: shipped or the team's own, and whether the team edited it. */
export type TemplateEntry = DraftTemplate & { shipped: boolean; edited: boolean }

const shippedById = new Map(shippedTemplates.map((t) => [t.id, t]))

export function shippedTemplate(id: string): DraftTemplate | undefined {
  return shippedById.get(id)
}

/**
 * The shipped templates in purpose order, each replaced by the team's edit of it where the store has one, then the
 * team's own templates in the order they were saved.
 */
export function allTemplates(stored: readonly DraftTemplate[]): TemplateEntry[] {
  const storedById = new Map(stored.map((t) => [t.id, t]))
  const shipped = shippedTemplates.map((t): TemplateEntry => {
    const edit = storedById.get(t.id)
    return edit ? { ...edit, shipped: true, edited: true } : { ...t, shipped: true, edited: false }
  })
  const own = stored.filter((t) => !shippedById.has(t.id)).map((t): TemplateEntry => ({ ...t, shipped: false, edited: false }))
  return [...shipped, ...own]
}
