export { openStore, type ChangeOrigin, type Store, type StoreListener, type StoreOptions } from './store'
export { StoreDocument, currentSchemaVersion } from './document'
export type { Encoding } from './documentFile'
