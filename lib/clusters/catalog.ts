import type { CloudProvider } from "@/db/schema/values";

/** What the console offers when adding a cluster: regions and node types per provider. */
export const providerCatalog: Record<CloudProvider, { label: string; regions: readonly string[]; instanceTypes: readonly string[] }> = {
  aws: {
    label: "AWS",
    regions: ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-3", "eu-central-1", "ap-southeast-1", "ap-northeast-1"],
    instanceTypes: ["t3.medium", "t3.large", "m6i.large", "m6i.xlarge", "c6i.xlarge", "r6i.large"],
  },
  gcp: {
    label: "GCP",
    regions: ["us-central1", "us-east1", "europe-west1", "europe-west9", "asia-east1"],
    instanceTypes: ["e2-standard-2", "e2-standard-4", "n2-standard-4", "c3-standard-4"],
  },
  azure: {
    label: "Azure",
    regions: ["eastus", "westus2", "westeurope", "northeurope", "southeastasia"],
    instanceTypes: ["Standard_B2s", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_E4s_v5"],
  },
  scaleway: {
    label: "Scaleway",
    regions: ["fr-par", "nl-ams", "pl-waw"],
    instanceTypes: ["DEV1-M", "GP1-XS", "GP1-S", "PRO2-S"],
  },
  self_managed: {
    label: "Self-managed",
    regions: ["on-premises", "other-cloud"],
    instanceTypes: ["managed-elsewhere"],
  },
};

export const kubernetesVersions = ["1.31", "1.32", "1.33"] as const;
export const nodeBounds = { min: 1, max: 200 } as const;

/** "an AWS", "a GCP": the provider's label with its article. */
export function withArticle(label: string): string {
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
}
