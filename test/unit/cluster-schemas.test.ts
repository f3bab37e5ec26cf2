import { describe, expect, it } from "vitest";
import { cloudProviders } from "@/db/schema/values";
import { kubernetesVersions, nodeBounds, providerCatalog } from "@/lib/clusters/catalog";
import { clusterIdSchema, clusterSettingsSchema, newClusterSchema } from "@/lib/clusters/schemas";

// What the Add cluster and Update forms submit: strings from FormData, checked on the server.

const form = (fields: Record<string, string> = {}): Record<string, string> => ({
  name: "Production EU",
  provider: "aws",
  region: "eu-west-3",
  kubernetesVersion: "1.32",
  instanceType: "t3.large",
  minNodes: "1",
  maxNodes: "3",
  ...fields,
});

/** The first message per field, as the action door reports them. */
function fieldErrors(schema: typeof newClusterSchema | typeof clusterSettingsSchema, input: Record<string, string>) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("newClusterSchema", () => {
  it("accepts a complete form and coerces its numbers", () => {
    expect(newClusterSchema.parse(form())).toStrictEqual({
      name: "Production EU",
      provider: "aws",
      region: "eu-west-3",
      kubeconfig: "",
      cloudAccountId: "",
      kubernetesVersion: "1.32",
      instanceType: "t3.large",
      minNodes: 1,
      maxNodes: 3,
      production: false,
    });
  });

  it.each(cloudProviders)("%s: accepts each of its own regions and instance types", (provider) => {
    const { regions, instanceTypes } = providerCatalog[provider];
    for (const region of regions) {
      for (const instanceType of instanceTypes) {
        expect(newClusterSchema.safeParse(form({ provider, region, instanceType })).success, `${region} ${instanceType}`).toBe(true);
      }
    }
  });

  it.each(cloudProviders)("%s: refuses the regions and instance types of every other provider", (provider) => {
    const own = providerCatalog[provider];
    for (const other of cloudProviders.filter((p) => p !== provider)) {
      for (const region of providerCatalog[other].regions.filter((r) => !own.regions.includes(r))) {
        const errors = fieldErrors(newClusterSchema, form({ provider, region, instanceType: own.instanceTypes[0] }));
        expect(errors).toStrictEqual({ region: expect.stringContaining(`${own.label} region`) });
      }
      for (const instanceType of providerCatalog[other].instanceTypes.filter((i) => !own.instanceTypes.includes(i))) {
        const errors = fieldErrors(newClusterSchema, form({ provider, region: own.regions[0], instanceType }));
        expect(errors).toStrictEqual({ instanceType: expect.stringContaining(`${own.label} instance type`) });
      }
    }
  });

  it("refuses an unknown provider, an empty region and an unsupported Kubernetes version", () => {
    expect(fieldErrors(newClusterSchema, form({ provider: "digitalocean" }))).toMatchObject({ provider: "Choose a cloud provider." });
    expect(fieldErrors(newClusterSchema, form({ region: "  " }))).toMatchObject({ region: "Choose a region." });
    expect(fieldErrors(newClusterSchema, form({ kubernetesVersion: "1.20" }))).toStrictEqual({ kubernetesVersion: "Choose a supported Kubernetes version." });
    for (const version of kubernetesVersions) expect(newClusterSchema.safeParse(form({ kubernetesVersion: version })).success).toBe(true);
  });

  it("node counts: whole numbers from 1 to 200, minimum ≤ maximum", () => {
    expect(nodeBounds).toStrictEqual({ min: 1, max: 200 });
    expect(newClusterSchema.parse(form({ minNodes: "1", maxNodes: "1" }))).toMatchObject({ minNodes: 1, maxNodes: 1 });
    expect(newClusterSchema.parse(form({ minNodes: "200", maxNodes: "200" }))).toMatchObject({ minNodes: 200, maxNodes: 200 });
    expect(fieldErrors(newClusterSchema, form({ minNodes: "0" }))).toStrictEqual({ minNodes: "At least 1 node." });
    expect(fieldErrors(newClusterSchema, form({ maxNodes: "201" }))).toStrictEqual({ maxNodes: "At most 200 nodes." });
    expect(fieldErrors(newClusterSchema, form({ minNodes: "-3" }))).toStrictEqual({ minNodes: "At least 1 node." });
    expect(fieldErrors(newClusterSchema, form({ minNodes: "1.5" }))).toStrictEqual({ minNodes: "The minimum number of nodes must be a whole number." });
    expect(fieldErrors(newClusterSchema, form({ maxNodes: "three" }))).toStrictEqual({ maxNodes: "Enter the maximum number of nodes." });
    expect(fieldErrors(newClusterSchema, form({ minNodes: "5", maxNodes: "4" }))).toStrictEqual({
      maxNodes: "The maximum must be at least the minimum number of nodes.",
    });
  });

  it("name: 1 to 40 characters, letters, digits, spaces, hyphens and underscores, starting with a letter or digit", () => {
    for (const name of ["a", "prod", "Prod EU-1", "k8s_staging", "9lives", "x".repeat(40)]) {
      expect(newClusterSchema.safeParse(form({ name })).success, name).toBe(true);
    }
    expect(newClusterSchema.parse(form({ name: "  padded  " })).name).toBe("padded");
    expect(fieldErrors(newClusterSchema, form({ name: "" }))).toStrictEqual({ name: "Enter a cluster name." });
    expect(fieldErrors(newClusterSchema, form({ name: "   " }))).toStrictEqual({ name: "Enter a cluster name." });
    expect(fieldErrors(newClusterSchema, form({ name: "x".repeat(41) }))).toStrictEqual({ name: "The name must be at most 40 characters." });
    for (const name of ["-prod", "_prod", "prod.eu", "prod/eu", "<script>", "prod\neu", "émile"]) {
      expect(fieldErrors(newClusterSchema, form({ name })), JSON.stringify(name)).toStrictEqual({ name: expect.stringContaining("Use letters, digits") });
    }
  });

  it("production: a checkbox, on when ticked and off when absent", () => {
    expect(newClusterSchema.parse(form({ production: "on" })).production).toBe(true);
    expect(newClusterSchema.parse(form({ production: "true" })).production).toBe(true);
    expect(newClusterSchema.parse(form()).production).toBe(false);
    expect(newClusterSchema.parse(form({ production: "" })).production).toBe(false);
    expect(newClusterSchema.parse(form({ production: "off" })).production).toBe(false);
    expect(newClusterSchema.parse(form({ production: "false" })).production).toBe(false);
  });

  it("keeps the uploaded kubeconfig as it came (validated later, for self-managed clusters only)", () => {
    const kubeconfig = "apiVersion: v1\n";
    expect(newClusterSchema.parse(form({ provider: "self_managed", region: "on-premises", instanceType: "managed-elsewhere", kubeconfig })).kubeconfig).toBe(kubeconfig);
  });

  it("reports every bad field at once", () => {
    const errors = fieldErrors(newClusterSchema, { name: "", provider: "aws", region: "", kubernetesVersion: "", instanceType: "", minNodes: "0", maxNodes: "999" });
    expect(Object.keys(errors).sort()).toEqual(["instanceType", "kubernetesVersion", "maxNodes", "minNodes", "name", "region"]);
  });
});

describe("clusterSettingsSchema (update)", () => {
  const settings = (fields: Record<string, string> = {}) => ({ kubernetesVersion: "1.33", instanceType: "m6i.large", minNodes: "2", maxNodes: "6", ...fields });

  it("accepts valid settings", () => {
    expect(clusterSettingsSchema.parse(settings({ production: "on" }))).toStrictEqual({
      kubernetesVersion: "1.33",
      instanceType: "m6i.large",
      minNodes: 2,
      maxNodes: 6,
      production: true,
    });
  });

  it("refuses min > max, out-of-bounds counts and unsupported versions", () => {
    expect(fieldErrors(clusterSettingsSchema, settings({ minNodes: "7" }))).toStrictEqual({ maxNodes: "The maximum must be at least the minimum number of nodes." });
    expect(fieldErrors(clusterSettingsSchema, settings({ minNodes: "0" }))).toStrictEqual({ minNodes: "At least 1 node." });
    expect(fieldErrors(clusterSettingsSchema, settings({ maxNodes: "201" }))).toStrictEqual({ maxNodes: "At most 200 nodes." });
    expect(fieldErrors(clusterSettingsSchema, settings({ kubernetesVersion: "2.0" }))).toStrictEqual({ kubernetesVersion: "Choose a supported Kubernetes version." });
    expect(fieldErrors(clusterSettingsSchema, settings({ instanceType: "" }))).toStrictEqual({ instanceType: "Choose a node instance type." });
  });
});

describe("clusterIdSchema", () => {
  it("accepts a uuid and refuses anything else", () => {
    expect(clusterIdSchema.safeParse("8d5f3c1e-7b7a-4c1e-9a51-0e4b9f6d2a11").success).toBe(true);
    for (const id of ["", "1", "8d5f3c1e", "' or 1=1 --"]) expect(clusterIdSchema.safeParse(id).error?.issues[0].message).toBe("Unknown cluster.");
  });
});
