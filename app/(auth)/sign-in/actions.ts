"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { devLoginProviderId, signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SignInNotAllowed } from "@/lib/auth/sign-in-not-allowed";
import { policyRefusalMessage } from "@/lib/auth/sign-in-policy";
import { configuredOAuthProviders, devLoginEnabled } from "@/lib/env";
import { signInRefusalMessage } from "@/lib/rate-limit/messages";
import { SignInRateLimited } from "@/lib/rate-limit/sign-in";

// Signing in creates a session, not organization data, so these are the two server actions that
// run before there is a user to authorize.

const devSignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address, such as you@example.com.")),
  name: z.string().trim().max(100, "The name must be at most 100 characters.").optional(),
  callbackUrl: z.string().optional(),
});

export async function signInAsDeveloper(_previous: ActionState, formData: FormData): Promise<ActionResult> {
  if (!devLoginEnabled) return { ok: false, formError: "The development sign-in is turned off on this server." };
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  const parsed = devSignInSchema.safeParse({ ...values, callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success) {
    return { ok: false, fieldErrors: { email: parsed.error.issues[0]?.message }, values };
  }
  try {
    await signIn(devLoginProviderId, {
      email: parsed.data.email,
      name: parsed.data.name ?? "",
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    // Success throws Next's redirect, which must propagate; only Auth.js's own errors are ours.
    if (error instanceof SignInNotAllowed) return { ok: false, fieldErrors: { email: policyRefusalMessage(error.reason) }, values };
    if (error instanceof SignInRateLimited) return { ok: false, formError: signInRefusalMessage(error.refusal), values };
    if (error instanceof AuthError) return { ok: false, formError: "Sign-in failed. Check the email address and try again.", values };
    throw error;
  }
  return { ok: true };
}

export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  if (!configuredOAuthProviders().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackPath(String(formData.get("callbackUrl") ?? "")) });
}
