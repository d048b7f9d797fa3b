/**
 * Work over thousands of cases on the main process (at 10,000 cases most steps take 100 ms to 2 s) gives the event
 * loop a turn after each slice of this long, so no window freezes for much longer: the app allows itself 50 ms.
 */
export const sliceMs = 8

/** A turn for other work: timers and I/O that are due run first, as after setImmediate. Main process only. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * For a loop over many items: `await pause()` after each one gives the event loop a turn once the current slice has
 * run sliceMs, and otherwise goes on at once.
 */
export function slicePauses(): () => Promise<void> {
  let sliceStart = performance.now()
  return async () => {
    if (performance.now() - sliceStart <= sliceMs) return
    await nextTurn()
    sliceStart = performance.now()
  }
}
