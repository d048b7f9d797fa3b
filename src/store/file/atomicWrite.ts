import { durableReplace } from './durableWrite'

/**
 * Replaces a small file whole (who acts per store, installation state, a file the user saves): the same durable
 * replace as the store's, without a lock or a fence, as these files have one writer each.
 */
export async function atomicWrite(file: string, bytes: Uint8Array | string): Promise<void> {
  await durableReplace(file, [typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes])
}
