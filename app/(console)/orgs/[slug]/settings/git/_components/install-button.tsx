"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/**
 * Starts the install: the server signs a one-time state and sends the browser to GitHub's
 * installation page (a redirect, or the address to go to when the action answers with one).
 */
export function InstallButton({ action }: Props) {
  const [state, submit, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    const url = result?.ok ? result.data?.url : undefined;
    if (url) window.location.assign(url);
    return result;
  }, null);
  const { formError } = useActionFeedback(state);
  return (
    <form action={submit} className="mt-4">
      <fieldset disabled={pending} className="space-y-3">
        <FormError message={formError} />
        <SubmitButton pendingLabel="Opening GitHub…" className="h-auto min-h-9 py-2 whitespace-normal">
          Install Github Application to manage permission
        </SubmitButton>
      </fieldset>
    </form>
  );
}
