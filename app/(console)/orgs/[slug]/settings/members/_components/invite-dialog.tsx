"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useLazyComponent } from "@/components/ui/use-lazy-component";
import type { InviteDialogPanelProps } from "./invite-dialog-panel";

type Props = Omit<InviteDialogPanelProps, "open" | "onOpenChange">;

const loadPanel = () => import("./invite-dialog-panel").then((module) => module.InviteDialogPanel);

/**
 * The page header's "Invite members": the invite form in a dialog. After sending, the page stays
 * on its tab: the toast says what happened and the Invitations tab's count (refreshed) shows it.
 * The dialog is fetched when a pointer or focus reaches the button, at the latest on opening.
 */
export function InviteDialog(props: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const Panel = useLazyComponent(loadPanel, open);
  const preload = () => void loadPanel();

  function change(next: boolean) {
    setOpen(next);
    // Radix gives focus back to its own trigger; this button is not one.
    if (!next) button.current?.focus();
  }

  return (
    <>
      <Button ref={button} aria-haspopup="dialog" onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        Invite members
      </Button>
      {Panel && <Panel open={open} onOpenChange={change} {...props} />}
    </>
  );
}
