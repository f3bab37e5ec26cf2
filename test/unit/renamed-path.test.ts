import { describe, expect, it } from "vitest";
import { renamedPath } from "@/lib/orgs/renamed-path";

// Issue 15, part 4: the path a renamed organization's old URL redirects to. The database side
// (who is redirected, chains, slugs taken) is in test/integration/slug-redirects.test.ts.

describe("renamedPath", () => {
  it.each([
    ["/orgs/acme", "/orgs/globex"],
    ["/orgs/acme/", "/orgs/globex/"],
    ["/orgs/acme/settings/members?q=ann&after=abc", "/orgs/globex/settings/members?q=ann&after=abc"],
    ["/orgs/acme/projects/1?_rsc=x1y2", "/orgs/globex/projects/1"],
    ["/orgs/acme/projects?_rsc=x1y2&q=shop", "/orgs/globex/projects?q=shop"],
  ])("%s → %s", (requested, expected) => {
    expect(renamedPath("acme", "globex", requested)).toBe(expected);
  });

  it.each([null, "", "/orgs/acme-two/settings", "/orgs/other", "https://evil.test/orgs/acme", "//evil.test/orgs/acme"])(
    "falls back to the organization's home for %j",
    (requested) => {
      expect(renamedPath("acme", "globex", requested)).toBe("/orgs/globex");
    },
  );
});
