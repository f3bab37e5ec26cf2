"use client";

import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastingAction } from "@/components/members/use-toasting-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/**
 * Starts the install: the server signs a one-time state and sends the browser to GitHub's
 * installation page (a redirect, or the address to go to when the action answers with one).
 */
export function InstallButton({ action }: Props) {
  const { submit, pending, formError } = useToastingAction(async (previous, formData) => {
    const result = await action(previous, formData);
    const url = result?.ok ? result.data?.url : undefined;
    if (url) window.location.assign(url);
    return result;
  });
  return (
    <form action={submit} className="mt-4">
      <fieldset disabled={pending} className="space-y-3">
        <FormError message={formError} />
        <SubmitButton pendingLabel="Opening GitHub…">Install Github Application to manage permission</SubmitButton>
      </fieldset>
    </form>
  );
}
