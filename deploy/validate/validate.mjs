// Validates Kubernetes objects (multi-document YAML, from a file or stdin) against the API's JSON
// schemas that kubernetes-models carries. Prints one line per object and exits 1 on any fault.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const text = readFileSync(process.argv[2] ?? 0, "utf8");
let faults = 0;
let valid = 0;

function modulePath(apiVersion, kind) {
  // "apps/v1" → kubernetes-models/apps/v1/Kind; the core group "v1" → kubernetes-models/v1/Kind.
  return `kubernetes-models/${apiVersion}/${kind}`;
}

for (const document of parseAllDocuments(text)) {
  if (document.errors.length > 0) {
    faults++;
    console.log(`not YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue;
  const name = `${object.kind}/${object.metadata?.name}`;
  let model;
  try {
    const module = await import(modulePath(object.apiVersion, object.kind));
    model = module[object.kind];
  } catch {
    faults++;
    console.log(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new model(object).validate();
    valid++;
    console.log(`${name}: valid`);
  } catch (error) {
    faults++;
    console.log(`${name}: ${error.message}`);
  }
}
console.log(`${valid} valid, ${faults} faults`);
process.exit(faults === 0 && valid > 0 ? 0 : 1);
