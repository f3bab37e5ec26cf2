import type { Metadata } from "next";
import Link from "next/link";
import { BillingDetailsForm } from "@/components/billing/billing-details-form";
import { PlanComparison } from "@/components/billing/plan-comparison";
import { UsageMeters } from "@/components/billing/usage-meters";
import { RoleRequired } from "@/components/ui/role-required";
import { personalPlanRefusal } from "@/lib/billing/change-plan";
import { countries } from "@/lib/billing/countries";
import { loadBillingPage } from "@/lib/pages/billing-page";
import { changePlanAction } from "./actions";
import { saveBillingDetailsAction } from "./details-actions";

export const metadata: Metadata = { title: "Billing" };

type Props = { params: Promise<{ slug: string }> };

const lead = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";

export default async function BillingPage({ params }: Props) {
  const access = await loadBillingPage((await params).slug);
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, planLabel, personal, meters, plans, details } = access.page;
  const { org } = ctx;
  return (
    <div className="max-w-5xl space-y-10">
      <div>
        <h1 className="text-xl font-semibold">Billing</h1>
        <p className={lead}>The plan of {org.name}, what it uses of the plan&apos;s limits, and the other plans.</p>
      </div>

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
        <PlanComparison plans={plans} orgName={org.name} changePlan={personal ? null : changePlanAction.bind(null, org.slug)} />
        <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300" data-testid="payment-note">
          Plan changes apply immediately; this console has no payment provider connected, so there are no invoices or payment methods to show.
        </p>
      </section>

      <section aria-labelledby="billing-details-heading" className="max-w-2xl">
        <h2 id="billing-details-heading" className="text-lg font-semibold">Billing details</h2>
        <p className={lead}>Who and where {org.name} is billed: the billing email receives billing notices.</p>
        <BillingDetailsForm action={saveBillingDetailsAction.bind(null, org.slug)} saved={details} countries={[...countries]} />
      </section>
    </div>
  );
}
