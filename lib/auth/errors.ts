import { DomainError } from "@/lib/errors";

export type SignInFailure =
  | "malformed_message"
  | "wrong_domain"
  | "wrong_chain"
  | "expired_message"
  | "not_yet_valid"
  | "bad_signature"
  | "unknown_nonce";

/**
 * Sign-in was refused: always 401, with a code and message saying which check failed so an
 * honest user (wrong network, stale tab) knows what to do. None of them reveals anything secret.
 */
export class SignInError extends DomainError {
  constructor(code: SignInFailure, message: string) {
    super(code, message, 401);
    this.name = "SignInError";
  }
}
