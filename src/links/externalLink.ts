/**
 * The only addresses the app hands to the operating system: https pages and mailto links.
 * Anything else (file:, javascript:, custom schemes a reporter might plant) is refused.
 */
export function externalLink(raw: string): URL | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '') return url
  if (url.protocol === 'mailto:' && !/[\r\n]/.test(decoded(url.pathname) ?? '\n')) return url
  return null
}

/** Null for text that is not valid percent-encoding ('%E0%A4%A'), which decodeURIComponent throws on. */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
