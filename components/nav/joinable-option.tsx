"use client";

import { CommandItem } from "@/components/ui/command";
import { roleLabels } from "@/lib/authz/role-labels";
import type { SwitcherJoinable } from "@/lib/pages/org-page";

export const joinableValue = (id: string) => `joinable:${id}`;

/** An organization a verified domain of the user's email lets them ask to join, or join. */
export function JoinableOption({ org, onSelect }: { org: SwitcherJoinable; onSelect: () => void }) {
  const action = org.policy === "auto_join" ? "Join" : org.requested ? "Requested" : "Request to join";
  const detail = org.policy === "auto_join" ? `Your email's domain lets you join as ${roleLabels[org.role]}` : org.requested ? "Waiting for an admin's answer" : "Your email's domain lets you ask";
  return (
    <CommandItem value={joinableValue(org.id)} onSelect={onSelect}>
      <span aria-hidden className="grid size-6 shrink-0 place-items-center text-indigo-700 dark:text-indigo-300">
        +
      </span>
      <span className="min-w-0 flex-1 truncate">
        <span className="sr-only">{action}: </span>
        {org.orgName}
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{detail}</span>
      </span>
      <span aria-hidden className="rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">
        {action}
      </span>
    </CommandItem>
  );
}
