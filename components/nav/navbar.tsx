import Link from "next/link";
import { buttonClass } from "@/components/ui/button-styles";
import { CogIcon, SearchIcon } from "@/components/ui/icons";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import type { ViewAsOffer } from "@/components/orgs/view-as-types";
import { CommandPalette } from "./command-palette";
import type { NavLink } from "./nav-types";
import { roleLabels } from "@/lib/authz/permissions";
import { OrgSwitcher } from "./org-switcher";
import { OrgSwitcherFace } from "./org-switcher-face";
import { UserMenu } from "./user-menu";
import { UserMenuFace } from "./user-menu-face";

type Props = {
  user: { name: string | null; email: string };
  current: OrganizationChoice | null;
  /** The settings pages the caller's role opens in `current` (see lib/orgs/sections.ts). */
  settings?: NavLink[];
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  signOut: () => Promise<void>;
  /** "View as a role" in the user menu, where the caller may (components/orgs/view-as-dialog.tsx). */
  viewAs?: ViewAsOffer | null;
};

/**
 * Brand, organization switcher, ⌘K search, the settings cogwheel and the user menu, on one line
 * down to 390 px: the brand's and the search button's words give way first, never the controls.
 */
export function Navbar({ user, current, settings = [], switchOrganization, signOut, viewAs = null }: Props) {
  // The cogwheel opens the first settings page the role opens: General Information for owners and
  // admins (org.read). Developers and viewers open one settings page only, the Danger Zone, which
  // is where they leave the organization; the cogwheel takes them there rather than vanishing,
  // just as /orgs/[slug]/settings does.
  const settingsHome = current ? (settings[0] ?? null) : null;
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2.5 sm:gap-3 sm:px-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold text-zinc-900 dark:text-zinc-100">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-indigo-600 text-xs font-bold text-white">
            OC
          </span>
          <span className="max-lg:sr-only">Org Console</span>
        </Link>
        <OrgSwitcher
          current={current}
          face={<OrgSwitcherFace current={current} roleLabel={current ? roleLabels[current.role] : null} />}
          settingsHref={settingsHome?.href ?? null}
          switchOrganization={switchOrganization}
        />
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
          <CommandPalette
            orgSlug={current?.slug ?? null}
            settings={current ? settings : []}
            switchOrganization={switchOrganization}
            icon={<SearchIcon className="size-4 shrink-0" />}
          />
          {settingsHome && (
            <Link href={settingsHome.href} aria-label="Organization settings" title={`Organization settings: ${settingsHome.label}`} className={buttonClass({ variant: "ghost", size: "icon" })}>
              <CogIcon className="size-5" />
            </Link>
          )}
          <UserMenu user={user} signOut={signOut} viewAs={viewAs} face={<UserMenuFace user={user} />} />
        </div>
      </nav>
    </header>
  );
}
