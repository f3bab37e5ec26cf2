"use client";

import { lazy, Suspense } from "react";
import type { JoinRequestsTableProps } from "./join-requests-table";

// Parts of the Members page that most of its views never show: the Requests tab, and the bulk
// removal bar (nothing until the rows register as selectable, which needs JavaScript anyway).
// Each is its own chunk, fetched when it renders, so the page's first load does not carry them.

const JoinRequestsTableChunk = lazy(() => import("./join-requests-table").then((module) => ({ default: module.JoinRequestsTable })));
const BulkRemoveBarChunk = lazy(() => import("./bulk-remove-bar").then((module) => ({ default: module.BulkRemoveBar })));

export function JoinRequestsTable(props: JoinRequestsTableProps) {
  return (
    <Suspense fallback={<p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">Loading requests…</p>}>
      <JoinRequestsTableChunk {...props} />
    </Suspense>
  );
}

export function BulkRemoveBar(props: React.ComponentProps<typeof BulkRemoveBarChunk>) {
  return (
    <Suspense fallback={null}>
      <BulkRemoveBarChunk {...props} />
    </Suspense>
  );
}
