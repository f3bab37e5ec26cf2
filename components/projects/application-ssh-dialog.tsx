"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";

type Props = {
  /** The application chosen in the table, or null while the dialog is closed. */
  application: { name: string; command: string } | null;
  onOpenChange: (open: boolean) => void;
};

type CopyStatus = "" | "Copied." | "Copy failed: select the command and copy it.";

/**
 * "Connect via SSH": the command to open a shell in the application, with a Copy button, in the
 * kit's Dialog (one per table). The command is rendered by the server only for callers with
 * application.ssh.
 */
export function ApplicationSshDialog({ application, onOpenChange }: Props) {
  return (
    <Dialog open={application !== null} onOpenChange={onOpenChange}>
      {application && <SshContent key={application.command} {...application} />}
    </Dialog>
  );
}

function SshContent({ name, command }: { name: string; command: string }) {
  const [copied, setCopied] = useState<CopyStatus>("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(command);
      setCopied("Copied.");
    } catch {
      setCopied("Copy failed: select the command and copy it.");
    }
  }
  return (
    <DialogContent
      title={`Connect to ${name} via SSH`}
      description="Run this command in a terminal to open a shell in the application's container. The gateway identifies you by the SSH key of your account."
      className="md:max-w-xl"
    >
      {/* Wrapped, not scrolled: a scrolling box would need to take keyboard focus of its own. */}
      <pre className="mt-4 rounded-md bg-zinc-950 px-3 py-2 text-sm break-all whitespace-pre-wrap text-zinc-100">
        <code data-testid="ssh-command">{command}</code>
      </pre>
      <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
        This console does not run an SSH gateway: the command shows what a gateway for this organization would accept. Ask your platform team whether
        one is set up.
      </p>
      <p role="status" aria-live="polite" className="mt-3 text-sm text-zinc-700 empty:hidden dark:text-zinc-300">
        {copied}
      </p>
      <DialogFooter>
        <Button variant="secondary" onClick={copy}>
          Copy command
        </Button>
        <DialogClose autoFocus className={buttonClass({ variant: "secondary" })}>
          Close
        </DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}
