import { Navbar } from "@/components/nav/navbar";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { OrganizationChoice } from "@/lib/orgs/queries";

type Props = {
  user: { name: string | null; email: string };
  current: OrganizationChoice | null;
  switchOrganization: (slug: string, previous: ActionState, formData: FormData) => Promise<ActionResult>;
  signOut: () => Promise<void>;
  children: React.ReactNode;
};

export function ConsoleShell({ children, ...navbar }: Props) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <Navbar {...navbar} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
