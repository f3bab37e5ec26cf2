import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderPermissionMatrix } from "@/lib/authz/matrix";
import { renderPlanTable } from "@/lib/orgs/plan-markdown";

// `npm run readme:matrix`: rewrites README.md's generated tables between their markers: the
// permission matrix (lib/authz/permissions.ts) and the plans and limits (lib/orgs/plans.ts).
// test/unit/readme-matrix.test.ts checks both.

const readme = path.join(process.cwd(), "README.md");
const blocks = [
  { name: "permission-matrix", heading: "Roles and permissions", render: renderPermissionMatrix },
  { name: "plan-limits", heading: "Plans and limits", render: renderPlanTable },
];

if (!existsSync(readme)) {
  console.error("README.md does not exist yet: write it, then run `npm run readme:matrix` again.");
  process.exit(1);
}

const original = readFileSync(readme, "utf8");
let text = original;
for (const { name, heading, render } of blocks) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${render()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 && to === -1) {
    // No markers yet: append a section the README author can move where it belongs.
    text = `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  } else if (from === -1 || to === -1 || to < from) {
    console.error(`README.md must contain ${start} followed by ${end}, or neither.`);
    process.exit(1);
  } else {
    text = text.slice(0, from) + block + text.slice(to + end.length);
  }
}

if (text === original) console.log("README.md's generated tables are up to date.");
else {
  writeFileSync(readme, text);
  console.log("README.md's generated tables rewritten from the permission and plan tables.");
}
