/**
 * Node flags of the processes that run one long PGlite job and end (backup, restore, creating the empty
 * cluster): WebAssembly compiled by the baseline compiler only (optimising PGlite's module took some 380 MB of
 * the peak, for no gain in a run that spends its time in I/O), a heap tuned for size.
 */
export const LEAN_NODE_FLAGS = ['--liftoff-only', '--optimize-for-size', '--max-semi-space-size=1'];
