// Runs every *.test.ts under the given folders or files (default: src) with Node's test runner.
// Node 20 does not expand globs in `node --test` arguments (Node 21+ does), so we list the
// files here. Arguments that start with "--" are passed to node, e.g. --test-name-pattern=wilson.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const nodeFlags = args.filter((a) => a.startsWith("--"));
const roots = args.filter((a) => !a.startsWith("--"));

/** @param {string} path @returns {string[]} */
function testFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts") && !f.split(/[\\/]/).includes("node_modules"))
    .map((f) => join(path, f));
}

const files = (roots.length > 0 ? roots : ["src"]).flatMap(testFiles).sort();
if (files.length === 0) {
  console.error("run-tests: no *.test.ts files found");
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", ...nodeFlags, ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
