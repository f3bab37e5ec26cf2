"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { CloudAccountRef } from "./cloud-account-actions";
import { CredentialFields } from "./credential-fields";

type Props = {
  kind: "rename" | "rotate";
  account: CloudAccountRef;
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  onOpenChange: (open: boolean) => void;
  onSuccess: () => void;
};

/** Rename or Rotate credentials for the chosen account, in the kit's Dialog (loaded when first opened). */
export function AccountDialogPanel({ kind, account, action, onOpenChange, onSuccess }: Props) {
  const { submit, pending, formError, fieldError, value } = useToastingAction(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.ok) onSuccess();
    return result;
  });
  const rename = kind === "rename";
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title={rename ? `Rename ${account.name}` : `Rotate the credentials of ${account.name}`}
        description={
          rename ? (
            <p>The name the console shows for this {account.providerLabel} account; clusters keep using it.</p>
          ) : (
            <p>
              The new {account.providerLabel} credentials replace the old ones at once; the account stays the same, so{" "}
              {account.usedBy.length > 0 ? `its clusters (${account.usedBy.join(", ")}) use them from their next operation` : "clusters added with it use them"}.
            </p>
          )
        }
      >
        <form action={submit} className="mt-5" noValidate>
          <input type="hidden" name="cloudAccountId" value={account.id} />
          {!rename && <input type="hidden" name="provider" value={account.provider} />}
          <fieldset disabled={pending} className="space-y-5">
            <FormError message={formError ?? fieldError("cloudAccountId") ?? fieldError("provider")} />
            {rename ? (
              <Field name="name" label="Account name" required defaultValue={value("name", account.name)} error={fieldError("name")} autoComplete="off" />
            ) : (
              <CredentialFields provider={account.provider} fieldError={fieldError} value={value} />
            )}
            <DialogFooter>
              <DialogClose className={buttonClass({ variant: "secondary" })}>Cancel</DialogClose>
              <SubmitButton pendingLabel={rename ? "Renaming…" : "Rotating…"}>{rename ? "Rename" : "Rotate credentials"}</SubmitButton>
            </DialogFooter>
          </fieldset>
        </form>
      </DialogContent>
    </Dialog>
  );
}
