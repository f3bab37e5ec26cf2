"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleLabels } from "@/lib/authz/role-labels";
import type { ViewAsOffer } from "./view-as-types";

type Props = { offer: ViewAsOffer; onOpenChange: (open: boolean) => void };

const roleNotes = {
  admin: "Everything but the owner's own rights (deleting the organization, transferring ownership).",
  developer: "Projects and their resources; no organization settings.",
  viewer: "Read-only projects and environments; no databases, no settings.",
  owner: "",
} as const;

/** "View as a role": choose a role below your own; the page then renders as that role's. */
export function ViewAsDialog({ offer, onOpenChange }: Props) {
  const { submit, pending, formError, fieldError, value } = useToastingAction(async (previous, formData) => {
    const result = await offer.start(offer.slug, previous, formData);
    if (result.ok) onOpenChange(false);
    return result;
  });
  const chosen = value("role", offer.roles[offer.roles.length - 1] ?? "viewer");
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title="View as a role"
        description={
          <p>
            See {offer.orgName} as a member with a lower role would: pages and controls appear as theirs and changes are off until you stop
            viewing. Starting is recorded in the audit log.
          </p>
        }
      >
        <form action={submit} className="mt-5" noValidate>
          <fieldset disabled={pending} className="space-y-5">
            <FormError message={formError} />
            <fieldset aria-describedby="view-as-role-error">
              <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Role</legend>
              <div className="mt-2 space-y-2">
                {offer.roles.map((role) => (
                  <label key={role} className="flex items-start gap-2 text-sm">
                    <input type="radio" name="role" value={role} defaultChecked={role === chosen} className="mt-1" />
                    <span>
                      <span className="font-medium">{roleLabels[role]}</span>
                      <span className="block text-zinc-600 dark:text-zinc-400">{roleNotes[role]}</span>
                    </span>
                  </label>
                ))}
              </div>
              <p id="view-as-role-error" aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
                {fieldError("role")}
              </p>
            </fieldset>
            <DialogFooter>
              <DialogClose className={buttonClass({ variant: "secondary" })}>Cancel</DialogClose>
              <SubmitButton pendingLabel="Starting…">Start viewing</SubmitButton>
            </DialogFooter>
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}
