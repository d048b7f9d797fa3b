import { describe, expect, it } from 'vitest'
import { externalLink } from '../../src/links/externalLink'

describe('externalLink', () => {
  it('accepts an https page and a mailto address', () => {
    expect(externalLink('https://example.org/hall-of-fame')?.href).toBe('https://example.org/hall-of-fame')
    expect(externalLink('mailto:researcher@example.org')?.href).toBe('mailto:researcher@example.org')
  })

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'smb://attacker/share',
    'https://user:pass@example.org/',
    'mailto:a@example.org%0D%0ABcc:victim@example.org',
    'not a url',
    // Malformed percent-encoding: refused, not thrown (the link renders while the screen does).
    'mailto:a@example.org%',
    'mailto:%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(externalLink(url)).toBeNull()
  })
})
