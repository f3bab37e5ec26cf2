import { CredentialsSignin } from "next-auth";
import type { RateLimitRefusal } from "./consume";

/**
 * Thrown from the development sign-in's `authorize`: Auth.js hands it unchanged to the server
 * action that called signIn() (which says when to try again), and a direct POST to its callback
 * lands on /sign-in?error=CredentialsSignin&code=rate_limited.
 */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly refusal: RateLimitRefusal) {
    super("sign-in rate limited");
  }
}
