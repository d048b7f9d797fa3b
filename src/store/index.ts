export { openStore, type Store, type StoreOptions } from './openStore'
export { StoreDocument, currentSchemaVersion } from './document'
