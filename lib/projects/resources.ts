import type { z } from "zod";
import type { Tx } from "@/db/client";
import { type Application, applications, type Database, databases } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import type { OrgContext } from "@/lib/authz/context";
import { isRepositoryGranted } from "@/lib/git/queries";
import { repositoryNotGrantedMessage } from "@/lib/git/warnings";
import { type ResourceKind, resourceLabels, type ResourceLabels } from "./resource-kinds";
import type { ScopedEnvironment } from "./resource-scope";
import { applicationSchema, databaseSchema, databaseTypeLabels } from "./schemas";

// The table of resource kinds: for each, its database table, the fields a form sets (and the audit
// log records), its labels, and what a write of it checks beyond the shared rules. Permissions
// follow the kind's name (application.edit.production, database.delete.development…). Finding,
// locking, writing and deleting are written once against this table (./resource-queries.ts,
// ./resource-writes.ts).

/** The columns every kind's table has (the schema keeps one table per kind). */
type ResourceRow = { id: string; orgId: string; environmentId: string; name: string };

type Refusal = ActionResult & { ok: false };

export type ResourceKindSpec<Row extends ResourceRow = ResourceRow, Fields extends { name: string } = { name: string }> = ResourceLabels & {
  table: typeof applications | typeof databases;
  /** The unique index on (environment, lower(name)). */
  nameIndex: string;
  /** What a form sends beyond the ids (parsed by the action's schema). */
  schema: z.ZodType<Fields>;
  /** The fields a row has, as the forms and the audit log name them. */
  fieldsOf: (row: Row) => Fields;
  /** A refusal particular to the kind, for an add (`row` absent) or a change of `row`. */
  refuse?: (tx: Tx, ctx: OrgContext, input: Fields, row?: Row) => Promise<Refusal | null>;
  created: (fields: Fields, environment: ScopedEnvironment) => string;
};

type ApplicationFields = z.output<typeof applicationSchema>;
type DatabaseFields = z.output<typeof databaseSchema>;

/**
 * Once the organization has a GitHub App installation, an application may only point at a
 * repository it grants: the picker offers only those, and this refuses anything else (a stale page,
 * a replayed form). Without an installation any repository goes. Keeping a repository the
 * installation no longer grants is allowed (its warning says so); moving to another one is not.
 */
async function repositoryRefusal(tx: Tx, ctx: OrgContext, input: ApplicationFields, row?: Application): Promise<Refusal | null> {
  if (row && row.gitRepository.toLowerCase() === input.gitRepository.toLowerCase()) return null;
  if ((await isRepositoryGranted(tx, ctx.org.id, input.gitRepository)) !== false) return null;
  return { ok: false, fieldErrors: { gitRepository: repositoryNotGrantedMessage(input.gitRepository) } };
}

/** A PostgreSQL database does not become a Redis one in place: that is a new database. */
async function typeRefusal(_tx: Tx, _ctx: OrgContext, input: DatabaseFields, row?: Database): Promise<Refusal | null> {
  if (!row || input.type === row.type) return null;
  return { ok: false, fieldErrors: { type: `The type of a database cannot change: add a ${databaseTypeLabels[input.type]} database instead.` } };
}

const application: ResourceKindSpec<Application, ApplicationFields> = {
  ...resourceLabels.application,
  table: applications,
  nameIndex: "applications_environment_name_key",
  schema: applicationSchema,
  fieldsOf: (row) => ({ name: row.name, gitRepository: row.gitRepository, branch: row.branch }),
  refuse: repositoryRefusal,
  created: (fields, environment) => `Added application ${fields.name} to ${environment.name}.`,
};

const database: ResourceKindSpec<Database, DatabaseFields> = {
  ...resourceLabels.database,
  table: databases,
  nameIndex: "databases_environment_name_key",
  schema: databaseSchema,
  fieldsOf: (row) => ({ name: row.name, type: row.type, version: row.version }),
  refuse: typeRefusal,
  created: (fields, environment) => `Added ${databaseTypeLabels[fields.type]} database ${fields.name} to ${environment.name}.`,
};

export const resourceKinds = { application, database } satisfies { [K in ResourceKind]: unknown };

export type ResourceKinds = typeof resourceKinds;
/** The row and the form fields of a kind. */
export type RowOf<K extends ResourceKind> = K extends unknown ? (ResourceKinds[K] extends ResourceKindSpec<infer Row, infer _F> ? Row : never) : never;
export type FieldsOf<K extends ResourceKind> = K extends unknown ? (ResourceKinds[K] extends ResourceKindSpec<infer _R, infer Fields> ? Fields : never) : never;

/** The kind's spec with its types forgotten, for the code written once for every kind. */
export const kindSpec = (kind: ResourceKind) => resourceKinds[kind] as unknown as ResourceKindSpec;
