import { Navbar } from "@/components/nav/navbar";
import type { NavLink } from "@/components/nav/nav-types";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import type { ViewAsOffer } from "@/components/orgs/view-as-types";

type Props = {
  user: { name: string | null; email: string };
  current: OrganizationChoice | null;
  settings?: NavLink[];
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  signOut: () => Promise<void>;
  viewAs?: ViewAsOffer | null;
  /** A notice about the whole organization (it is being deleted), above every page's content. */
  banner?: React.ReactNode;
  children: React.ReactNode;
};

export function ConsoleShell({ children, banner, ...navbar }: Props) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <Navbar {...navbar} />
      {/* min-w-0 and break-words: a long name or an unbroken string wraps instead of widening the page. */}
      <main id="main" className="mx-auto w-full max-w-6xl min-w-0 px-4 py-6 break-words sm:py-8">
        {banner}
        {children}
      </main>
    </>
  );
}
