"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { name: string; retry: Action | null; cancel: Action | null; owner: boolean };

/** Retry the failed teardowns, or cancel the deletion: the owner's two ways out of a stop. */
export function TeardownControls({ name, retry, cancel, owner }: Props) {
  const [open, setOpen] = useState<"retry" | "cancel" | null>(null);
  if (!retry && !cancel) return null;
  return (
    <div className="mt-4 flex flex-wrap gap-3">
      {retry && (
        <Button variant="primary" aria-haspopup="dialog" onClick={() => setOpen("retry")}>
          Retry the teardown
        </Button>
      )}
      {cancel && owner && (
        <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen("cancel")}>
          Cancel the deletion
        </Button>
      )}
      {retry && (
        <ConfirmDialog
          open={open === "retry"}
          onOpenChange={(next) => setOpen(next ? "retry" : null)}
          variant="primary"
          title="Retry the teardown?"
          description="The clusters whose teardown failed are torn down again. When the last one is gone, so is the organization."
          confirmLabel="Retry the teardown"
          pendingLabel="Retrying…"
          action={retry}
        />
      )}
      {cancel && (
        <ConfirmDialog
          open={open === "cancel"}
          onOpenChange={(next) => setOpen(next ? "cancel" : null)}
          variant="primary"
          title={`Cancel the deletion of ${name}?`}
          description="The organization comes back and accepts changes again. Clusters already torn down, and the environments that ran on them, do not come back."
          confirmLabel="Cancel the deletion"
          pendingLabel="Cancelling…"
          action={cancel}
        />
      )}
    </div>
  );
}
