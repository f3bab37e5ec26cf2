"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { domainId: string; domain: string; headingId: string; action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/** Remove, confirmed: members who joined through it stay members. */
export function RemoveDomainButton({ domainId, domain, headingId, action }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Remove ${domain}`}>
        Remove
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        onSuccess={() => {
          setOpen(false);
          setTimeout(() => document.getElementById(headingId)?.focus());
        }}
        title={`Remove ${domain}?`}
        description={
          <p>
            People at {domain} can no longer ask to join or join automatically. Members who joined through it stay members. To use it again, you add and verify it
            again with a new TXT record.
          </p>
        }
        confirmLabel="Remove domain"
        pendingLabel="Removing…"
        variant="danger"
        action={action}
        fields={{ domainId }}
      />
    </>
  );
}
