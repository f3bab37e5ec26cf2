import type { Metadata } from "next";
import { ConsoleShell } from "@/components/layout/console-shell";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { billingProvider } from "@/lib/billing/provider";
import { planTable, orgPlans } from "@/lib/orgs/plans";
import { requireSessionUser } from "@/lib/pages/org-page";
import { signOutAction, switchOrganization } from "../../actions";
import { createOrganization } from "./actions";
import { NewOrganizationForm } from "./_components/new-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const user = await requireSessionUser();
  const provider = billingProvider();
  const plans = orgPlans.map((id) => {
    const choice = provider.mayChoose(id);
    return { id, ...planTable[id], refusal: choice.ok ? null : choice.reason };
  });
  return (
    <ConsoleShell user={user} current={null} switchOrganization={switchOrganization} signOut={signOutAction}>
      <section aria-labelledby="new-org-heading" className="max-w-2xl min-w-0">
        <PageHeader id="new-org-heading" title="New organization" description="A team organization lets you share projects with other people. You will be its owner." />
        <Card>
          <NewOrganizationForm action={createOrganization} plans={plans} />
        </Card>
      </section>
    </ConsoleShell>
  );
}
