"use client";

import { usePathname, useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Command, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { CogIcon, PlusIcon } from "@/components/ui/icons";
import { Popover, PopoverAnchor, PopoverContent } from "@/components/ui/popover";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import { sectionOfPathname } from "@/lib/orgs/sections";
import { JoinableOption } from "./joinable-option";
import { InvitationOption, invitationValue, OrgOption, orgValue } from "./org-option";
import { useActiveDescendant } from "./use-active-descendant";
import { type OrgListing, switcherStatus, useOrgListing } from "./use-org-listing";

type Props = {
  anchorRef: React.RefObject<HTMLButtonElement | null>;
  current: OrganizationChoice | null;
  settingsHref: string | null;
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  onClose: (returnFocus: boolean) => void;
};

/** Where the highlight starts: the current organization, so Enter without moving changes nothing. */
function initialValue(listing: OrgListing, current: OrganizationChoice | null): string {
  const here = listing.organizations.find((org) => org.slug === current?.slug) ?? listing.organizations[0];
  if (here) return orgValue(here.slug);
  return listing.invitations[0] ? invitationValue(listing.invitations[0].id) : "new";
}

/**
 * The switcher's panel, loaded on first use: a non-modal popover anchored to the navbar's trigger,
 * with the server-filtered list (cmdk does no filtering of its own) scrolling above two pinned
 * options, "Organization settings" and "New organization", that arrow keys reach as well.
 */
export function OrgSwitcherPanel({ anchorRef, current, settingsHref, switchOrganization, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState("");
  const [switching, startSwitch] = useTransition();
  const { listing, failed } = useOrgListing(query, (next) => setSelected(initialValue(next, current)));
  const commandRef = useRef<HTMLDivElement>(null);
  useActiveDescendant(commandRef, selected);
  const pathname = usePathname();
  const router = useRouter();

  function go(href: string) {
    onClose(false);
    router.push(href);
  }

  function switchTo(org: OrganizationChoice) {
    if (org.slug === current?.slug) return onClose(true);
    startSwitch(async () => {
      const form = new FormData();
      form.set("section", sectionOfPathname(pathname));
      const result = await switchOrganization(org.slug, null, form);
      // Success redirects; only a failure comes back here.
      if (result && !result.ok) toast.error(result.formError ?? "Could not switch organization.");
    });
  }

  return (
    <Popover open onOpenChange={(open) => !open && onClose(false)}>
      {/* A virtual anchor: the trigger lives in the navbar's own (light) bundle. */}
      <PopoverAnchor virtualRef={anchorRef as React.RefObject<HTMLButtonElement>} />
      <PopoverContent
        aria-label="Switch organization"
        className="w-80"
        onEscapeKeyDown={(event) => {
          event.preventDefault();
          onClose(true);
        }}
        // Clicking the trigger toggles the panel itself; do not let that click count as "outside".
        onInteractOutside={(event) => {
          if (anchorRef.current?.contains(event.target as Node)) event.preventDefault();
        }}
        onCloseAutoFocus={(event) => event.preventDefault()}
      >
        <Command ref={commandRef} shouldFilter={false} loop label="Filter organizations" value={selected} onValueChange={setSelected}>
          <CommandInput autoFocus placeholder="Find an organization…" value={query} onValueChange={setQuery} />
          <CommandList label="Organizations" aria-busy={!listing || switching} className="max-h-none overflow-visible p-0">
            {/* The group names are for screen readers (and tests); the layout says it to the eye. */}
            <CommandGroup heading="Organizations and invitations" className="max-h-72 overflow-y-auto overscroll-contain p-1 [&_[cmdk-group-heading]]:sr-only">
              {listing?.organizations.map((org) => (
                <OrgOption key={org.slug} org={org} current={org.slug === current?.slug} onSelect={() => switchTo(org)} />
              ))}
              {listing?.invitations.map((invitation) => (
                <InvitationOption key={invitation.id} invitation={invitation} onSelect={() => go(invitation.href)} />
              ))}
              {listing?.joinable.map((org) => (
                <JoinableOption key={org.id} org={org} onSelect={() => go(org.href)} />
              ))}
            </CommandGroup>
            {/* Pinned below the scrolling list; shown once the list is there, so Enter never picks them by accident. */}
            {listing && (
              <CommandGroup heading="Pinned" className="border-t border-zinc-200 p-1 dark:border-zinc-700 [&_[cmdk-group-heading]]:sr-only">
                {settingsHref && (
                  <CommandItem value="settings" onSelect={() => go(settingsHref)}>
                    <CogIcon className="size-4 shrink-0 text-zinc-500" /> Organization settings
                  </CommandItem>
                )}
                <CommandItem value="new" onSelect={() => go("/orgs/new")} className="font-medium text-indigo-700 dark:text-indigo-300">
                  <PlusIcon className="size-4 shrink-0" /> New organization
                </CommandItem>
              </CommandGroup>
            )}
          </CommandList>
        </Command>
        <p aria-live="polite" className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {switching ? "Switching organization…" : switcherStatus({ listing, failed, query })}
        </p>
      </PopoverContent>
    </Popover>
  );
}
