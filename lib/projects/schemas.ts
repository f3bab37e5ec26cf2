import { z } from "zod";
import { databaseTypes, environmentModes } from "@/db/schema/values";
import { databaseTypeLabels, databaseVersions, projectKeyRule } from "./catalog";

export { databaseTypeLabels, databaseVersions, projectKeyRule };

// Form and API inputs of the projects domain. Names are trimmed; keys and repositories are checked
// against the shapes the CLI and GitHub use.

export const projectKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const projectKeySchema = z
  .string("Enter a project key.")
  .trim()
  .min(1, "Enter a project key.")
  .regex(projectKeyPattern, `A project key is ${projectKeyRule}.`);

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");
const name = (what: string, max: number) =>
  z
    .string(`Enter ${article(what)} ${what} name.`)
    .trim()
    .min(1, `Enter ${article(what)} ${what} name.`)
    .max(max, `The name must be at most ${max} characters.`);

export const projectNameSchema = name("project", 80);
export const newProjectSchema = z.object({ name: projectNameSchema, key: projectKeySchema });

export const environmentNameSchema = name("environment", 60);
/** "automatic" leaves the choice to the deployment rules and the default cluster. */
export const environmentModeChoice = z.enum(["automatic", ...environmentModes], "Choose a mode.");
export const clusterChoice = z.union([z.literal("automatic"), z.uuid("Choose a cluster.")], "Choose a cluster.");

export const gitRepositoryPattern = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
export const gitRepositorySchema = z
  .string("Enter a repository.")
  .trim()
  .regex(gitRepositoryPattern, "Enter the repository as owner/name, for example acme/web.");
export const branchSchema = z
  .string("Enter a branch.")
  .trim()
  .min(1, "Enter a branch.")
  .max(255, "The branch name is too long.")
  .regex(/^(?!\/)(?!.*\/\/)(?!.*\.\.)[^\s~^:?*[\\]+(?<!\/)(?<!\.lock)$/, "Enter a valid Git branch name.");

export const applicationSchema = z.object({ name: name("application", 60), gitRepository: gitRepositorySchema, branch: branchSchema });

export const databaseSchema = z
  .object({ name: name("database", 60), type: z.enum(databaseTypes, "Choose a database type."), version: z.string().trim() })
  .refine((d) => databaseVersions[d.type].includes(d.version), { path: ["version"], message: "Choose a version this database type offers." });

export const deploymentRuleSchema = z.object({
  pattern: z
    .string("Enter an environment name pattern.")
    .trim()
    .min(1, "Enter an environment name pattern, such as prod-* or *.")
    .max(60, "The pattern must be at most 60 characters.")
    .regex(/^[A-Za-z0-9*._-]+$/, "Use letters, digits, dots, dashes, underscores and * only."),
  clusterId: z.uuid("Choose a cluster."),
  mode: z.enum(environmentModes, "Choose a mode."),
});
