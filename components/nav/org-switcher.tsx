"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/permissions";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import { sectionOfPathname } from "@/lib/orgs/sections";
import type { SwitcherInvitation } from "@/lib/pages/org-page";
import { OrgOption, type SwitcherOption } from "./org-option";

type Props = {
  current: OrganizationChoice | null;
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

type Listing = { organizations: OrganizationChoice[]; total: number; invitations: SwitcherInvitation[] };

/**
 * The navbar's organization menu. The list is fetched when it opens and filtered on the server,
 * so a user in hundreds of organizations neither downloads nor renders them all.
 */
export function OrgSwitcher({ current, switchOrganization }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [listing, setListing] = useState<Listing | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const [switching, startSwitch] = useTransition();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  const router = useRouter();
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/organizations?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const next: Listing = await response.json();
        setListing(next);
        setFailed(false);
        // Start on the current organization, so Enter without moving changes nothing.
        setActive(Math.max(0, next.organizations.findIndex((org) => org.slug === current?.slug)));
      } catch (error) {
        if (!controller.signal.aborted) setFailed(Boolean(error));
      }
    }, query ? 150 : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, current?.slug]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !triggerRef.current?.contains(target)) dismiss();
    };
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, [open]);

  // Invitations and "New organization" join once the list is there, so Enter never picks them by accident.
  const options: SwitcherOption[] = listing
    ? [
        ...listing.organizations.map((org) => ({ kind: "org" as const, org })),
        ...listing.invitations.map((invitation) => ({ kind: "invitation" as const, invitation })),
        { kind: "new" },
      ]
    : [];

  // Forgets the list too: on reopening, Enter must not act on a highlight left from last time.
  function dismiss() {
    setOpen(false);
    setQuery("");
    setListing(null);
    setActive(0);
  }

  function close() {
    dismiss();
    triggerRef.current?.focus();
  }

  function choose(option: SwitcherOption) {
    if (option.kind !== "org") {
      close();
      router.push(option.kind === "new" ? "/orgs/new" : option.invitation.href);
      return;
    }
    if (option.org.slug === current?.slug) return close();
    startSwitch(async () => {
      const form = new FormData();
      form.set("section", sectionOfPathname(pathname));
      const result = await switchOrganization(option.org.slug, null, form);
      // Success redirects; only a failure comes back here.
      if (result && !result.ok) toast.error(result.formError ?? "Could not switch organization.");
    });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const last = options.length - 1;
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => (i >= last ? 0 : i + 1)),
      ArrowUp: () => setActive((i) => (i <= 0 ? last : i - 1)),
      Home: () => setActive(0),
      End: () => setActive(last),
      Enter: () => options[active] && choose(options[active]),
      Escape: close,
    };
    if (event.key === "Tab") return dismiss();
    const move = moves[event.key];
    if (!move) return;
    // While the list is loading only Escape means something.
    if (options.length === 0 && event.key !== "Escape") return event.preventDefault();
    event.preventDefault();
    move();
  }

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  return (
    <div className="relative">
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
        className="flex max-w-xs items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <span className="sr-only">Switch organization, current organization: </span>
        <span className="truncate">{current?.name ?? "Select an organization"}</span>
        {current && <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{roleLabels[current.role]}</span>}
        <span aria-hidden className="text-zinc-500">▾</span>
      </button>
      {open && (
        <div
          ref={panelRef}
          role="dialog"
          aria-label="Switch organization"
          className="absolute left-0 z-30 mt-2 w-80 rounded-lg border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="border-b border-zinc-200 p-2 dark:border-zinc-700">
            <input
              autoFocus
              role="combobox"
              aria-label="Filter organizations"
              aria-expanded
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={`${listId}-${active}`}
              placeholder="Find an organization…"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onKeyDown}
              className="w-full rounded-md border border-zinc-300 px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </div>
          <ul id={listId} role="listbox" aria-label="Organizations" aria-busy={!listing || switching} className="max-h-80 overflow-y-auto p-1">
            {options.map((option, index) => (
              <OrgOption
                key={optionKey(option)}
                id={`${listId}-${index}`}
                option={option}
                active={index === active}
                current={option.kind === "org" && option.org.slug === current?.slug}
                onHover={() => setActive(index)}
                onChoose={() => choose(option)}
              />
            ))}
          </ul>
          <p aria-live="polite" className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            {switchingStatus({ listing, failed, switching, query })}
          </p>
        </div>
      )}
    </div>
  );
}

function optionKey(option: SwitcherOption): string {
  if (option.kind === "org") return `org-${option.org.slug}`;
  return option.kind === "invitation" ? `invitation-${option.invitation.id}` : "new";
}

function switchingStatus({ listing, failed, switching, query }: { listing: Listing | null; failed: boolean; switching: boolean; query: string }) {
  if (switching) return "Switching organization…";
  if (failed) return "Could not load your organizations. Close and open the menu to try again.";
  if (!listing) return "Loading your organizations…";
  if (listing.total === 0) return query ? `No organization matches “${query}”.` : "You are not in any organization yet.";
  if (listing.total > listing.organizations.length) {
    return `Showing ${listing.organizations.length} of ${listing.total} organizations. Type to narrow the list.`;
  }
  const invited = listing.invitations.length;
  const invitations = invited > 0 ? ` · ${invited} invitation${invited === 1 ? "" : "s"} to join` : "";
  return `${listing.total} organization${listing.total === 1 ? "" : "s"}${invitations}`;
}
