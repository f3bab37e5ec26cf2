"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useLazyComponent } from "@/components/ui/use-lazy-component";

const loadDialog = () => import("./application-ssh-dialog").then((module) => module.ApplicationSshDialog);

/**
 * The application page's own "Connect via SSH" button (a table opens the dialog from its row
 * menus). The dialog is fetched when a pointer or focus reaches the button, at the latest on opening.
 */
export function ApplicationSshButton({ applicationName, command }: { applicationName: string; command: string }) {
  const [open, setOpen] = useState(false);
  const Dialog = useLazyComponent(loadDialog, open);
  const preload = () => void loadDialog();
  return (
    <>
      <Button
        variant="secondary"
        aria-label={`Connect via SSH to ${applicationName}`}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpen(true)}
      >
        Connect via SSH
      </Button>
      {Dialog && <Dialog application={open ? { name: applicationName, command } : null} onOpenChange={setOpen} />}
    </>
  );
}
