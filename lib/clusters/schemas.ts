import { z } from "zod";
import { cloudProviders } from "@/db/schema/values";
import { kubernetesVersions, nodeBounds, providerCatalog } from "./catalog";

// An empty field is "missing", not 0 (which coercion would make of it).
const nodes = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.coerce
    .number(`Enter the ${label} number of nodes.`)
    .int(`The ${label} number of nodes must be a whole number.`)
    .min(nodeBounds.min, `At least ${nodeBounds.min} node.`)
    .max(nodeBounds.max, `At most ${nodeBounds.max} nodes.`));

/** Settings that can change on a running cluster (an update). */
export const clusterSettingsSchema = z
  .object({
    kubernetesVersion: z.enum(kubernetesVersions, "Choose a supported Kubernetes version."),
    instanceType: z.string().trim().min(1, "Choose a node instance type."),
    minNodes: nodes("minimum"),
    maxNodes: nodes("maximum"),
    production: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .refine((c) => c.minNodes <= c.maxNodes, { path: ["maxNodes"], message: "The maximum must be at least the minimum number of nodes." });

export const newClusterSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter a cluster name.")
      .max(40, "The name must be at most 40 characters.")
      .regex(/^[A-Za-z0-9][A-Za-z0-9 _-]*$/, "Use letters, digits, spaces, hyphens and underscores, starting with a letter or digit."),
    provider: z.enum(cloudProviders, "Choose a cloud provider."),
    region: z.string().trim().min(1, "Choose a region."),
    kubeconfig: z.string().default(""),
    // Checked by the domain under the lock: an account of this organization and this provider.
    cloudAccountId: z.string().max(100).default(""),
    kubernetesVersion: z.enum(kubernetesVersions, "Choose a supported Kubernetes version."),
    instanceType: z.string().trim().min(1, "Choose a node instance type."),
    minNodes: nodes("minimum"),
    maxNodes: nodes("maximum"),
    production: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((c, issue) => {
    const catalog = providerCatalog[c.provider];
    if (!catalog.regions.includes(c.region)) issue.addIssue({ code: "custom", path: ["region"], message: `Choose one of the ${catalog.label} regions.` });
    if (!catalog.instanceTypes.includes(c.instanceType)) {
      issue.addIssue({ code: "custom", path: ["instanceType"], message: `Choose one of the ${catalog.label} instance types.` });
    }
    if (c.minNodes > c.maxNodes) issue.addIssue({ code: "custom", path: ["maxNodes"], message: "The maximum must be at least the minimum number of nodes." });
  });

export type NewCluster = z.output<typeof newClusterSchema>;
export type ClusterSettings = z.output<typeof clusterSettingsSchema>;

export const clusterIdSchema = z.string().uuid("Unknown cluster.");
