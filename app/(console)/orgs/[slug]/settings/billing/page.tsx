import type { Metadata } from "next";
import Link from "next/link";
import { BillingDetailsForm } from "@/components/billing/billing-details-form";
import { PlanComparison } from "@/components/billing/plan-comparison";
import { UsageMeters } from "@/components/billing/usage-meters";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { personalPlanRefusal } from "@/lib/billing/change-plan";
import { countries, euCountryCodes } from "@/lib/billing/countries";
import { vatHint } from "@/lib/billing/vat";
import { loadBillingPage } from "@/lib/pages/billing-page";
import { changePlanAction, saveBillingDetailsAction } from "./actions";

export const metadata: Metadata = { title: "Billing" };

type Props = { params: Promise<{ slug: string }> };

const lead = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";
// The VAT field's hints, worked out here so the VAT rules and country tables stay on the server.
const vatHints = { eu: Object.fromEntries(euCountryCodes.map((code) => [code, vatHint(code)])), other: vatHint("") };

export default async function BillingPage({ params }: Props) {
  const access = await loadBillingPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, planLabel, personal, meters, plans, details, paidPlansNote } = access.page;
  const { org } = ctx;
  return (
    <div className="max-w-5xl min-w-0 space-y-10">
      <PageHeader title="Billing" description={`The plan of ${org.name}, what it uses of the plan's limits, and the other plans.`} />

      <section aria-labelledby="current-plan-heading">
        <h2 id="current-plan-heading" className="text-lg font-semibold">
          Current plan: {planLabel}
        </h2>
        <p className={lead}>Pending invitations count as members until they are accepted, declined, revoked or expire.</p>
        <UsageMeters meters={meters} planLabel={planLabel} />
      </section>

      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="text-lg font-semibold">Plans</h2>
        {personal ? (
          <p className={lead}>
            {personalPlanRefusal}{" "}
            <Link href="/orgs/new" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
              New organization
            </Link>
          </p>
        ) : (
          <p className={lead}>
            Upgrading applies at once. Downgrading is possible once {org.name} uses no more than the lower plan allows; otherwise the plan
            says what to reduce first.
          </p>
        )}
        {!personal && paidPlansNote && (
          <p className={lead} data-testid="paid-plans-note">
            {paidPlansNote}
          </p>
        )}
        <PlanComparison plans={plans} orgName={org.name} changePlan={personal ? null : changePlanAction.bind(null, org.slug)} />
        <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300" data-testid="payment-note">
          Plan changes apply immediately; this console has no payment provider connected, so there are no invoices or payment methods to show.
        </p>
      </section>

      <Card
        aria-labelledby="billing-details-heading"
        className="max-w-2xl"
        title={<span id="billing-details-heading">Billing details</span>}
        description={`Who and where ${org.name} is billed: the billing email receives billing notices.`}
      >
        <BillingDetailsForm action={saveBillingDetailsAction.bind(null, org.slug)} saved={details} countries={[...countries]} vatHints={vatHints} />
      </Card>
    </div>
  );
}
