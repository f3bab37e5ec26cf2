import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { joinRequestsShown } from "@/lib/domains/queries";
import { formatDateTime } from "@/lib/format";
import type { MembersPage } from "@/lib/pages/members-page";
import { JoinRequestsTable } from "./on-demand";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { page: MembersPage; actions: { approve: Action; decline: Action } };

const frame = "md:overflow-x-auto md:rounded-lg md:border md:border-zinc-200 md:bg-white md:dark:border-zinc-800 md:dark:bg-zinc-900";

/** Members → Requests: people at a verified domain who asked to join, oldest first. */
export function JoinRequestsTab({ page, actions }: Props) {
  const requests = page.requests ?? [];
  if (requests.length === 0) {
    return (
      <EmptyState title="No pending request">
        When a verified domain lets people ask to join (Settings → Verified domains), their requests appear here.
      </EmptyState>
    );
  }
  return (
    <>
      <div className={frame}>
        <JoinRequestsTable
          caption={`Requests to join ${page.ctx.org.name}`}
          requests={requests.map((request) => ({ id: request.id, name: request.name, email: request.email, domain: request.domain, asked: formatDateTime(request.createdAt) }))}
          actions={actions}
        />
      </div>
      {page.counts.requests > requests.length && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Showing the {joinRequestsShown} oldest of {page.counts.requests} pending requests.
        </p>
      )}
    </>
  );
}
