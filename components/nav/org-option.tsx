"use client";

import { Avatar } from "@/components/ui/avatar";
import { CommandItem } from "@/components/ui/command";
import { CheckIcon } from "@/components/ui/icons";
import { roleLabels } from "@/lib/authz/role-labels";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import type { SwitcherInvitation } from "@/lib/pages/org-page";

// The switcher's and the palette's rows. Values are prefixed by kind, so an organization and an
// invitation with the same name stay two options.
export const orgValue = (slug: string) => `org:${slug}`;
export const invitationValue = (id: string) => `invitation:${id}`;

type OrgProps = { org: OrganizationChoice; current: boolean; onSelect: () => void };

export function OrgOption({ org, current, onSelect }: OrgProps) {
  return (
    <CommandItem value={orgValue(org.slug)} onSelect={onSelect} aria-current={current || undefined}>
      <Avatar name={org.name} seed={org.slug} size="sm" />
      <span className="min-w-0 flex-1 truncate">
        {org.name}
        {current && <span className="sr-only"> (current)</span>}
      </span>
      {org.deleting && <span className="rounded bg-red-100 px-1.5 text-xs text-red-900 dark:bg-red-950 dark:text-red-100">Deleting</span>}
      {org.kind === "personal" && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">Personal</span>}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{roleLabels[org.role]}</span>
      <span className="w-4 shrink-0 text-indigo-600 dark:text-indigo-400">{current && <CheckIcon />}</span>
    </CommandItem>
  );
}

type InvitationProps = { invitation: SwitcherInvitation; onSelect: () => void };

export function InvitationOption({ invitation, onSelect }: InvitationProps) {
  return (
    <CommandItem value={invitationValue(invitation.id)} onSelect={onSelect}>
      <span aria-hidden className="grid size-6 shrink-0 place-items-center text-emerald-700 dark:text-emerald-400">✉</span>
      <span className="min-w-0 flex-1 truncate">
        <span className="sr-only">Join </span>
        {invitation.orgName}
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">Invited as {roleLabels[invitation.role]}</span>
      </span>
      <span aria-hidden className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
        Join
      </span>
    </CommandItem>
  );
}
