/** Content-Type parameters as a map, lowercase names: `multipart/encrypted; protocol="application/pgp-encrypted"`. */
export function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = (value ?? '').split(';')
  const params = new Map<string, string>()
  for (const part of rest) {
    const eq = part.indexOf('=')
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'))
  }
  return { type: type.trim().toLowerCase(), params }
}
