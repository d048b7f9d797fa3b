import { TextEncoder as NodeTextEncoder } from 'node:util'

/**
 * Under jsdom (the component tests) the global Uint8Array is jsdom's, and jsdom's TextEncoder gives bytes that are
 * not: openpgp, which the handlers load, refuses them as it loads ("concatUint8Array: Data must be in the form of a
 * Uint8Array"). In the app the page, and main, each have one realm; this encoder gives bytes of the global Uint8Array
 * again, so the handlers run under jsdom as they run in main. Outside jsdom it changes nothing.
 */
class SameRealmTextEncoder extends NodeTextEncoder {
  override encode(input?: string): Uint8Array<ArrayBuffer> {
    const bytes = super.encode(input)
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>
  }
}

globalThis.TextEncoder = SameRealmTextEncoder as unknown as typeof globalThis.TextEncoder
