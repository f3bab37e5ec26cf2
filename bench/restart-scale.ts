import { readFileSync, writeFileSync } from "node:fs";
import { startApp } from "./lib/app-server";
import { signIn } from "./lib/http";
import { benchGithubApp } from "./lib/git-bench";
// Temporary: restart next start on the harness's database after a rebuild.
const info = JSON.parse(readFileSync("/tmp/prof/info.json", "utf8"));
const tag = info.big.replace("scale-", "");
const app = await startApp({ databaseUrl: info.databaseUrl, port: Number(process.argv[2] ?? 3998), logFile: `/tmp/prof/server-${process.argv[2] ?? 3998}.log`, env: { ...benchGithubApp(), ...(process.argv[3] ? { [process.argv[3]]: "1" } : {}) } });
info.cookie = await signIn(app.baseUrl, { email: `bench-${tag}@example.test`, name: "Bench User" });
info.baseUrl = app.baseUrl;
writeFileSync(`/tmp/prof/info-${process.argv[2] ?? 3998}.json`, JSON.stringify(info, null, 1));
console.log("ready", app.baseUrl);
setInterval(() => {}, 1 << 30);
