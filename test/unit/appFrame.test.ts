import { describe, expect, it } from 'vitest'
import { isAppFrame, isAppRequest } from '../../electron/appFrame'

const built = { rendererFile: '/opt/Disclosure Desk/out/renderer/index.html' }
const top = (url: string) => ({ url, parent: null })

describe('isAppFrame', () => {
  it("accepts the built renderer's own top-level page, whatever its route", () => {
    expect(isAppFrame(top('file:///opt/Disclosure%20Desk/out/renderer/index.html#/cases/abc'), built)).toBe(true)
  })

  it('refuses an iframe, another local file, a remote page and a missing frame', () => {
    expect(isAppFrame({ url: 'file:///opt/Disclosure%20Desk/out/renderer/index.html', parent: {} }, built)).toBe(false)
    expect(isAppFrame(top('file:///tmp/evil.html'), built)).toBe(false)
    expect(isAppFrame(top('https://evil.example/out/renderer/index.html'), built)).toBe(false)
    expect(isAppFrame(null, built)).toBe(false)
  })

  it('accepts only the dev server origin in development', () => {
    const dev = { ...built, devServerUrl: 'http://localhost:5173/' }
    expect(isAppFrame(top('http://localhost:5173/#/settings'), dev)).toBe(true)
    expect(isAppFrame(top('http://localhost:5174/'), dev)).toBe(false)
    expect(isAppFrame(top('file:///opt/Disclosure%20Desk/out/renderer/index.html'), dev)).toBe(false)
  })
})

describe('isAppRequest', () => {
  it('lets the built app load its own files and inline data, and no other file and nothing remote', () => {
    expect(isAppRequest('file:///opt/Disclosure%20Desk/out/renderer/assets/index.js', built)).toBe(true)
    expect(isAppRequest('file:///etc/passwd', built)).toBe(false)
    expect(isAppRequest('file:///opt/Disclosure%20Desk/out/renderer-evil/x.js', built)).toBe(false)
    expect(isAppRequest('data:image/png;base64,iVBORw0KGgo=', built)).toBe(true)
    expect(isAppRequest('https://evil.example/pixel.png', built)).toBe(false)
    expect(isAppRequest('http://localhost:5173/', built)).toBe(false)
  })

  it('lets the dev server and its hot-reload socket through in development, and no other port', () => {
    const dev = { ...built, devServerUrl: 'http://localhost:5173/' }
    expect(isAppRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAppRequest('http://localhost:8080/', dev)).toBe(false)
    expect(isAppRequest('https://evil.example/', dev)).toBe(false)
  })
})
