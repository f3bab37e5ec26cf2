-- Trigram indexes for contains-searches (the next migration creates them). pg_trgm ships with
-- PostgreSQL's contrib modules (Debian's postgresql package includes them) and is a trusted
-- extension, so the database owner may create it; PGlite loads it from db/pglite-extensions.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
