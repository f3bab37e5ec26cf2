import { providerCatalog } from "@/lib/clusters/catalog";
import { asText, valueAt } from "../wording";

// How the audit log reads cloud account changes (lib/cloud-accounts/account-changes.ts). The
// values hold the provider and the masked secret ("…abcd"), never the secret.

type AccountEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

/** "the AWS cloud account", or "the cloud account" when the provider is not recorded. */
function theAccount(values: unknown): string {
  const provider = providerCatalog[asText(valueAt(values, "provider")) as keyof typeof providerCatalog]?.label;
  return provider ? `the ${provider} cloud account` : "the cloud account";
}

export const cloudAccountAuditEntries = {
  "cloud_account.create": {
    label: "Cloud account added",
    category: "cloudAccounts",
    describe: (e: AccountEvent) => {
      const credential = asText(valueAt(e.after, "credential"));
      return `${e.actor} added ${theAccount(e.after)} ${e.targetLabel}${credential ? ` (credentials ${credential})` : ""}`;
    },
  },
  "cloud_account.rename": {
    label: "Cloud account renamed",
    category: "cloudAccounts",
    describe: (e: AccountEvent) => `${e.actor} renamed the cloud account ${asText(valueAt(e.before, "name"))} to ${asText(valueAt(e.after, "name"))}`,
  },
  "cloud_account.rotate": {
    label: "Cloud account credentials rotated",
    category: "cloudAccounts",
    describe: (e: AccountEvent) =>
      `${e.actor} rotated the credentials of the cloud account ${e.targetLabel} (${asText(valueAt(e.before, "credential"))} → ${asText(valueAt(e.after, "credential"))})`,
  },
  "cloud_account.delete": {
    label: "Cloud account deleted",
    category: "cloudAccounts",
    describe: (e: AccountEvent) => `${e.actor} deleted ${theAccount(e.before)} ${e.targetLabel}`,
  },
} as const;
