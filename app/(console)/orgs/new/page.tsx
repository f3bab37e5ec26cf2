import type { Metadata } from "next";
import { ConsoleShell } from "@/components/layout/console-shell";
import { planTable, orgPlans } from "@/lib/orgs/plans";
import { requireSessionUser } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../../actions";
import { createOrganization } from "./actions";
import { NewOrganizationForm } from "./_components/new-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const user = await requireSessionUser();
  const plans = orgPlans.map((id) => ({ id, ...planTable[id] }));
  return (
    <ConsoleShell user={user} current={null} switchOrganization={switchOrganization} signOut={signOutAction}>
      <section aria-labelledby="new-org-heading" className="max-w-2xl">
        <h1 id="new-org-heading" className="text-2xl font-semibold">New organization</h1>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          A team organization lets you share projects with other people. You will be its owner.
        </p>
        <NewOrganizationForm action={createOrganization} plans={plans} />
      </section>
    </ConsoleShell>
  );
}
