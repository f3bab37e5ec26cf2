import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderPermissionMatrix } from "@/lib/authz/matrix";

// `npm run readme:matrix`: rewrites README.md's permission matrix from the permission table
// (lib/authz/permissions.ts), between the markers. test/unit/readme-matrix.test.ts checks it.

const start = "<!-- permission-matrix:start -->";
const end = "<!-- permission-matrix:end -->";
const readme = path.join(process.cwd(), "README.md");

if (!existsSync(readme)) {
  console.error("README.md does not exist yet: write it, then run `npm run readme:matrix` again.");
  process.exit(1);
}

const text = readFileSync(readme, "utf8");
const block = `${start}\n${renderPermissionMatrix()}\n${end}`;
const from = text.indexOf(start);
const to = text.indexOf(end);

let next: string;
if (from === -1 && to === -1) {
  // No markers yet: append a section the README author can move where it belongs.
  next = `${text.trimEnd()}\n\n## Roles and permissions\n\n${block}\n`;
} else if (from === -1 || to === -1 || to < from) {
  console.error(`README.md must contain ${start} followed by ${end}, or neither.`);
  process.exit(1);
} else {
  next = text.slice(0, from) + block + text.slice(to + end.length);
}

if (next === text) {
  console.log("README.md permission matrix is up to date.");
} else {
  writeFileSync(readme, next);
  console.log("README.md permission matrix rewritten from lib/authz/permissions.ts.");
}
