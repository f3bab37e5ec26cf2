import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";

export type CloudAccountChoice = { id: string; name: string; provider: string };

type Props = {
  accounts: CloudAccountChoice[];
  provider: string;
  providerLabel: string;
  /** The Cloud accounts page, where one is added. */
  accountsHref: string;
  defaultValue: string;
  error?: string;
};

/** The cloud account a managed cluster is installed with: those of the chosen provider only (the server checks again). */
export function CloudAccountSelect({ accounts, provider, providerLabel, accountsHref, defaultValue, error }: Props) {
  const mine = accounts.filter((account) => account.provider === provider);
  if (mine.length === 0) {
    return (
      <div>
        <input type="hidden" name="cloudAccountId" value="" />
        <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Cloud account</p>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300" data-testid="no-cloud-account">
          {`No ${providerLabel} cloud account yet. `}
          <Link href={`${accountsHref}/new?provider=${provider}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            {`Add a ${providerLabel} account in Cloud accounts`}
          </Link>
        </p>
        <p id="field-cloudAccountId-error" aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
          {error}
        </p>
      </div>
    );
  }
  return (
    <SelectField
      key={`cloudAccountId:${provider}:${defaultValue}`}
      name="cloudAccountId"
      label="Cloud account"
      required
      hint={`The ${providerLabel} credentials the cluster is installed and run with.`}
      options={mine.map((account) => ({ value: account.id, label: account.name }))}
      defaultValue={mine.some((account) => account.id === defaultValue) ? defaultValue : mine[0].id}
      error={error}
    />
  );
}
