// The licence of every package bundled into editor.js, as one text (see build.sh).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const out = ["kg/static/editor.js bundles these npm packages (built by tools/editor/build.sh):\n"];
for (const [path, meta] of Object.entries(lock.packages)) {
  if (!path || meta.dev) continue;
  const name = path.replace(/^.*node_modules\//, "");
  const file = readdirSync(path).find((f) => /^(licen[cs]e|copying)/i.test(f));
  out.push(`=== ${name} ${meta.version} (${meta.license})\n`);
  out.push(file && existsSync(join(path, file)) ? readFileSync(join(path, file), "utf8").trim() + "\n" : "(no licence file in the package)\n");
}
process.stdout.write(out.join("\n"));
