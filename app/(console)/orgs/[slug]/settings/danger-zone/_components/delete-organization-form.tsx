"use client";

import { useActionState, useState } from "react";
import { toast } from "sonner";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; slug: string };

/**
 * The owner types the slug to confirm (the server checks it again). The button waits for an exact
 * match so a stray Enter cannot delete; success redirects, and the toast arrives on the next page.
 */
export function DeleteOrganizationForm({ action, slug }: Props) {
  const [state, submit, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok && result.message) toast.success(result.message);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const typed = failed?.values?.confirmSlug ?? "";
  const [matches, setMatches] = useState(typed === slug);
  return (
    <form action={submit} noValidate className="mt-4 max-w-xl">
      <fieldset disabled={pending} className="space-y-4">
        <FormError message={failed?.formError} />
        <p className="text-sm text-zinc-700 dark:text-zinc-300">This permanently deletes the organization and everything listed above. It cannot be undone.</p>
        <ConfirmByTyping expected={slug} name="confirmSlug" error={failed?.fieldErrors?.confirmSlug} defaultValue={typed} onMatchChange={setMatches} />
      </fieldset>
      <div className="mt-4">
        <SubmitButton variant="danger" pendingLabel="Deleting…" disabled={!matches}>
          Delete organization
        </SubmitButton>
      </div>
    </form>
  );
}
