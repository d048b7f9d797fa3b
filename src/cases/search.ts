import type { Case } from './case'

/** Lower-cased once per case object: the store hands out the same object until the case changes. */
const searchable = new WeakMap<Case, string>()

function textOf(c: Case): string {
  let text = searchable.get(c)
  if (text === undefined) {
    text = [c.key, c.title, c.reporter.name, c.reporter.email, c.reporter.handle ?? '', c.reportText].join('\n').toLowerCase()
    searchable.set(c, text)
  }
  return text
}

/**
 * The cases whose key, title, reporter or report text contain every word of `text`, in the order given. Runs in main,
 * where the report texts are, so the case list never has to carry them. Blank text matches every case.
 */
export function matchingCaseIds(cases: readonly Case[], text: string): string[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  return cases.filter((c) => words.every((w) => textOf(c).includes(w))).map((c) => c.id)
}
