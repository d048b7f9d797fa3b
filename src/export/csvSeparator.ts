import { z } from 'zod'

/**
 * What separates the cells. Excel opens a CSV file by the system's list separator: a comma in English, a semicolon
 * in Dutch and most European languages (wherever a decimal comma is used), where a comma-separated file shows each
 * row in one column. A semicolon file writes the CVSS score with a decimal comma too, as those spreadsheets read a number.
 */
export const CsvSeparator = z.enum([',', ';'])
export type CsvSeparator = z.infer<typeof CsvSeparator>

/**
 * The separator Excel most likely expects here: a semicolon where this computer's language or the team's calendar
 * country writes numbers with a decimal comma (Windows sets the list separator to ';' there), else a comma. The
 * country counts as well because many people run their system in English with Dutch or German regional formats.
 */
export function likelyCsvSeparator(languages: readonly string[], country: string | undefined): CsvSeparator {
  const locales = [languages[0], country && `und-${country}`].filter((l): l is string => Boolean(l))
  return locales.some(usesDecimalComma) ? ';' : ','
}

function usesDecimalComma(locale: string): boolean {
  try {
    const maximized = new Intl.Locale(locale).maximize().toString()
    return new Intl.NumberFormat(maximized).formatToParts(0.5).find((p) => p.type === 'decimal')?.value === ','
  } catch {
    // A language tag the system made up (or an unknown country) says nothing about its numbers.
    return false
  }
}
