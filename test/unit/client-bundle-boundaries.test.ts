import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What a "use client" module reaches through its runtime imports ends up in the browser. zod, the
// ORM, the database drivers and server-only modules must never get there (issue 12: First Load JS
// ≤ 150 kB gzip), and the UI kit holds the one dialog implementation.

const root = process.cwd();
const forbidden = ["zod", "drizzle-orm", "postgres", "@electric-sql/pglite", "server-only", "nodemailer"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const sources = ["app", "components"].flatMap((dir) => filesUnder(path.join(root, dir)));
const clientFiles = sources.filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));

/** Runtime import specifiers: `import type …` and `export type …` vanish at build time. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+["']([^"']+)["']/gms)) {
    // `import { type A, type B } from …` imports nothing at run time either.
    const names = match[1].replace(/[{}\s]/g, "").split(",").filter(Boolean);
    if (names.length > 0 && names.every((name) => name.startsWith("type"))) continue;
    specifiers.push(match[2]);
  }
  for (const match of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) specifiers.push(match[1]);
  for (const match of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]);
  return specifiers;
}

function isServerActionsModule(file: string): boolean {
  return /^\s*["']use server["']/.test(readFileSync(file, "utf8"));
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The forbidden packages a client file reaches, each with the chain of files that leads there. */
function forbiddenReach(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const local = resolveLocal(file, specifier);
      // A "use server" module reaches the browser as references to its actions, not as code.
      if (local && isServerActionsModule(local)) continue;
      if (local) walk(local, [...chain, path.relative(root, local)]);
      else if (forbidden.some((name) => specifier === name || specifier.startsWith(`${name}/`))) found.push(`${[...chain, specifier].join(" → ")}`);
    }
  };
  walk(entry, [path.relative(root, entry)]);
  return found;
}

describe("client bundles", () => {
  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it.each(clientFiles.map((file) => [path.relative(root, file), file]))("%s reaches no server-side package", (_name, file) => {
    expect(forbiddenReach(file)).toEqual([]);
  });
});

describe("the UI kit", () => {
  it("holds the one dialog implementation: no native <dialog> or showModal outside components/ui", () => {
    const offenders = sources.filter((file) => !file.includes(`${path.sep}components${path.sep}ui${path.sep}`) && /<dialog\b|showModal\(/.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
