import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resourceKindNames } from "@/lib/projects/resource-kinds";
import { clusterActions } from "@/db/schema/values";
import {
  actionsInCategory,
  auditActionGroups,
  auditActionLabel,
  auditActionNames,
  auditCatalog,
  auditCategories,
  describeAuditEvent,
  type DescribableEvent,
} from "@/lib/audit/catalog";

// Every action the code records must be in the catalogue: this reads lib/ for the actions given to
// recordAudit and recordSystemAudit, so a new action without words fails here.

const libRoot = path.join(process.cwd(), "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The `action:` lines of every file in lib/ that records audit events (lib/audit itself aside). */
function recordedActionLines(): { file: string; line: string }[] {
  return sourceFiles(libRoot)
    .filter((file) => !file.startsWith(path.join(libRoot, "audit")))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }))
    .filter(({ text }) => /record(System)?Audit\(/.test(text))
    .flatMap(({ file, text }) => text.split("\n").filter((line) => /\baction:/.test(line)).map((line) => ({ file: path.relative(process.cwd(), file), line })));
}

// Actions built from a template, with every value the template takes.
const lifecycleRequests = ["stop", "start", "delete", "retry"];
const templates: Record<string, string[]> = {
  "cluster.${request.action}": lifecycleRequests.map((action) => `cluster.${action}`),
  "cluster.${job.action}.done": clusterActions.map((action) => `cluster.${action}.done`),
  "cluster.${job.action}.failed": clusterActions.map((action) => `cluster.${action}.failed`),
  // lib/projects/resource-writes.ts: one write per verb for every resource kind.
  ...Object.fromEntries(["create", "update", "delete"].map((verb) => [`\${kind}.${verb}`, resourceKindNames.map((kind) => `${kind}.${verb}`)])),
};

function recordedActions(): { literal: Set<string>; templated: Set<string> } {
  const literal = new Set<string>();
  const templated = new Set<string>();
  for (const { line } of recordedActionLines()) {
    // The value given to `action:` only (a ternary of two names at most), not the rest of the line.
    for (const [, expression] of line.matchAll(/\baction:\s*(`[^`]*`|[^,]*)/g)) {
      for (const match of expression.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) literal.add(match[1]);
      for (const match of expression.matchAll(/`([^`]*\$\{[^`]*)`/g)) templated.add(match[1]);
    }
  }
  return { literal, templated };
}

const sample = (action: string, fields: Partial<DescribableEvent> = {}): DescribableEvent => ({
  action,
  actor: "Alice",
  targetType: "member",
  targetLabel: "Bob <bob@example.test>",
  before: null,
  after: null,
  ...fields,
});

describe("the audit catalogue", () => {
  it("knows every action written with a literal name in lib/", () => {
    const { literal } = recordedActions();
    expect(literal.size).toBeGreaterThan(10);
    expect([...literal].filter((action) => !auditActionNames.includes(action))).toEqual([]);
  });

  it("knows every value of every templated action name, and no template goes unlisted here", () => {
    const { templated } = recordedActions();
    expect([...templated].sort()).toEqual(Object.keys(templates).sort());
    const expanded = Object.values(templates).flat();
    expect(expanded.filter((action) => !auditActionNames.includes(action))).toEqual([]);
  });

  it("gives every action a label, a known category and a sentence that names the actor", () => {
    for (const name of auditActionNames) {
      const entry = auditCatalog[name];
      expect(entry.label, name).toMatch(/^[A-Z]/);
      expect(Object.keys(auditCategories), name).toContain(entry.category);
      // Stored values of any shape, even none at all, still make a sentence.
      for (const values of [{}, { before: { role: 7 }, after: "odd" }, { before: [], after: { status: null } }]) {
        const sentence = describeAuditEvent(sample(name, values));
        expect(sentence, name).toMatch(/^Alice /);
        expect(sentence, name).not.toMatch(/undefined|\[object Object\]/);
      }
    }
  });

  it("offers every action once in the action-type filter, under its category", () => {
    const offered = auditActionGroups().flatMap((group) => group.options.map((option) => option.value));
    expect(offered.filter((value) => value.includes(".")).sort()).toEqual([...auditActionNames].sort());
    expect(offered.filter((value) => !value.includes("."))).toEqual(Object.keys(auditCategories));
    expect(actionsInCategory("members")).toEqual(["member.role_change", "member.remove", "member.leave", "ownership.transfer"]);
  });
});

describe("sentences", () => {
  it.each([
    ["member.role_change", { before: { role: "developer" }, after: { role: "admin" } }, "Alice changed Bob's role from Developer to Admin"],
    ["member.remove", { before: { role: "viewer" } }, "Alice removed Bob (Viewer) from the organization"],
    ["member.leave", { targetLabel: "Alice <alice@example.test>", before: { role: "admin" } }, "Alice left the organization (was Admin)"],
    ["ownership.transfer", { before: { owner: "alice@example.test", role: "admin" }, after: { owner: "bob@example.test", previousOwnerRole: "admin" } }, "Alice transferred ownership of the organization to Bob and became Admin"],
    ["invitation.create", { targetType: "invitation", targetLabel: "carol@example.test", after: { email: "carol@example.test", role: "developer" } }, "Alice invited carol@example.test as Developer"],
    ["invitation.resend", { targetLabel: "carol@example.test" }, "Alice sent the invitation to carol@example.test again"],
    ["invitation.revoke", { targetLabel: "carol@example.test", before: { email: "carol@example.test", role: "viewer" } }, "Alice revoked the invitation to carol@example.test"],
    ["invitation.accept", { targetLabel: "alice@example.test", after: { role: "viewer" } }, "Alice accepted the invitation and joined as Viewer"],
    ["invitation.decline", { targetLabel: "alice@example.test", after: { role: "viewer" } }, "Alice declined the invitation to join as Viewer"],
    ["org.create", { targetLabel: "Acme", after: { name: "Acme", slug: "acme", plan: "business" } }, "Alice created the organization Acme"],
    ["org.update", { before: { name: "Acme" }, after: { name: "Acme Corp" } }, "Alice changed the company name from “Acme” to “Acme Corp”"],
    ["org.update", { before: { website: "" }, after: { website: "https://acme.test" } }, "Alice set the website to “https://acme.test”"],
    ["org.update", { before: { description: "Old" }, after: { description: "" } }, "Alice cleared the description"],
    ["org.update", { before: { name: "A", slug: "a", website: "" }, after: { name: "B", slug: "b", website: "https://b.test" } }, "Alice changed the company name, slug and website"],
    ["org.update", { before: { adminContactEmails: ["a@x.test"] }, after: { adminContactEmails: ["a@x.test", "b@x.test"] } }, "Alice changed the admin contact emails from “a@x.test” to “a@x.test, b@x.test”"],
    ["project.create", { targetType: "project", targetLabel: "Website", after: { name: "Website", key: "WEB" } }, "Alice created the project Website (key WEB)"],
    ["cluster.create", { targetLabel: "prod", after: { name: "prod", provider: "aws", region: "eu-west-3" } }, "Alice added cluster prod (AWS, eu-west-3)"],
    [
      "cluster.update",
      { targetLabel: "prod", before: { kubernetesVersion: "1.31", instanceType: "t3.large", minNodes: 1, maxNodes: 3, production: false }, after: { kubernetesVersion: "1.31", instanceType: "m6i.large", minNodes: 1, maxNodes: 5, production: false } },
      "Alice updated cluster prod: node type from “t3.large” to “m6i.large” and maximum nodes from “3” to “5”",
    ],
    ["cluster.stop", { targetLabel: "prod", before: { status: "running" }, after: { status: "stopping" } }, "Alice asked to stop cluster prod"],
    ["cluster.retry", { targetLabel: "prod", before: { status: "error" }, after: { status: "installing" } }, "Alice retried installing cluster prod"],
    ["cluster.set_default", { targetLabel: "prod", before: { default: "staging" }, after: { default: "prod" } }, "Alice made cluster prod the default (was staging)"],
    ["cluster.set_default", { targetLabel: "prod", before: { default: null }, after: { default: "prod" } }, "Alice made cluster prod the default"],
    ["cluster.kubeconfig.download", { targetLabel: "prod" }, "Alice downloaded the kubeconfig of cluster prod"],
    ["cluster.install.done", { actor: "Org Console infrastructure engine", targetLabel: "prod", after: { status: "running" } }, "Org Console infrastructure engine finished installing cluster prod"],
    ["cluster.delete.failed", { actor: "Org Console infrastructure engine", targetLabel: "prod", after: { status: "error", reason: "Quota exceeded." } }, "Org Console infrastructure engine failed to delete cluster prod: Quota exceeded."],
  ] as const)("%s → %s", (action, fields, sentence) => {
    expect(describeAuditEvent(sample(action, fields as Partial<DescribableEvent>))).toBe(sentence);
  });

  it("reads an action it does not know, naming its target", () => {
    expect(describeAuditEvent(sample("project.archive", { targetType: "project", targetLabel: "Website" }))).toBe("Alice performed “Project archive” on project Website");
    expect(auditActionLabel("project.archive")).toBe("Project archive");
    expect(auditActionLabel("member.role_change")).toBe("Role changed");
    expect(describeAuditEvent(sample("", { targetLabel: "" }))).toBe("Alice performed “Unknown action”");
  });
});
