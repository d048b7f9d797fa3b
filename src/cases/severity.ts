import * as calculatorModule from 'ae-cvss-calculator'
import { DeskError } from '../errors'
import type { Rating } from './case'

// The package is a CommonJS bundle marked __esModule: bundlers and tsx see its named exports, while Node's own ESM
// loader (the built main process) sees only a default export holding them.
const calculator: typeof calculatorModule = calculatorModule.Cvss3P1
  ? calculatorModule
  : (calculatorModule as unknown as { default: typeof calculatorModule }).default
const { Cvss3P1, Cvss4P0 } = calculator

export interface CvssScore {
  version: '3.1' | '4.0'
  vector: string
  score: number
  rating: Rating
}

const calculators = { '3.1': Cvss3P1, '4.0': Cvss4P0 } as const

/** The CVSS qualitative severity scale, identical in 3.1 and 4.0. */
export function ratingOf(score: number): Rating {
  if (score === 0) return 'none'
  if (score < 4) return 'low'
  if (score < 7) return 'medium'
  if (score < 9) return 'high'
  return 'critical'
}

function invalid(vector: string, problem: string): DeskError {
  const message = `The CVSS vector "${vector}" ${problem}.`
  return new DeskError('invalid_input', message, [{ path: 'severity.vector', message }])
}

/**
 * Scores a CVSS 3.1 or 4.0 vector. The calculator itself accepts partial vectors, long metric names and repeated
 * metrics silently, so the vector is checked strictly against the registered metrics first.
 */
export function scoreCvss(input: string): CvssScore {
  const vector = input.trim()
  const prefix = /^CVSS:(\d+\.\d+)\//.exec(vector)
  if (!prefix) throw invalid(vector, 'must start with CVSS:3.1/ or CVSS:4.0/')
  const version = prefix[1]
  if (version !== '3.1' && version !== '4.0') throw invalid(vector, `is CVSS ${version}; only CVSS 3.1 and 4.0 are supported`)

  const vectorModel = new calculators[version]()
  const metrics = new Map(
    [...vectorModel.getRegisteredComponents()].flatMap(([category, components]) =>
      components.map((component) => [component.shortName, { category: category.name, component }] as const),
    ),
  )
  const seen = new Set<string>()
  for (const part of vector.slice(prefix[0].length).split('/')) {
    const [name = '', value, extra] = part.split(':')
    if (value === undefined || extra !== undefined || !name) throw invalid(vector, `has "${part}" where a metric like AV:N belongs`)
    const metric = metrics.get(name)
    if (!metric) throw invalid(vector, `has an unknown metric ${name}`)
    if (seen.has(name)) throw invalid(vector, `sets the metric ${name} twice`)
    seen.add(name)
    const allowed = metric.component.values.map((v) => v.shortName)
    const known = metric.component.values.find((v) => v.shortName === value)
    if (!known || (metric.category === 'base' && value === 'X')) {
      const choices = metric.category === 'base' ? allowed.filter((v) => v !== 'X') : allowed
      throw invalid(vector, `has ${name}:${value}; ${name} must be one of ${choices.join(', ')}`)
    }
    vectorModel.applyComponent(metric.component, known, false)
  }
  const missing = [...metrics].filter(([name, m]) => m.category === 'base' && !seen.has(name)).map(([name]) => name)
  if (missing.length > 0) throw invalid(vector, `lacks the base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)

  const score = vectorModel.calculateScores().overall
  return { version, vector, score, rating: ratingOf(score) }
}
