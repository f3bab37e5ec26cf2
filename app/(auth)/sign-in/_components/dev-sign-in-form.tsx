"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAsDeveloper } from "../actions";

export function DevSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAsDeveloper, null);
  const feedback = useActionFeedback(state);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormError message={feedback.formError} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={feedback.value("email", "")} error={feedback.fieldError("email")} />
      <Field name="name" label="Name" hint="Used only the first time this email signs in." defaultValue={feedback.value("name", "")} />
      <SubmitButton pendingLabel="Signing in…">Sign in with email</SubmitButton>
    </form>
  );
}
