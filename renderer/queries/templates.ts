import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { shippedTemplate, type TemplateEntry } from '../../src/drafts/catalog'
import type { DraftTemplate } from '../../src/drafts/template'
import { call } from '../desk'

/** The shipped templates, as the team edited them, and the team's own; 'templates:changed' invalidates it (LiveUpdates). */
export const templatesKey = ['templates'] as const

/** Every template a draft can start from: shipped ones (edited or not) first, then the team's own. */
export function useTemplates() {
  return useQuery({ queryKey: templatesKey, queryFn: () => call((desk) => desk.templates.list({})) })
}

/**
 * Saves a template (a shipped one edited, or the team's own) made on `base` (the template as the editor opened it, null
 * for a new one) and shows it at once, so the editor can open the saved copy right away. Loading the list again is the
 * 'templates:changed' event's, not the screen's. Throws the DeskFailure.
 */
export function useSaveTemplate(): (template: DraftTemplate, base: DraftTemplate | null) => Promise<DraftTemplate> {
  const client = useQueryClient()
  return useCallback(
    async (template, base) => {
      const saved = await call((desk) => desk.templates.save({ template, base }))
      client.setQueryData<TemplateEntry[]>(templatesKey, (entries) => entries && withSaved(entries, saved))
      return saved
    },
    [client],
  )
}

/**
 * Removes the team's own template, or resets an edited shipped one to the shipped text (main refuses a shipped one
 * that was never edited, in words), as the screen showed it (`base`). Throws the DeskFailure.
 */
export function useRemoveTemplate(): (base: DraftTemplate) => Promise<void> {
  const client = useQueryClient()
  return useCallback(
    async (base) => {
      await call((desk) => desk.templates.remove({ id: base.id, base }))
      client.setQueryData<TemplateEntry[]>(templatesKey, (entries) => entries && withoutStored(entries, base.id))
    },
    [client],
  )
}

function withSaved(entries: TemplateEntry[], saved: DraftTemplate): TemplateEntry[] {
  const shipped = shippedTemplate(saved.id) !== undefined
  const entry: TemplateEntry = { ...saved, shipped, edited: shipped }
  return entries.some((t) => t.id === saved.id) ? entries.map((t) => (t.id === saved.id ? entry : t)) : [...entries, entry]
}

/** A shipped template comes back as shipped; the team's own is gone. */
function withoutStored(entries: TemplateEntry[], id: string): TemplateEntry[] {
  const shipped = shippedTemplate(id)
  if (!shipped) return entries.filter((t) => t.id !== id)
  return entries.map((t) => (t.id === id ? { ...shipped, shipped: true, edited: false } : t))
}
