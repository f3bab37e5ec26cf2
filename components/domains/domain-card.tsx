import { Badge } from "@/components/ui/badge";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { DomainView } from "@/lib/pages/domains-page";
import { DomainPolicyForm } from "./domain-policy-form";
import { RemoveDomainButton } from "./remove-domain-button";
import { VerifyDomainForm } from "./verify-domain-form";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { domain: DomainView; actions: { verify: Action; policy: Action; remove: Action }; headingId: string };

const code = "block min-w-0 break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs text-zinc-900 select-all dark:bg-zinc-800 dark:text-zinc-100";

/** One domain: until verified, the TXT record to create and Verify; then who at it may join. */
export function DomainCard({ domain, actions, headingId }: Props) {
  const titleId = `domain-${domain.id}`;
  return (
    <section aria-labelledby={titleId} data-domain={domain.domain} className="rounded-lg border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h2 id={titleId} className="text-lg font-semibold break-all">
            {domain.domain}
          </h2>
          {domain.verified ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>}
        </div>
        <RemoveDomainButton domainId={domain.id} domain={domain.domain} action={actions.remove} headingId={headingId} />
      </div>
      {domain.verified ? (
        <>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Verified {domain.verified}.</p>
          <DomainPolicyForm domainId={domain.id} domain={domain.domain} policy={domain.policy} role={domain.role} action={actions.policy} />
        </>
      ) : (
        <div className="mt-3 space-y-3 text-sm text-zinc-700 dark:text-zinc-300">
          {domain.heldElsewhere && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              Another organization has verified {domain.domain}. A domain is verified by one organization at a time: it can be verified here once they remove it.
            </p>
          )}
          <p>At your DNS provider, create this TXT record, then verify. It can take a few minutes to be visible.</p>
          <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:items-center">
            <dt className="font-medium">Type</dt>
            <dd>
              <code className={code}>TXT</code>
            </dd>
            <dt className="font-medium">Name</dt>
            <dd className="min-w-0">
              <code className={code} data-testid="txt-name">
                {domain.record.name}
              </code>
            </dd>
            <dt className="font-medium">Value</dt>
            <dd className="min-w-0">
              <code className={code} data-testid="txt-value">
                {domain.record.value}
              </code>
            </dd>
          </dl>
          <VerifyDomainForm domainId={domain.id} domain={domain.domain} action={actions.verify} />
        </div>
      )}
    </section>
  );
}
