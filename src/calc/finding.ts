// A finding: something a reviewer must see — a stated figure that does not follow from the data,
// a statement that does not foot, a rule the board asked to be warned about.
import type { DataPath } from '../load/locate.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** Stable, upper-case code, e.g. TIE_OUT, STATED_VS_COMPUTED, QUORUM_NOT_MET. */
  code: string;
  message: string;
  stated?: string;
  computed?: string;
  /** Where in the fund data the finding points (resolved to file:line:col by the caller). */
  path?: DataPath;
}
