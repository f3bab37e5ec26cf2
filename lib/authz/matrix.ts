import { memberRoles, permissionTable, permissions, roleHasPermission, roleLabels } from "./permissions";

/** The README's permission matrix, rendered from the table so the two cannot drift. */
export function renderPermissionMatrix(): string {
  const header = `| permission | ${memberRoles.map((r) => roleLabels[r]).join(" | ")} |`;
  const rule = `|---|${memberRoles.map(() => "---").join("|")}|`;
  const rows = permissions.map((p) => {
    const cells = memberRoles.map((r) => (roleHasPermission(r, p) ? "✓" : " "));
    return `| \`${p}\` (${permissionTable[p].describes}) | ${cells.join(" | ")} |`;
  });
  return [header, rule, ...rows].join("\n");
}
