"use client";

import { useEffect, useRef, useState } from "react";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import type { SwitcherInvitation, SwitcherJoinable } from "@/lib/pages/org-page";

export type OrgListing = { organizations: OrganizationChoice[]; total: number; invitations: SwitcherInvitation[]; joinable: SwitcherJoinable[] };

/** How long typing must pause before the server is asked again. */
export const searchDebounceMs = 150;

/**
 * The signed-in user's organizations from /api/organizations, filtered on the server by `query`
 * (debounced; the first load is immediate). The previous list stays while the next one loads.
 */
export function useOrgListing(query: string, onLoaded?: (listing: OrgListing) => void) {
  const [listing, setListing] = useState<OrgListing | null>(null);
  const [failed, setFailed] = useState(false);
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/organizations?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const next: OrgListing = await response.json();
        setListing(next);
        setFailed(false);
        loaded.current?.(next);
      } catch (error) {
        if (!controller.signal.aborted) setFailed(Boolean(error));
      }
    }, query ? searchDebounceMs : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return { listing, failed };
}

export function switcherStatus({ listing, failed, query }: { listing: OrgListing | null; failed: boolean; query: string }): string {
  if (failed) return "Could not load your organizations. Close and open the menu to try again.";
  if (!listing) return "Loading your organizations…";
  const joinable = listing.joinable.length;
  const toJoin = joinable > 0 ? ` · ${joinable} you can join` : "";
  if (listing.total === 0) return (query ? `No organization matches “${query}”.` : "You are not in any organization yet.") + toJoin;
  if (listing.total > listing.organizations.length) {
    return `Showing ${listing.organizations.length} of ${listing.total} organizations. Type to narrow the list.`;
  }
  const invited = listing.invitations.length;
  const invitations = invited > 0 ? ` · ${invited} invitation${invited === 1 ? "" : "s"} to join` : "";
  return `${listing.total} organization${listing.total === 1 ? "" : "s"}${invitations}${toJoin}`;
}
