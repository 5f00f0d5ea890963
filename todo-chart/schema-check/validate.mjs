// Validates Kubernetes objects against the Kubernetes OpenAPI schemas with kubernetes-models:
// types, required fields, enums and formats (quantities, ports, names). Unknown fields are the Java tests' job.
// Usage: node validate.mjs a.json [b.json ...]   (each a JSON array of objects, as `helm template` rendered them)
// Prints for each file "== file", one line per object, "ok Kind/name" or "invalid Kind/name: <errors>", then
// "checked N, invalid M"; exits 1 when any object is invalid or of a kind that has no model.
import { readFileSync } from "node:fs";

async function modelOf(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const path = group ? `kubernetes-models/${group}/${version}/${object.kind}` : `kubernetes-models/${version}/${object.kind}`;
  try {
    return (await import(path))[object.kind];
  } catch {
    return undefined;
  }
}

async function validateFile(file) {
  const objects = JSON.parse(readFileSync(file, "utf8"));
  let invalid = 0;
  for (const object of objects) {
    const name = `${object.kind}/${object.metadata?.name}`;
    const Model = await modelOf(object);
    if (!Model) {
      invalid++;
      console.log(`invalid ${name}: no model for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`ok ${name}`);
    } catch (error) {
      invalid++;
      console.log(`invalid ${name}: ${error.message}`);
    }
  }
  console.log(`checked ${objects.length}, invalid ${invalid}`);
  return invalid;
}

let invalidFiles = 0;
for (const file of process.argv.slice(2)) {
  console.log(`== ${file}`);
  if ((await validateFile(file)) > 0) {
    invalidFiles++;
  }
}
process.exit(invalidFiles === 0 ? 0 : 1);
