import type { TemplateEntry } from '../../src/drafts/catalog'
import type { DraftTemplate, TemplateText } from '../../src/drafts/template'

// TemplateId allows 80 characters: the base is cut so the suffix always fits.
const idMax = 80

/** The first free id of the form `acknowledgement-copy-1`, `acknowledgement-copy-2`, … */
export function copyId(sourceId: string, existing: readonly { id: string }[]): string {
  const ids = new Set(existing.map((t) => t.id))
  for (let n = 1; ; n++) {
    const suffix = `-copy-${n}`
    const id = `${sourceId.slice(0, idMax - suffix.length)}${suffix}`
    if (!ids.has(id)) return id
  }
}

/** The team's own copy of a template, as saved: same purpose and texts, named as a copy, remembering its source. */
export function copyOf(source: DraftTemplate, existing: readonly { id: string }[]): DraftTemplate {
  return {
    id: copyId(source.id, existing),
    name: `${source.name} (copy)`.slice(0, 200),
    purpose: source.purpose,
    texts: { en: { ...source.texts.en }, nl: { ...source.texts.nl } },
    basedOn: source.basedOn ?? source.id,
  }
}

export const sameText = (a: TemplateText, b: TemplateText) => a.subject === b.subject && a.body === b.body

/** A listed template as it is stored: without what the list says of it. */
export const withoutEntryFlags = ({ shipped: _s, edited: _e, ...template }: TemplateEntry): DraftTemplate => template
