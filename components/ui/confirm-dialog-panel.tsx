"use client";

import { useActionState, useState } from "react";
import { toast } from "./toast";
import type { ActionState } from "@/lib/actions/result";
import { AlertDialog, AlertDialogCancel, AlertDialogContent } from "./alert-dialog";
import { buttonClass } from "./button-styles";
import { ConfirmByTyping } from "./confirm-by-typing";
import { DialogFooter } from "./dialog";
import { FormError } from "./field";
import { SubmitButton } from "./submit-button";

import type { ConfirmDialogProps } from "./confirm-dialog";

/** The confirmation dialog itself, loaded by ConfirmDialog when it first opens. */
export function ConfirmDialogPanel({ open, onOpenChange, ...props }: ConfirmDialogProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      {/* Keyed by what it acts on, so one row's error is never shown for another. */}
      {open && <ConfirmForm key={JSON.stringify(props.fields ?? {})} close={() => onOpenChange(false)} {...props} />}
    </AlertDialog>
  );
}

function ConfirmForm({ title, description, confirmLabel, pendingLabel, variant = "danger", action, fields = {}, typed, extra, onSuccess, close }: Omit<ConfirmDialogProps, "open" | "onOpenChange"> & { close: () => void }) {
  const [matches, setMatches] = useState(false);
  const [state, submit] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      // Toasted here, not in an effect: the row (and this dialog's parent) may be gone by now.
      if (result.message) toast.success(result.message);
      close();
      onSuccess?.(result);
    }
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => failed?.fieldErrors?.[name];
  const value = (name: string) => failed?.values?.[name] ?? "";
  const rowError = Object.keys(fields).map(fieldError).find(Boolean);
  return (
    <AlertDialogContent title={title} description={description}>
      <form action={submit} className="mt-5 space-y-4" noValidate>
        {Object.entries(fields).map(([name, fieldValue]) => (
          <input key={name} type="hidden" name={name} value={fieldValue} />
        ))}
        <FormError message={failed?.formError ?? rowError} />
        {extra?.({ fieldError, value })}
        {typed && (
          <ConfirmByTyping
            expected={typed.expected}
            name={typed.field}
            error={fieldError(typed.field)}
            defaultValue={value(typed.field)}
            onMatchChange={setMatches}
            autoFocus
          />
        )}
        <DialogFooter>
          <AlertDialogCancel className={buttonClass({ variant: "secondary" })}>Cancel</AlertDialogCancel>
          <SubmitButton variant={variant} pendingLabel={pendingLabel} disabled={typed ? !matches : false}>
            {confirmLabel}
          </SubmitButton>
        </DialogFooter>
      </form>
    </AlertDialogContent>
  );
}
