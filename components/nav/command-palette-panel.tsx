"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { CogIcon } from "@/components/ui/icons";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import { sectionOfPathname } from "@/lib/orgs/sections";
import type { PaletteProjects } from "@/lib/projects/palette";
import type { NavLink } from "./nav-types";
import { OrgOption, orgValue } from "./org-option";
import { useActiveDescendant } from "./use-active-descendant";
import { searchDebounceMs, useOrgListing } from "./use-org-listing";

type Props = {
  orgSlug: string | null;
  settings: NavLink[];
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  onClose: () => void;
};

/** The palette lists a few organizations; the switcher is there for browsing all of them. */
const paletteOrganizations = 8;

/** The current organization's projects matching `query`, from the server (the org comes from the URL). */
function usePaletteProjects(orgSlug: string | null, query: string) {
  const [found, setFound] = useState<PaletteProjects | null>(null);
  useEffect(() => {
    if (!orgSlug) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/projects?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (response.ok) setFound(await response.json());
      } catch {
        // Aborted by the next keystroke, or offline: the organizations and settings still work.
      }
    }, query ? searchDebounceMs : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [orgSlug, query]);
  return found;
}

const projectValue = (id: string) => `project:${id}`;
const settingsValue = (href: string) => `settings:${href}`;

/**
 * ⌘K: a dialog over the current organization's projects, the settings pages the caller's role
 * opens and their organizations. Projects and organizations are filtered on the server; the few
 * settings pages here. Enter goes; Escape closes and focus returns where it was.
 */
export function CommandPalettePanel({ orgSlug, settings, switchOrganization, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState("");
  const [switching, startSwitch] = useTransition();
  const projects = usePaletteProjects(orgSlug, query);
  const { listing } = useOrgListing(query);
  const commandRef = useRef<HTMLDivElement>(null);
  useActiveDescendant(commandRef, selected);
  const pathname = usePathname();
  const router = useRouter();
  const currentSlug = orgSlug;

  const needle = query.trim().toLowerCase();
  const pages = settings.filter((page) => `${page.label} settings`.toLowerCase().includes(needle));
  const organizations = listing?.organizations.slice(0, paletteOrganizations) ?? [];
  const values = [
    ...(projects?.projects ?? []).map((project) => projectValue(project.id)),
    ...pages.map((page) => settingsValue(page.href)),
    ...organizations.map((org) => orgValue(org.slug)),
  ];
  const first = values[0] ?? "";

  // New results put the highlight back on the first one, so Enter takes what the user sees on top.
  useEffect(() => setSelected(first), [first, projects, listing]);

  function go(href: string) {
    onClose();
    router.push(href);
  }

  function switchTo(org: OrganizationChoice) {
    if (org.slug === currentSlug) return onClose();
    startSwitch(async () => {
      const form = new FormData();
      form.set("section", sectionOfPathname(pathname));
      const result = await switchOrganization(org.slug, null, form);
      if (result && !result.ok) toast.error(result.formError ?? "Could not switch organization.");
    });
  }

  const loading = !listing || (orgSlug !== null && !projects);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title="Go to"
        description="An organization, a project or a settings page."
        className="md:max-w-lg"
        onCloseAutoFocus={(event) => event.preventDefault()}
      >
        <Command ref={commandRef} shouldFilter={false} loop vimBindings={false} label="Search organizations, projects and settings" value={selected} onValueChange={setSelected} className="mt-4 rounded-md border border-zinc-200 dark:border-zinc-700">
          <CommandInput autoFocus placeholder="Type a name…" value={query} onValueChange={setQuery} />
          <CommandList label="Results" aria-busy={loading || switching} className="max-md:max-h-[60vh]">
            {!loading && <CommandEmpty>Nothing matches “{query}”.</CommandEmpty>}
            {projects && projects.projects.length > 0 && (
              <CommandGroup heading="Projects">
                {projects.projects.map((project) => (
                  <CommandItem key={project.id} value={projectValue(project.id)} onSelect={() => go(project.href)}>
                    <span className="min-w-0 flex-1 truncate">{project.name}</span>
                    <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">{project.key}</span>
                  </CommandItem>
                ))}
              </CommandGroup>
            )}
            {pages.length > 0 && (
              <CommandGroup heading="Settings">
                {pages.map((page) => (
                  <CommandItem key={page.href} value={settingsValue(page.href)} onSelect={() => go(page.href)}>
                    <CogIcon className="size-4 shrink-0 text-zinc-500" />
                    <span className="min-w-0 flex-1 truncate">{page.label}</span>
                  </CommandItem>
                ))}
              </CommandGroup>
            )}
            {organizations.length > 0 && (
              <CommandGroup heading="Organizations">
                {organizations.map((org) => (
                  <OrgOption key={org.slug} org={org} current={org.slug === currentSlug} onSelect={() => switchTo(org)} />
                ))}
              </CommandGroup>
            )}
          </CommandList>
        </Command>
        <p aria-live="polite" className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {switching ? "Switching organization…" : loading ? "Searching…" : `${values.length} result${values.length === 1 ? "" : "s"}. Enter opens the highlighted one.`}
        </p>
      </DialogContent>
    </Dialog>
  );
}
