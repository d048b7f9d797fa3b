import { z } from 'zod'
import { shippedTemplate } from '../drafts/catalog'
import { DraftTemplate, TemplateId } from '../drafts/template'
import { DeskError, parseInput, refusal } from '../errors'
import type { StoreDocument } from '../store/document'
import type { CommandContext, Outcome } from './context'

/**
 * `base`: the template the edit was made on, null for a new one; merged with what is stored now part by part. Absent:
 * made on the template as stored now (a script or test holding the store).
 */
export const SaveTemplate = z.object({ type: z.literal('template.save'), template: DraftTemplate, base: DraftTemplate.nullable().optional() })
export type SaveTemplate = z.input<typeof SaveTemplate>
/** `base`: the template as the person saw it when they chose to remove or reset it; absent, as stored now. */
export const RemoveTemplate = z.object({ type: z.literal('template.remove'), templateId: TemplateId, base: DraftTemplate.optional() })
export type RemoveTemplate = z.input<typeof RemoveTemplate>

/**
 * Stores one template: the team's own, or its edit of a shipped one (same id). An edited shipped template keeps its
 * purpose, since what sending it records is what that template is for. Liquid errors are not refused here: the editor
 * shows them at their line and column, and a draft with one cannot be sent.
 */
export function saveTemplate(doc: StoreDocument, cmd: SaveTemplate, _ctx: CommandContext): Outcome<DraftTemplate> {
  const { template } = parseInput(SaveTemplate, cmd, 'The template')
  const shipped = shippedTemplate(template.id)
  if (shipped !== undefined && template.purpose !== shipped.purpose) {
    throw refusal('purpose', 'A shipped template keeps its purpose; duplicate it to write one for another purpose')
  }
  const known = doc.templates.some((t) => t.id === template.id)
  const templates = known ? doc.templates.map((t) => (t.id === template.id ? template : t)) : [...doc.templates, template]
  return { document: { ...doc, templates }, result: template, events: [{ type: 'templates.changed' }] }
}

/** Removes one of the team's own templates, or resets an edited shipped one to its shipped text. */
export function removeTemplate(doc: StoreDocument, cmd: RemoveTemplate, _ctx: CommandContext): Outcome<{ removed: true }> {
  const { templateId } = parseInput(RemoveTemplate, cmd, 'The removal')
  const stored = doc.templates.find((t) => t.id === templateId)
  if (!stored) {
    if (shippedTemplate(templateId) !== undefined) {
      throw new DeskError('invalid_input', 'This template is shipped with the app and has not been edited: there is nothing to reset, and it cannot be removed.')
    }
    throw new DeskError('not_found', 'This template is no longer in the store; it may have been removed already.')
  }
  return {
    document: { ...doc, templates: doc.templates.filter((t) => t.id !== templateId) },
    result: { removed: true },
    events: [{ type: 'templates.changed' }],
  }
}
