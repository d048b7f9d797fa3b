import { assertChosen, compareParts, keepsMine, type Choices, type PartEdit } from '../merge/parts'
import type { DraftTemplate } from './template'

// A template edited by two people at once is merged part by part (src/merge/parts.ts): one fixing the English subject
// and the other the Dutch body did not change the same thing.

export const templateParts = [
  'name',
  'purpose',
  'texts.en.subject',
  'texts.en.body',
  'texts.nl.subject',
  'texts.nl.body',
  'basedOn',
] as const
export type TemplatePart = (typeof templateParts)[number]

type Language = keyof DraftTemplate['texts']
type TextKey = keyof DraftTemplate['texts'][Language]

function textOf(part: TemplatePart): { language: Language; key: TextKey } | undefined {
  const [head, language, key] = part.split('.')
  return head === 'texts' ? { language: language as Language, key: key as TextKey } : undefined
}

export function templateValueAt(template: DraftTemplate, part: TemplatePart): unknown {
  const text = textOf(part)
  return text ? template.texts[text.language][text.key] : template[part as 'name' | 'purpose' | 'basedOn']
}

/** The parts this person (`mine`, made on `base`) changed, each with what the template stored now (`theirs`) holds there. */
export function compareTemplate(base: DraftTemplate, mine: DraftTemplate, theirs: DraftTemplate): PartEdit<TemplatePart>[] {
  return compareParts(templateParts, templateValueAt, base, mine, theirs)
}

/**
 * The template to save: `theirs` with each part this person's edit keeps. Throws when a part both changed has no
 * choice: call it without choices only when no part is on both sides.
 */
export function mergedTemplate(
  edits: readonly PartEdit<TemplatePart>[],
  theirs: DraftTemplate,
  choices: Choices<TemplatePart> = {},
): DraftTemplate {
  assertChosen(edits, choices)
  const merged: DraftTemplate = { ...theirs, texts: { en: { ...theirs.texts.en }, nl: { ...theirs.texts.nl } } }
  for (const edit of edits) {
    if (!keepsMine(edit, choices)) continue
    const text = textOf(edit.part)
    if (text) merged.texts[text.language][text.key] = edit.mine as string
    else if (edit.mine === undefined) delete merged[edit.part as 'basedOn']
    else Object.assign(merged, { [edit.part]: edit.mine })
  }
  return merged
}
