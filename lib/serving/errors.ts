/** A request the inference server refuses: a stable code, a message for people and an HTTP status. */
export class ServingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ServingError";
  }
}
