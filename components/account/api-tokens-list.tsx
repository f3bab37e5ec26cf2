import { formatDate, relativeTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { ApiTokenListItem } from "@/lib/api-tokens/tokens";
import { maskedToken } from "@/lib/api-tokens/secret";
import { RowConfirmButton, RowConfirmations } from "./confirm-row";

type Props = {
  tokens: ApiTokenListItem[];
  revokeAction: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

/** The user's tokens (one page: an account holds at most maxTokensPerUser), newest first. */
export function ApiTokensList({ tokens, revokeAction }: Props) {
  if (tokens.length === 0) {
    return (
      <div className="mt-4">
        <EmptyState title="You have no API tokens yet." />
      </div>
    );
  }
  return (
    <RowConfirmations>
      <div className="mt-4 rounded-lg border border-zinc-200 bg-white max-md:border-0 max-md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 max-md:dark:bg-transparent">
        <Table>
          <TableCaption>Your API tokens</TableCaption>
          <TableHead>
            <tr>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Token</TableHeaderCell>
              <TableHeaderCell>Created</TableHeaderCell>
              <TableHeaderCell>Last used</TableHeaderCell>
              <TableHeaderCell>Expires</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {tokens.map((token) => (
              <TableRow key={token.id} data-testid="api-token-row">
                <th scope="row" className="px-3 py-2 text-left font-medium break-words max-md:block max-md:px-0 max-md:py-1">
                  {token.name}
                </th>
                <TableCell label="Token" className="font-mono text-xs">
                  {maskedToken(token.prefix)}
                </TableCell>
                <TableCell label="Created">{formatDate(token.createdAt)}</TableCell>
                <TableCell label="Last used">
                  {/* The test id on the value, not the cell: a stacked cell also holds its column's name. */}
                  <span data-testid="api-token-last-used">
                  {token.lastUsedAt ? (
                    <time dateTime={token.lastUsedAt.toISOString()} title={token.lastUsedAt.toISOString()}>
                      {relativeTime(token.lastUsedAt)}
                    </time>
                  ) : (
                    "Never"
                  )}
                  </span>
                </TableCell>
                <TableCell label="Expires">
                  <span data-testid="api-token-expires">
                    <Expiry token={token} />
                  </span>
                </TableCell>
                <TableCell className="md:text-right">
                  <RowConfirmButton
                    label="Revoke"
                    accessibleName={`Revoke the token ${token.name}`}
                    confirmation={{
                      title: `Revoke the token ${token.name}?`,
                      description: "Anything still using it, such as the CLI on a laptop or a CI job, is refused from its next request. This cannot be undone.",
                      confirmLabel: "Revoke token",
                      pendingLabel: "Revoking…",
                      action: revokeAction,
                      fields: { tokenId: token.id },
                      focusAfter: "api-tokens-heading",
                    }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </RowConfirmations>
  );
}

function Expiry({ token }: { token: ApiTokenListItem }) {
  if (!token.expiresAt) return <>Never</>;
  const date = <time dateTime={token.expiresAt.toISOString()}>{formatDate(token.expiresAt)}</time>;
  if (!token.expired) return date;
  return (
    <>
      <Badge tone="danger" className="mr-2">
        Expired
      </Badge>
      {date}
    </>
  );
}
