import type { ActionResult, ActionState } from "@/lib/actions/result";
import { expiryChoices, expiryLabels } from "@/lib/api-tokens/expiry";
import { accountApiTokens } from "@/lib/pages/account-api-tokens";
import { ApiTokensCreateForm } from "./api-tokens-create-form";
import { ApiTokensList } from "./api-tokens-list";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;
type Props = { userId: string; createAction: Action; revokeAction: Action };

/** /account's "API tokens": create one (shown once), see when each was used, revoke. */
export async function ApiTokensSection({ userId, createAction, revokeAction }: Props) {
  const { tokens, atLimit, maxTokens, dateBounds, resolveUrl } = await accountApiTokens(userId);
  return (
    <section aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading" tabIndex={-1} className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-zinc-700 dark:text-zinc-300">
        Personal tokens let the CLI act as you: it finds or creates the project its key names, in your organizations. Treat a token like a
        password, and revoke it when a machine or CI job no longer needs it.
      </p>
      {atLimit ? (
        <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300" data-testid="api-tokens-limit">
          You have {maxTokens} tokens, the most an account may hold. Revoke one you no longer use to create another.
        </p>
      ) : (
        <ApiTokensCreateForm action={createAction} dateBounds={dateBounds} resolveUrl={resolveUrl} expiryOptions={expiryChoices.map((value) => ({ value, label: expiryLabels[value] }))} />
      )}
      <ApiTokensList tokens={tokens} revokeAction={revokeAction} />
    </section>
  );
}
