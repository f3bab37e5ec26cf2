import { openDatabase } from "@/db/client";
import { grantPlan } from "@/lib/billing/grant-plan";

// `npm run org:plan -- <slug> <plan>`: an operator grants an organization a plan (paid plans are
// not self-serve unless BILLING_SELF_SERVE=true). Uses DATABASE_URL like the server; on the
// embedded PGlite, run it while the server is stopped (one process per data folder).

async function main(): Promise<number> {
  const [slug, plan] = process.argv.slice(2).filter((arg) => arg !== "--");
  if (!slug || !plan) {
    console.error("Usage: npm run org:plan -- <organization slug> <free|professional|business|enterprise>");
    return 2;
  }
  const { db, close } = await openDatabase();
  try {
    const outcome = await grantPlan(db, { slug, plan });
    (outcome.ok ? console.log : console.error)(outcome.message);
    return outcome.ok ? 0 : 1;
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
