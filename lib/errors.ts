/** A failure the user can act on; route handlers map `status`, `code` and `details` to the response. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Where and what exactly: the file, line, field or limit involved. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
