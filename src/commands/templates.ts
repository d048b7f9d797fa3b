import { z } from 'zod'
import { shippedTemplate } from '../drafts/catalog'
import { compareTemplate, mergedTemplate } from '../drafts/mergeTemplate'
import { DraftTemplate, TemplateId } from '../drafts/template'
import { DeskError, parseInput, refusal } from '../errors'
import { templatePartLabel } from '../i18n/partLabels'
import { changedSinceRefusal, clashRefusal, otherThingRefusal, removedSinceRefusal, takenIdRefusal } from '../merge/clashRefusal'
import { sameValue } from '../merge/parts'
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
 * shows them at their line and column, and a draft with one cannot be sent. An edit is merged with what a colleague
 * saved since `base` part by part (a shipped template never edited is stored as shipped); when both changed the same
 * part differently, or the colleague removed the template or took its id for another, it is refused and nothing saved.
 */
export function saveTemplate(doc: StoreDocument, cmd: SaveTemplate, _ctx: CommandContext): Outcome<DraftTemplate> {
  const { template: mine, base } = parseInput(SaveTemplate, cmd, 'The template')
  if (base && base.id !== mine.id) throw otherThingRefusal({ kind: 'template', name: base.name }, 'saving')
  const shipped = shippedTemplate(mine.id)
  const saved = doc.templates.find((t) => t.id === mine.id)
  const stored = saved ?? shipped
  const template = stored === undefined ? added(mine, base) : edited(mine, base, stored)
  if (shipped !== undefined && template.purpose !== shipped.purpose) {
    throw refusal('purpose', 'A shipped template keeps its purpose; duplicate it to write one for another purpose')
  }
  if (saved !== undefined && sameValue(template, saved)) return { document: doc, result: saved, events: [] }
  const templates = saved ? doc.templates.map((t) => (t.id === template.id ? template : t)) : [...doc.templates, template]
  return { document: { ...doc, templates }, result: template, events: [{ type: 'templates.changed' }] }
}

function added(mine: DraftTemplate, base: DraftTemplate | null | undefined): DraftTemplate {
  if (base) throw removedSinceRefusal({ kind: 'template', name: base.name })
  return mine
}

function edited(mine: DraftTemplate, given: DraftTemplate | null | undefined, stored: DraftTemplate): DraftTemplate {
  if (given === null) throw takenIdRefusal({ kind: 'template', name: stored.name })
  const base = given ?? stored
  const edits = compareTemplate(base, mine, stored)
  const clashes = edits.filter((e) => e.side === 'both')
  if (clashes.length > 0) throw clashRefusal({ kind: 'template', name: stored.name }, clashes.map((e) => templatePartLabel(e.part)))
  return mergedTemplate(edits, stored)
}

/**
 * Removes one of the team's own templates, or resets an edited shipped one to its shipped text, as the person saw it
 * (`base`): one a colleague changed since is not removed unseen.
 */
export function removeTemplate(doc: StoreDocument, cmd: RemoveTemplate, _ctx: CommandContext): Outcome<{ removed: true }> {
  const { templateId, base } = parseInput(RemoveTemplate, cmd, 'The removal')
  const shipped = shippedTemplate(templateId) !== undefined
  if (base && base.id !== templateId) throw otherThingRefusal({ kind: 'template', name: base.name }, shipped ? 'resetting' : 'removing')
  const stored = doc.templates.find((t) => t.id === templateId)
  if (!stored) {
    if (shipped) {
      throw new DeskError('invalid_input', 'This template is shipped with the app and has not been edited: there is nothing to reset, and it cannot be removed.')
    }
    throw new DeskError('not_found', 'This template is no longer in the store; it may have been removed already.')
  }
  if (base !== undefined && !sameValue(stored, base)) throw changedSinceRefusal({ kind: 'template', name: stored.name }, shipped ? 'resetting' : 'removing')
  return {
    document: { ...doc, templates: doc.templates.filter((t) => t.id !== templateId) },
    result: { removed: true },
    events: [{ type: 'templates.changed' }],
  }
}
