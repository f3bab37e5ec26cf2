import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { plural } from "@/lib/format";
import { noticeAppUrl } from "@/lib/notifications/app-url";
import { postMaintenance } from "@/lib/notifications/maintenance";

// `npm run maintenance:post -- --starts <ISO> --ends <ISO> --message "…" [--cluster <id> …]`: an
// operator posts a maintenance notice, to every organization or to the organizations of the listed
// clusters. It is emailed to their admin contacts (through the outbox: a running server sends it)
// and shown as a banner on their pages until it ends. Uses DATABASE_URL like the server; on the
// embedded PGlite, run it while the server is stopped (one process per data folder).

const usage = 'Usage: npm run maintenance:post -- --starts 2027-01-15T22:00:00Z --ends 2027-01-15T23:00:00Z --message "…" [--cluster <id> …]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: { starts: { type: "string" }, ends: { type: "string" }, message: { type: "string" }, cluster: { type: "string", multiple: true } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.starts || !values.ends || !values.message) {
    console.error(usage);
    return 2;
  }
  const { db, close } = await openDatabase();
  try {
    const outcome = await postMaintenance(
      db,
      { startsAt: new Date(values.starts), endsAt: new Date(values.ends), message: values.message, clusterIds: values.cluster ?? [] },
      noticeAppUrl(),
    );
    if (!outcome.ok) {
      console.error(outcome.message);
      return 1;
    }
    console.log(`Maintenance notice ${outcome.noticeId} posted to ${plural(outcome.organizations, "organization")}; ${plural(outcome.emails, "email")} queued.`);
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
