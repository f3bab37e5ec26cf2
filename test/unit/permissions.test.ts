import { describe, expect, it } from "vitest";
import {
  memberRoles,
  minimumRoleFor,
  type MemberRole,
  type Permission,
  permissionTable,
  permissions,
  roleHasPermission,
  roleLabels,
  roleRank,
} from "@/lib/authz/permissions";

// DESIGN.md §4 written out again by hand: the code's table must match the design, not itself.
const O = ["owner"] as const;
const OA = ["owner", "admin"] as const;
const OAD = ["owner", "admin", "developer"] as const;
const ALL = ["owner", "admin", "developer", "viewer"] as const;
const designTable: Record<Permission, readonly MemberRole[]> = {
  "org.read": OA,
  "org.edit": OA,
  "org.delete": O,
  "billing.manage": OA,
  "member.invite": OA,
  "member.changeRole": OA,
  "member.remove": OA,
  "ownership.transfer": O,
  "audit.read": OA,
  // Issue 16: "Owners (and admins, without secrets) download a JSON export of the organization".
  "org.export": OA,
  // Issue 16: "An owner or admin can view the console as Admin, Developer or Viewer".
  "org.viewAs": OA,
  "git.manage": OA,
  "cluster.manage": OA,
  "cluster.connect": OA,
  // Issue 15: "Owners and organization administrators can manage: cloud accounts, …" (Qovery).
  "cloud_account.manage": OA,
  // Issue 16: "Owners and admins add an email domain … Per verified domain, a policy".
  "domain.manage": OA,
  "project.read": ALL,
  "environment.read": ALL,
  "application.read": ALL,
  "project.create": OAD,
  "project.edit": OAD,
  "project.delete": OA,
  "project.transfer": OA,
  "environment.edit.production": OA,
  "environment.stop.production": OA,
  "environment.delete.production": OA,
  "environment.edit.development": OAD,
  "environment.stop.development": OAD,
  "environment.delete.development": OAD,
  "application.edit.production": OA,
  "application.delete.production": OA,
  "application.ssh": OA,
  "application.edit.development": OAD,
  "application.delete.development": OAD,
  "database.read": OAD,
  "database.edit.production": OA,
  "database.delete.production": OA,
  "database.edit.development": OAD,
  "database.delete.development": OAD,
};

describe("the permission table", () => {
  it("lists exactly the permissions of DESIGN.md §4", () => {
    expect([...permissions].sort()).toEqual(Object.keys(designTable).sort());
    expect(new Set(permissions).size).toBe(permissions.length);
  });

  it.each(permissions)("%s is held by the roles DESIGN.md §4 gives it", (permission) => {
    const holders = memberRoles.filter((role) => roleHasPermission(role, permission));
    expect(holders).toEqual([...designTable[permission]]);
  });

  it.each(permissions)("%s is held at least by the owner", (permission) => {
    expect(roleHasPermission("owner", permission)).toBe(true);
  });

  it("gives the owner every permission", () => {
    expect(permissions.filter((p) => !roleHasPermission("owner", p))).toEqual([]);
  });

  it("is monotonic: a higher role holds everything a lower role holds", () => {
    for (const permission of permissions) {
      for (const lower of memberRoles) {
        for (const higher of memberRoles.filter((r) => roleRank[r] > roleRank[lower])) {
          if (roleHasPermission(lower, permission)) expect(roleHasPermission(higher, permission), `${higher} ${permission}`).toBe(true);
        }
      }
    }
  });

  it("describes every permission (the README matrix shows it)", () => {
    for (const permission of permissions) expect(permissionTable[permission].describes.trim()).not.toBe("");
  });
});

describe("roleRank", () => {
  it("orders owner > admin > developer > viewer", () => {
    expect(roleRank.owner).toBeGreaterThan(roleRank.admin);
    expect(roleRank.admin).toBeGreaterThan(roleRank.developer);
    expect(roleRank.developer).toBeGreaterThan(roleRank.viewer);
  });

  it("ranks every role, each differently", () => {
    expect(Object.keys(roleRank).sort()).toEqual([...memberRoles].sort());
    expect(new Set(Object.values(roleRank)).size).toBe(memberRoles.length);
  });

  it("labels every role with the words on the screen", () => {
    expect(roleLabels).toEqual({ owner: "Owner", admin: "Admin", developer: "Developer", viewer: "Viewer" });
  });
});

describe("minimumRoleFor", () => {
  it("names the lowest role that holds the permission", () => {
    expect(minimumRoleFor("org.delete")).toBe("owner");
    expect(minimumRoleFor("ownership.transfer")).toBe("owner");
    expect(minimumRoleFor("org.edit")).toBe("admin");
    expect(minimumRoleFor("project.create")).toBe("developer");
    expect(minimumRoleFor("database.read")).toBe("developer");
    expect(minimumRoleFor("project.read")).toBe("viewer");
  });

  it.each(permissions)("%s: the minimum role holds it and every role below it does not", (permission) => {
    const minimum = minimumRoleFor(permission);
    expect(roleHasPermission(minimum, permission)).toBe(true);
    for (const role of memberRoles) {
      expect(roleHasPermission(role, permission)).toBe(roleRank[role] >= roleRank[minimum]);
    }
  });
});
