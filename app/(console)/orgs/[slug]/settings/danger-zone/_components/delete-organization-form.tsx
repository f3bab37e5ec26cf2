"use client";

import { useState } from "react";
import { useToastingAction } from "@/components/forms/use-toasting-action";
import { ConfirmByTyping } from "@/components/ui/confirm-by-typing";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; slug: string; clusters: number };

/**
 * The owner types the slug to confirm (the server checks it again). The button waits for an exact
 * match so a stray Enter cannot delete; success redirects, and the toast arrives on the next page.
 */
export function DeleteOrganizationForm({ action, slug, clusters }: Props) {
  const { submit, pending, formError, fieldError, value } = useToastingAction(action);
  const typed = value("confirmSlug", "");
  const [matches, setMatches] = useState(typed === slug);
  return (
    <form action={submit} noValidate className="mt-4 max-w-xl">
      <fieldset disabled={pending} className="space-y-4">
        <FormError message={formError} />
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          This permanently deletes the organization and everything listed above. It cannot be undone.
          {clusters > 0 &&
            ` ${clusters === 1 ? "Its cluster is" : `Its ${clusters} clusters are`} torn down first: the organization turns read-only at once and goes when the last teardown succeeds.`}
        </p>
        <ConfirmByTyping expected={slug} name="confirmSlug" error={fieldError("confirmSlug")} defaultValue={typed} onMatchChange={setMatches} />
      </fieldset>
      <div className="mt-4">
        <SubmitButton variant="danger" pendingLabel="Deleting…" disabled={!matches}>
          Delete organization
        </SubmitButton>
      </div>
    </form>
  );
}
