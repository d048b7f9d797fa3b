import type { DeskApi } from '../src/ipc/contract'

declare global {
  interface Window {
    /** The only way to the main process: exposed by the preload, one function per contract channel. */
    desk: DeskApi
  }
}
