import { DomainError } from "@/lib/errors";

export type SignInFailure =
  | "malformed_message"
  | "wrong_domain"
  | "wrong_chain"
  | "expired_message"
  | "not_yet_valid"
  | "bad_signature"
  | "unknown_nonce";

/** Sign-in was refused; always 401 so a client cannot tell which check a forged message failed first. */
export class SignInError extends DomainError {
  constructor(code: SignInFailure, message: string) {
    super(code, message, 401);
    this.name = "SignInError";
  }
}
