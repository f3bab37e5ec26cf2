"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  /** The button's text, and its accessible name naming what it deletes. */
  label: string;
  accessibleName: string;
  title: string;
  confirmLabel: string;
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  children: React.ReactNode;
};

/** An item page's Delete: the button and the kit's ConfirmDialog (the action redirects on success). */
export function ConfirmDeleteButton({ label, accessibleName, title, confirmLabel, action, fields, children }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" aria-label={accessibleName} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog open={open} onOpenChange={setOpen} title={title} description={children} confirmLabel={confirmLabel} pendingLabel="Deleting…" action={action} fields={fields} />
    </>
  );
}
