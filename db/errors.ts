type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

// Drizzle wraps driver errors; postgres.js and PGlite name the constraint differently.
function pgError(error: unknown): PgErrorLike | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  if (pg?.code !== "23505") return false;
  return !constraint || (pg.constraint ?? pg.constraint_name) === constraint;
}
