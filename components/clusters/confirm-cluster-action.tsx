"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { dangerRowButtonClass, secondaryButtonClass } from "./styles";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  clusterId: string;
  clusterName: string;
  /** Whether the cluster's state allows the action now; the component stays mounted either way. */
  show: boolean;
  label: string;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  /** What will happen, in words. */
  children: React.ReactNode;
  /** Deleting the default cluster while others exist: the clusters that may take over. */
  successors?: { id: string; name: string }[];
  /** Where focus goes after success (the row's button is gone by then). */
  focusAfter: string;
};

/**
 * Stop and Delete: a native modal <dialog> (focus trapped, Escape closes, focus back to the
 * button) that says what will happen and asks to type the cluster's name, which the server checks
 * again. The form state lives here, outside the dialog, so a success still toasts after the row
 * has changed.
 */
export function ConfirmClusterAction(props: Props) {
  const { action, clusterId, clusterName, show, label, title, confirmLabel, pendingLabel, children, successors, focusAfter } = props;
  const [state, submit, pending] = useActionState(action, null);
  const [open, setOpen] = useState(false);
  // The answer already on screen when the dialog opened: its errors belong to an earlier attempt.
  const [seen, setSeen] = useState<ActionState>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const succeeded = useRef(false);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    dialogRef.current?.showModal();
    nameRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!state?.ok) return;
    if (state.message) toast.success(state.message);
    succeeded.current = true;
    dialogRef.current?.close();
  }, [state]);

  const onClose = () => {
    setOpen(false);
    const target = succeeded.current ? document.getElementById(focusAfter) : triggerRef.current;
    succeeded.current = false;
    target?.focus();
  };

  const failed = state && !state.ok && state !== seen ? state : null;
  const nameError = failed?.fieldErrors?.confirmName;
  const successorError = failed?.fieldErrors?.successorId;
  const typed = failed?.values?.confirmName ?? "";
  return (
    <>
      {show && (
        <button
          ref={triggerRef}
          type="button"
          aria-haspopup="dialog"
          onClick={() => {
            setSeen(state);
            setOpen(true);
          }}
          className={dangerRowButtonClass}
        >
          {label}
          <span className="sr-only"> {clusterName}</span>
        </button>
      )}
      {open && (
        <dialog
          ref={dialogRef}
          onClose={onClose}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
            {children}
          </div>
          <form action={submit} className="mt-5" noValidate>
            <fieldset disabled={pending} className="space-y-4">
              <input type="hidden" name="clusterId" value={clusterId} />
              <FormError message={failed?.formError ?? failed?.fieldErrors?.clusterId} />
              {successors && successors.length > 0 && (
                <div>
                  <label htmlFor={`${id}-successor`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
                    New default cluster
                  </label>
                  <select
                    key={failed?.values?.successorId ?? ""}
                    id={`${id}-successor`}
                    name="successorId"
                    defaultValue={failed?.values?.successorId ?? ""}
                    aria-invalid={successorError ? true : undefined}
                    aria-describedby={`${id}-successor-error`}
                    className={inputClass}
                  >
                    <option value="">Choose a cluster</option>
                    {successors.map((successor) => (
                      <option key={successor.id} value={successor.id}>
                        {successor.name}
                      </option>
                    ))}
                  </select>
                  <p id={`${id}-successor-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
                    {successorError}
                  </p>
                </div>
              )}
              <div>
                <label htmlFor={`${id}-name`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
                  Type <strong className="font-mono">{clusterName}</strong> to confirm
                </label>
                <input
                  key={typed}
                  ref={nameRef}
                  id={`${id}-name`}
                  name="confirmName"
                  defaultValue={typed}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={`${id}-name-error`}
                  className={inputClass}
                />
                <p id={`${id}-name-error`} aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
                  {nameError}
                </p>
              </div>
              <div className="flex justify-end gap-2">
                <button type="button" onClick={() => dialogRef.current?.close()} className={secondaryButtonClass}>
                  Cancel
                </button>
                <SubmitButton variant="danger" pendingLabel={pendingLabel}>
                  {confirmLabel}
                </SubmitButton>
              </div>
            </fieldset>
          </form>
        </dialog>
      )}
    </>
  );
}
