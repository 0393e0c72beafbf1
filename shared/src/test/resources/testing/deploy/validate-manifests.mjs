// Validates Kubernetes objects against the OpenAPI schemas that the npm kubernetes-models packages ship as
// compiled validators: Kubernetes itself, and the KEDA, Knative and Prometheus Operator CRDs.
// Usage: node validate-manifests.mjs <node_modules dir> < [{"origin": "...", "object": {...}}, ...]
// Prints [{"origin": "...", "problems": ["<path> <message>", ...]}, ...], one entry per input object.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// Where each package keeps a kind: <package>/<apiVersion>/<Kind>.js, core "v1" included.
const PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/keda",
  "@kubernetes-models/knative",
  "@kubernetes-models/prometheus-operator",
];

const modules = process.argv[2];
const inputs = JSON.parse(readFileSync(0, "utf8"));

function modelFile(apiVersion, kind) {
  for (const pkg of PACKAGES) {
    const file = join(modules, pkg, apiVersion, `${kind}.js`);
    if (existsSync(file)) {
      return file;
    }
  }
  return null;
}

async function problems(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["/ apiVersion and kind must be strings"];
  }
  const file = modelFile(apiVersion, kind);
  if (file === null) {
    return [`/ no schema for ${apiVersion} ${kind}`];
  }
  const Model = (await import(pathToFileURL(file).href))[kind];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const errors = error.errors ?? [{ instancePath: "", message: error.message }];
    return errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
}

const results = [];
for (const { origin, object } of inputs) {
  results.push({ origin, problems: await problems(object) });
}
process.stdout.write(JSON.stringify(results));
