// With --debug, fundbook says on stderr which phase of a command it is in ("fundbook: phase: printing
// iqm 2011-08-31"): for a person watching a long run, and for the tests that send a signal in each phase.
let enabled = false;

export function setDebug(on: boolean): void {
  enabled = on;
}

/** One line on stderr, with --debug only. */
export function debugPhase(text: string): void {
  if (enabled) process.stderr.write(`fundbook: phase: ${text}\n`);
}
