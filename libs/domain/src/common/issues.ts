/** A problem with input, located by a JSON path ("$.insatser[2].costCentre") or a line ("line 17"). */
export interface ValidationIssue {
  path: string;
  /** Swedish, for the person who has to fix it. */
  message: string;
}

/** Builds a JSON path from segments: ['insatser', 2, 'key'] -> "$.insatser[2].key". */
export function jsonPath(segments: ReadonlyArray<string | number>): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Thrown by domain code when input is refused; carries every issue found, not only the first. */
export class DomainValidationError extends Error {
  constructor(
    public readonly issues: ValidationIssue[],
    message = 'Indata innehåller fel',
  ) {
    super(message);
    this.name = 'DomainValidationError';
  }
}
