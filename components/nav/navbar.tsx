import Link from "next/link";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import { OrgSwitcher } from "./org-switcher";

type Props = {
  user: { name: string | null; email: string };
  current: OrganizationChoice | null;
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  signOut: () => Promise<void>;
};

export function Navbar({ user, current, switchOrganization, signOut }: Props) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
        <Link href="/" className="font-semibold text-zinc-900 dark:text-zinc-100">
          Org Console
        </Link>
        <OrgSwitcher current={current} switchOrganization={switchOrganization} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          {/* Not prefetched: a prefetch still in flight at sign-out comes back with the proxy's
              refreshed session cookie and signs the user in again. */}
          <Link href="/account" prefetch={false} title={user.email} className="rounded-md px-2 py-1 text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300">
            <span className="sr-only sm:not-sr-only">{user.name ?? user.email}</span>
            <span className="sr-only">, </span>
            <span className="sm:sr-only">Account</span>
          </Link>
          <form action={signOut}>
            <button type="submit" className="rounded-md px-2 py-1 text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300">
              Sign out
            </button>
          </form>
        </div>
      </nav>
    </header>
  );
}
