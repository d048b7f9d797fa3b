import type { z } from 'zod'

export type ShapeCheck = (value: unknown) => boolean

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  options?: z.ZodType[]
  discriminator?: string
  entries?: Record<string, string | number>
  values?: unknown[]
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The values a union option's discriminator field accepts, for picking the option without trying each. An option may
 * itself be a union (the timeline's field_changed is one per field), whose options then hold the values.
 */
function discriminatorValues(option: z.ZodType, discriminator: string): unknown[] {
  const { options } = defOf(option)
  if (options) return options.flatMap((inner) => discriminatorValues(inner, discriminator))
  const field = defOf(option).shape?.[discriminator]
  if (!field) return []
  const def = defOf(field)
  if (def.type === 'literal') return def.values ?? []
  if (def.type === 'enum') return Object.values(def.entries ?? {})
  return []
}

/**
 * Compiles a zod schema into a check of types only: every field present with the right JSON type, enum and literal
 * values known, discriminated unions resolved. It skips what costs time and cannot break the app's logic (formats such
 * as email and date-time, lengths, ranges), and it fails, so that full validation takes over, where zod would fill in
 * a default. Constructs it does not know fall back to the schema itself.
 */
export function shapeCheck(schema: z.ZodType): ShapeCheck {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return (v) => typeof v === def.type
    case 'literal': {
      const values = def.values ?? []
      return (v) => values.includes(v)
    }
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries ?? {}))
      return (v) => values.has(v)
    }
    case 'optional': {
      const inner = shapeCheck(def.innerType!)
      return (v) => v === undefined || inner(v)
    }
    case 'nullable': {
      const inner = shapeCheck(def.innerType!)
      return (v) => v === null || inner(v)
    }
    case 'default': {
      const inner = shapeCheck(def.innerType!)
      return (v) => v !== undefined && inner(v)
    }
    case 'array': {
      const element = shapeCheck(def.element!)
      return (v) => Array.isArray(v) && v.every(element)
    }
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(([key, field]) => [key, shapeCheck(field)] as const)
      return (v) => {
        if (!isRecord(v)) return false
        for (const [key, check] of fields) if (!check(v[key])) return false
        return true
      }
    }
    case 'union': {
      const options = (def.options ?? []).map((option) => ({ option, check: shapeCheck(option) }))
      const { discriminator } = def
      if (discriminator) {
        const byValue = new Map<unknown, ShapeCheck>()
        for (const { option, check } of options) for (const value of discriminatorValues(option, discriminator)) byValue.set(value, check)
        return (v) => isRecord(v) && (byValue.get(v[discriminator])?.(v) ?? false)
      }
      return (v) => options.some(({ check }) => check(v))
    }
    default:
      return (v) => schema.safeParse(v).success
  }
}
