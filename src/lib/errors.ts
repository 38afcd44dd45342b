/**
 * Errors a user can act on: bad input named by file, line and reason. Anything else that escapes
 * the pipeline is a bug.
 */

/** Invalid input: the message reads `file:line: reason` (or `file: reason` without a line). */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
  constructor(file: string, line: number | null, reason: string) {
    super(line === null ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
