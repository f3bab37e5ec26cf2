import { databaseTypes } from "@/db/schema/values";

// What the project forms offer and say, with no zod: client components import it, and the
// schemas (lib/projects/schemas.ts) validate against the same lists on the server.

export const projectKeyRule = "1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit";

export const databaseVersions: Record<(typeof databaseTypes)[number], string[]> = {
  postgresql: ["17", "16", "15", "14"],
  mysql: ["8.4", "8.0"],
  mongodb: ["8.0", "7.0", "6.0"],
  redis: ["7.4", "7.2", "6.2"],
};

export const databaseTypeLabels: Record<(typeof databaseTypes)[number], string> = {
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  mongodb: "MongoDB",
  redis: "Redis",
};
