// EDGAR's rule for the names of a submission's documents (EDGAR Filer Manual, Volume II, 5.1.1): at most
// 32 characters, starting with a letter or digit, letters, digits, '.', '-' and '_' only, and one of
// EDGAR's extensions; fundbook also keeps to lower case (an older edition of the manual required it).

/** The extensions of the documents fundbook writes for EDGAR: the HTML and its graphics. */
const EDGAR_EXTENSIONS = ['htm', 'gif', 'jpg'] as const;

/** Why `name` is not a file name EDGAR accepts, or undefined when it is. */
export function edgarFileNameProblem(name: string): string | undefined {
  if (name.length > 32) return `"${name}" is ${name.length} characters long; EDGAR takes at most 32`;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) return `"${name}" has characters EDGAR does not take in a file name (lower-case letters, digits, '.', '-' and '_' only, starting with a letter or digit)`;
  const ext = name.slice(name.lastIndexOf('.') + 1);
  if (!name.includes('.') || !(EDGAR_EXTENSIONS as readonly string[]).includes(ext)) return `"${name}" does not end in ${EDGAR_EXTENSIONS.map((e) => `.${e}`).join(', ')}`;
  return undefined;
}

/**
 * The EDGAR HTML's file name for a fund-period: the fund id's letters and digits (at most 20, starting
 * with a letter) and the period end, e.g. iqm20110831.htm. Letters and digits only: it meets every
 * edition of the naming rule, and it is unique across a fund complex's submission.
 */
export function edgarFileName(fundId: string, periodEnd: string): string {
  let stem = fundId.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!/^[a-z]/.test(stem)) stem = `f${stem}`;
  return `${stem.slice(0, 20)}${periodEnd.replace(/-/g, '')}.htm`;
}
