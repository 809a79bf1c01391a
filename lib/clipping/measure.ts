/** Records a User Timing measure from `start` to now (the bench and e2e read them); a nicety where missing. */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing L3 unavailable.
  }
}
