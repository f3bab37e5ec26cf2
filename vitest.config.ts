import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Integration tests wait on PostgreSQL far more than on the CPU, so they get more workers than
// cores; each file has its own database, so files never see each other's rows.
const integrationWorkers = Math.max(4, availableParallelism());

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React's server bundle; under test every module is server-side.
      { find: /^server-only$/, replacement: `${root}/test/support/empty-module.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/integration/global-setup.ts"],
          // The public address links in emails are built from (test/integration/support/member-actions.ts).
          env: { APP_URL: "https://console.test" },
          maxWorkers: integrationWorkers,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
