import { ConfirmAction } from "@/components/members/confirm-action";
import { formatDate, relativeTime } from "@/components/members/format";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ApiTokenListItem } from "@/lib/api-tokens/tokens";
import { maskedToken } from "@/lib/api-tokens/secret";

type Props = {
  tokens: ApiTokenListItem[];
  revokeAction: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

const cell = "px-3 py-2 align-middle";

/** The user's tokens (one page: an account holds at most maxTokensPerUser), newest first. */
export function ApiTokensList({ tokens, revokeAction }: Props) {
  if (tokens.length === 0) {
    return <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">You have no API tokens yet.</p>;
  }
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={cell}>Name</th>
            <th scope="col" className={cell}>Token</th>
            <th scope="col" className={cell}>Created</th>
            <th scope="col" className={cell}>Last used</th>
            <th scope="col" className={cell}>Expires</th>
            <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="api-token-row">
              <th scope="row" className={`${cell} font-medium`}>{token.name}</th>
              <td className={`${cell} font-mono text-xs`}>{maskedToken(token.prefix)}</td>
              <td className={cell}>{formatDate(token.createdAt)}</td>
              <td className={cell} data-testid="api-token-last-used">
                {token.lastUsedAt ? <time dateTime={token.lastUsedAt.toISOString()} title={token.lastUsedAt.toISOString()}>{relativeTime(token.lastUsedAt)}</time> : "Never"}
              </td>
              <td className={cell} data-testid="api-token-expires">
                <Expiry token={token} />
              </td>
              <td className={`${cell} text-right`}>
                <ConfirmAction
                  trigger="Revoke"
                  triggerName={`Revoke the token ${token.name}`}
                  title={`Revoke the token ${token.name}?`}
                  confirm="Revoke token"
                  pendingLabel="Revoking…"
                  action={revokeAction}
                  fields={{ tokenId: token.id }}
                  focusAfter="api-tokens-heading"
                >
                  Anything still using it, such as the CLI on a laptop or a CI job, is refused from its next request. This cannot be undone.
                </ConfirmAction>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Expiry({ token }: { token: ApiTokenListItem }) {
  if (!token.expiresAt) return <>Never</>;
  const date = <time dateTime={token.expiresAt.toISOString()}>{formatDate(token.expiresAt)}</time>;
  if (!token.expired) return date;
  return (
    <>
      <span className="mr-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-900 dark:bg-red-950 dark:text-red-200">Expired</span>
      {date}
    </>
  );
}
