import type { TemplateEntry } from '../../src/drafts/catalog'
import { compareTemplate, mergedTemplate, templateParts, templateValueAt, type TemplatePart } from '../../src/drafts/mergeTemplate'
import type { DraftTemplate } from '../../src/drafts/template'
import { purposeLabels } from '../../src/i18n/draftWords'
import { templatePartLabel } from '../../src/i18n/partLabels'
import { theirOnlyParts, type PartEdit } from '../../src/merge/parts'
import { call } from '../desk'
import { StoredClash, type Stored } from '../forms/StoredClash'
import { useSaveTemplate } from '../queries/templates'
import { withoutEntryFlags } from './templateCopy'

/** The template as stored now, from the list every screen reads; null when it is no longer there. */
export async function storedTemplate(id: string): Promise<Stored<DraftTemplate> & { all: TemplateEntry[] }> {
  const all = await call((desk) => desk.templates.list({}))
  const entry = all.find((t) => t.id === id)
  return { theirs: entry ? withoutEntryFlags(entry) : null, all }
}

/** A part of a template in words, as the editor shows it; an empty one says so. */
export function templateValueText(all: readonly DraftTemplate[]) {
  return (part: TemplatePart, value: unknown): string => {
    if (part === 'purpose') return purposeLabels.en[value as DraftTemplate['purpose']]
    if (part === 'basedOn') return value === undefined ? '(none)' : (all.find((t) => t.id === value)?.name ?? String(value))
    return typeof value === 'string' && value !== '' ? value : '(empty)'
  }
}

/** Bodies are long: shown preformatted, in a box of their own. */
export const longTemplatePart = (part: TemplatePart) => part.endsWith('.body')

const theirsOnly = (base: DraftTemplate, theirs: DraftTemplate, edits: readonly PartEdit<TemplatePart>[]) =>
  theirOnlyParts(templateParts, templateValueAt, base, theirs, edits)

/**
 * Shown instead of the template editor when its save was refused because someone else saved the same template
 * meanwhile (StoredClash): the subjects and bodies per language, the name and the purpose, part by part.
 */
export function TemplateConflict({
  base,
  mine,
  onSaved,
  onBack,
}: {
  base: DraftTemplate
  mine: DraftTemplate
  onSaved(saved: DraftTemplate): void
  onBack(): void
}) {
  const saveTemplate = useSaveTemplate()
  return (
    <StoredClash
      what="template"
      base={base}
      mine={mine}
      stored={storedTemplate}
      compare={compareTemplate}
      theirsOnly={theirsOnly}
      merged={mergedTemplate}
      partLabel={templatePartLabel}
      valueText={templateValueText}
      long={longTemplatePart}
      save={async (template, on) => onSaved(await saveTemplate(template, on))}
      onBack={onBack}
    />
  )
}
