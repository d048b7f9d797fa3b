/**
 * How the text of a store document becomes the bytes on disk and back. This is where encryption or compression plugs
 * in: the rest of the store sees only text, and the change stamp is taken over the bytes as written.
 */
export interface Encoding {
  encode(text: string): Uint8Array | string
  decode(bytes: Uint8Array): string
}

/** UTF-8 JSON as it is today, readable and editable by hand. */
export const plainText: Encoding = {
  encode: (text) => text,
  decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
}
