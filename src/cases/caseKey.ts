/** The next key of a year, e.g. VD-2026-007: one more than the highest key of that year, at least three digits. */
export function nextCaseKey(existingKeys: string[], year: number): string {
  const pattern = new RegExp(`^VD-${year}-(\\d+)$`)
  let highest = 0
  for (const key of existingKeys) {
    const match = pattern.exec(key)
    if (match) highest = Math.max(highest, Number(match[1]))
  }
  return `VD-${year}-${String(highest + 1).padStart(3, '0')}`
}
