"use client";

import { useId, useRef } from "react";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { useToastingAction } from "./use-toasting-action";

type Props = {
  /** The button that opens the confirmation, and its accessible name when the text is short. */
  trigger: string;
  triggerName?: string;
  title: string;
  children: React.ReactNode;
  confirm: string;
  pendingLabel: string;
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  fields?: Record<string, string>;
  /** Where focus goes after success, since the row holding this dialog usually disappears. */
  focusAfter?: string;
};

const triggerClass =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-zinc-700 dark:text-red-400 dark:hover:bg-red-950";

/**
 * A button that asks first, in a native modal <dialog>: it traps focus, closes on Escape and gives
 * focus back to the button. The form inside posts the server action; an error keeps it open.
 */
export function ConfirmAction({ trigger, triggerName, title, children, confirm, pendingLabel, action, fields = {}, focusAfter }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { submit, pending, formError, fieldError } = useToastingAction(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      dialogRef.current?.close();
      if (focusAfter) document.getElementById(focusAfter)?.focus();
    }
    return result;
  });
  const error = formError ?? Object.keys(fields).map(fieldError).find(Boolean);
  return (
    <>
      <button type="button" aria-label={triggerName} aria-haspopup="dialog" onClick={() => dialogRef.current?.showModal()} className={triggerClass}>
        {trigger}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={`${id}-body`} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {children}
        </div>
        <form action={submit} className="mt-5">
          <fieldset disabled={pending} className="space-y-4">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <FormError message={error} />
            <div className="flex justify-end gap-2">
              <button type="button" autoFocus onClick={() => dialogRef.current?.close()} className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
                Cancel
              </button>
              <SubmitButton variant="danger" pendingLabel={pendingLabel}>
                {confirm}
              </SubmitButton>
            </div>
          </fieldset>
        </form>
      </dialog>
    </>
  );
}
