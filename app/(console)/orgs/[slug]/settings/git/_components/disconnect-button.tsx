"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  account: string;
  /** What disconnecting changes, with the applications losing update and auto-deploy. */
  children: React.ReactNode;
};

/**
 * Disconnect, after the kit's confirmation. The action then brings the page back with
 * ?disconnected=…, where it says what changed and how to uninstall the App on GitHub.
 */
export function DisconnectButton({ action, account, children }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" aria-label={`Disconnect ${account}`} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Disconnect
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Disconnect ${account}?`}
        description={children}
        confirmLabel="Disconnect"
        pendingLabel="Disconnecting…"
        action={action}
        onSuccess={focusHeading}
      />
    </>
  );
}

// The Disconnect button is gone once the page comes back disconnected: focus goes to its title.
function focusHeading() {
  const heading = document.getElementById("git-heading");
  heading?.setAttribute("tabindex", "-1");
  heading?.focus();
}
