import { Actor } from '../cases/timeline'
import type { StoreDocument } from '../store/document'
import type { DomainEvent } from './events'

export { Actor }

/** What a command may take from outside the document: the clock, who acts, and fresh ids. */
export interface CommandContext {
  now: Date
  actor: Actor
  newId(): string
}

/** A command's answer: the next document (the same object when nothing changed), its result, and what changed. */
export interface Outcome<T> {
  document: StoreDocument
  result: T
  events: DomainEvent[]
}
