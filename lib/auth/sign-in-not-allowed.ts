import { CredentialsSignin } from "next-auth";
import type { SignInRefusalReason } from "./sign-in-policy";

/** Thrown from the development sign-in's `authorize` for an email outside the allowed domains. */
export class SignInNotAllowed extends CredentialsSignin {
  code = "not_allowed";
  constructor(readonly reason: SignInRefusalReason) {
    super("sign-in not allowed");
  }
}
