// The kinds of resource an environment holds, as the pages and the domain name them. This part is
// free of database imports so client components (the delete dialog, the tables) can read it; the
// tables, fields and checks of each kind are in ./resources.ts. A new kind is a row here, a row
// there, its form fields and its table columns (components/projects/resource-columns.tsx).

export const resourceKindNames = ["application", "database"] as const;
export type ResourceKind = (typeof resourceKindNames)[number];

export type ResourceLabels = {
  /** "application": in sentences, and the permission prefix (application.edit.production…). */
  one: string;
  /** "applications": the URL segment and the sentences about many. */
  many: string;
  title: string;
  /** The form field carrying a row's id: "applicationId". */
  idField: `${ResourceKind}Id`;
  /** What the environment page says under the heading. */
  blurb: string;
  nameTaken: string;
  unknown: string;
};

export const resourceLabels: Record<ResourceKind, ResourceLabels> = {
  application: {
    one: "application",
    many: "applications",
    title: "Applications",
    idField: "applicationId",
    blurb: "Each application deploys a branch of a Git repository to this environment.",
    nameTaken: "Another application in this environment has this name.",
    unknown: "This application does not exist in this environment (it may have been deleted).",
  },
  database: {
    one: "database",
    many: "databases",
    title: "Databases",
    idField: "databaseId",
    blurb: "Managed databases the applications of this environment use.",
    nameTaken: "Another database in this environment has this name.",
    unknown: "This database does not exist in this environment (it may have been deleted).",
  },
};
