"use client";

import { useId, useRef, useState } from "react";
import { rowButtonClass } from "@/components/clusters/styles";

type Props = { applicationName: string; command: string };

/**
 * "Connect via SSH": the command to open a shell in the application, in a native modal <dialog>
 * (focus trapped, Escape closes, focus returns to the button), with a Copy button. The command is
 * rendered by the server only for callers with application.ssh.
 */
export function ApplicationSshDialog({ applicationName, command }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [copied, setCopied] = useState<"" | "Copied." | "Copy failed: select the command and copy it.">("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(command);
      setCopied("Copied.");
    } catch {
      setCopied("Copy failed: select the command and copy it.");
    }
  }

  return (
    <>
      <button
        type="button"
        aria-label={`Connect via SSH to ${applicationName}`}
        aria-haspopup="dialog"
        onClick={() => {
          setCopied("");
          dialogRef.current?.showModal();
        }}
        className={rowButtonClass}
      >
        Connect via SSH
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-full max-w-xl rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Connect to {applicationName} via SSH
        </h2>
        <p id={`${id}-body`} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          Run this command in a terminal to open a shell in the application&apos;s container. The gateway identifies you by the SSH key of your
          account.
        </p>
        {/* Wrapped, not scrolled: a scrolling box would need to take keyboard focus of its own. */}
        <pre className="mt-4 rounded-md bg-zinc-950 px-3 py-2 text-sm break-all whitespace-pre-wrap text-zinc-100">
          <code data-testid="ssh-command">{command}</code>
        </pre>
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          This console does not run an SSH gateway: the command shows what a gateway for this organization would accept. Ask your platform team
          whether one is set up.
        </p>
        <div className="mt-5 flex items-center justify-end gap-3">
          <span role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
            {copied}
          </span>
          <button type="button" onClick={copy} className={rowButtonClass}>
            Copy command
          </button>
          <button
            type="button"
            autoFocus
            onClick={() => dialogRef.current?.close()}
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
