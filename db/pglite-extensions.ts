// The extensions the migrations create (pg_trgm for contains-searches), loaded into every PGlite
// instance: PGlite ships contrib modules as bundles that must be handed to its constructor.
export async function pgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}
