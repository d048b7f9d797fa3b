export { openStore, type ChangeOrigin, type Store, type StoreListener, type StoreOptions } from './store'
export { StoreDocument, currentSchemaVersion } from './document'
export { readStoreFile, replaceStoreFile, type Encoding, type LockHolder, type StoreFileContents } from './documentFile'
