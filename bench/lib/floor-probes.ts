import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCommand } from "@/scripts/lib/postgres-server";

/**
 * The reference's own page rendered at one more layer of the console each time: what that layer
 * costs a request is the drop in its ratio, with the page's own work held exactly equal.
 */
export type Probe = { key: string; label: string; path: (slug: string) => string };

export const probes: Probe[] = [
  { key: "bare", label: "at the root, proxy.ts skipped", path: () => "/bench-floor/bare" },
  { key: "proxy", label: "+ proxy.ts (CSP nonce, sign-in redirect)", path: () => "/bench-floor" },
  { key: "membership", label: "+ the membership read (loadOrgPage), no shell", path: (slug) => `/bench-floor/${slug}` },
  { key: "org-shell", label: "+ the organization layout (navbar)", path: (slug) => `/orgs/${slug}/bench-floor` },
  { key: "settings-shell", label: "+ the settings layout (side navigation)", path: (slug) => `/orgs/${slug}/settings/bench-floor` },
];

// The probes' files, beside the console's own. The reference's page and database module are
// copied from its folder as they are, but for where they find their database.
const dynamicPage = `export const dynamic = "force-dynamic";\nexport { default } from "@/lib/bench-floor/members-page";\n`;
const membershipPage = `import MembersPage from "@/lib/bench-floor/members-page";
import { loadOrgPage } from "@/lib/pages/org-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

export default async function Page({ params, searchParams }: Props) {
  await loadOrgPage((await params).slug);
  return <MembersPage searchParams={searchParams} />;
}
`;

function probeFiles(referenceDir: string): Record<string, string> {
  const db = readFileSync(path.join(referenceDir, "db.ts"), "utf8");
  const page = readFileSync(path.join(referenceDir, "app", "members", "page.tsx"), "utf8");
  const ceilingDb = replaceOnce(db, "process.env.DATABASE_URL", "process.env.CEILING_DATABASE_URL");
  const membersPage = replaceOnce(page, `from "../../db"`, `from "./ceiling-db"`);
  return {
    "lib/bench-floor/ceiling-db.ts": ceilingDb,
    "lib/bench-floor/members-page.tsx": membersPage,
    "app/bench-floor/bare/page.tsx": dynamicPage,
    "app/bench-floor/page.tsx": dynamicPage,
    "app/bench-floor/[slug]/page.tsx": membershipPage,
    "app/(console)/orgs/[slug]/bench-floor/page.tsx": dynamicPage,
    "app/(console)/orgs/[slug]/settings/bench-floor/page.tsx": dynamicPage,
  };
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the reference app changed: "${from}" is no longer in its source, so the probes cannot reuse it`);
  return text.replace(from, to);
}

export type ProbeApp = { dir: string; remove: () => void };

/**
 * A copy of this working tree (tracked and untracked files, as they are now) with the probes
 * added, built for production. `/bench-floor/bare` is left out of the proxy's matcher, so the
 * first step measures the proxy itself. Built with webpack: Turbopack refuses a node_modules
 * symlinked from outside the project, and the two builds measured the same here.
 */
export async function prepareProbeApp(referenceDir: string): Promise<ProbeApp> {
  const root = process.cwd();
  const dir = mkdtempSync(path.join(tmpdir(), "org-console-floor-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"], { cwd: root, encoding: "utf8" });
    for (const file of listed.split("\0").filter(Boolean)) {
      try {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        cpSync(path.join(root, file), path.join(dir, file));
      } catch (error) {
        // Deleted in the working tree but still in the index: not part of what is measured.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    for (const [file, text] of Object.entries(probeFiles(referenceDir))) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const proxy = path.join(dir, "proxy.ts");
    writeFileSync(proxy, replaceOnce(readFileSync(proxy, "utf8"), `"/((?!_next/static`, `"/((?!bench-floor/bare|_next/static`));
    // The console's own typecheck is npm test's; the probes are the reference's code, whose
    // database module wants a URL when loaded (postgres.js connects lazily: any will do).
    const env = { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1", CEILING_DATABASE_URL: "postgres://build@127.0.0.1:1/none" };
    const code = await runCommand(path.join(dir, "node_modules", ".bin", "next"), ["build", "--webpack"], env, dir);
    if (code !== 0) throw new Error(`next build of the probe app failed (exit code ${code})`);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
