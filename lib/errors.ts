/** A failure the user can act on; route handlers map `status` and `code` to the response. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
