// The deployment checks catch what they claim to: each test copies deploy/ and .github/workflows into a
// temporary tree, breaks one thing on purpose, and expects validate.mjs to fail naming it (the untouched copy
// must pass). Run: npm test --prefix deploy/tools
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runChecks } from "../validate.mjs";

const toolsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(toolsDir, "..", "..");

/** A copy of the files the checks read, without deploy/tools. */
function copyTree() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-deploy-"));
  fs.cpSync(path.join(repo, "deploy"), path.join(dir, "deploy"), { recursive: true, filter: (src) => !src.startsWith(toolsDir) });
  fs.cpSync(path.join(repo, ".github"), path.join(dir, ".github"), { recursive: true });
  return dir;
}

/** The checks, in this process: the schemas and linters load once for all the tests. */
async function validate(dir, only, kubectl = true) {
  const lines = [];
  const { passed, failed } = await runChecks({ dir, only: only.split(","), kubectl, print: (line) => lines.push(line) });
  lines.push(`${passed} passed, ${failed} failed`);
  return { status: failed === 0 && passed > 0 ? 0 : 1, output: lines.join("\n") };
}

/** Replaces exactly one occurrence of `from` in a file of the copy. */
function edit(dir, file, from, to) {
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, "utf8");
  assert.equal(text.split(from).length, 2, `${file} should hold ${JSON.stringify(from)} exactly once`);
  fs.writeFileSync(p, text.replace(from, to));
}

/** Breaks the copy with `change`, then expects a failure whose report contains every one of `expected`. */
async function expectFailure(only, change, ...expected) {
  const dir = copyTree();
  try {
    change(dir);
    const { status, output } = await validate(dir, only);
    assert.equal(status, 1, `expected the checks to fail:\n${output}`);
    for (const e of expected) assert.match(output, e instanceof RegExp ? e : new RegExp(e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("the committed files pass, rendered by kubectl kustomize when it is there and by the subset without it", async () => {
  const dir = copyTree();
  try {
    for (const kubectl of [true, false]) {
      const { status, output } = await validate(dir, kubectl ? "k8s,compose,workflows" : "k8s", kubectl);
      assert.equal(status, 0, output);
      assert.match(output, / 0 failed$/m);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the images rewrite renders the same with kubectl and without", async () => {
  const dir = copyTree();
  try {
    edit(dir, "deploy/k8s/kustomization.yaml", "newName: stockroom", "newName: registry.example.com/team/stockroom");
    for (const kubectl of [true, false]) {
      const { status, output } = await validate(dir, "k8s", kubectl);
      assert.equal(status, 0, output);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a field of the wrong type fails the schema", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "  replicas: 2\n", '  replicas: "two"\n'), "deployment.yaml: Deployment stockroom: /spec/replicas must be integer"));

test("a boolean given as a string fails the schema", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "            allowPrivilegeEscalation: false", '            allowPrivilegeEscalation: "no"'), "/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation must be boolean"));

test("a malformed quantity fails the schema", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "              memory: 1Gi", "              memory: one-gigabyte"), /resources\/limits\/memory .*quantity/));

test("a misspelt field fails as unknown", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "          readinessProbe:", "          readinesProbe:"), ".spec.template.spec.containers[0].readinesProbe: unknown field", "readinessProbe (httpGet) missing"));

test("an unknown field deep down fails too", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/hpa.yaml", "          averageUtilization: 70", "          averageUtilisation: 70"), ".spec.metrics[0].resource.target.averageUtilisation: unknown field"));

test("an unknown kind fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/pdb.yaml", "apiVersion: policy/v1\n", "apiVersion: policy/v1beta7\n"), "unknown apiVersion/kind policy/v1beta7/PodDisruptionBudget"));

test("a file listed in kustomization.yaml that does not exist fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/kustomization.yaml", "  - pdb.yaml\n", "  - pdb.yaml\n  - ingress.yaml\n"), "kustomization.yaml lists ingress.yaml, which does not exist"));

test("a manifest left out of kustomization.yaml fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/kustomization.yaml", "  - pdb.yaml\n", ""), "pdb.yaml is in deploy/k8s but not in kustomization.yaml"));

test("a Kustomize field outside the rendered subset fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/kustomization.yaml", "namespace: stockroom\n", "namespace: stockroom\nnamePrefix: prod-\n"), "field namePrefix is outside the subset"));

test("invalid YAML fails: a duplicate key", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/service.yaml", "  type: ClusterIP\n", "  type: ClusterIP\n  type: NodePort\n"), /service\.yaml: .*unique/i));

test("running as root fails the security checks", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "      securityContext:\n        runAsNonRoot: true", "      securityContext:\n        runAsNonRoot: false"), "pod securityContext.runAsNonRoot must be true"));

test("a writable root filesystem fails the security checks", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"), "readOnlyRootFilesystem must be true"));

test("a grace period shorter than preStop plus the shutdown timeout fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/deployment.yaml", "terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 35"), "terminationGracePeriodSeconds 35 must exceed preStop 10 s + shutdown 30 s"));

test("a Service pointing at a port the pods do not have fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/service.yaml", "targetPort: http", "targetPort: htp"), "Service stockroom: targetPort htp is not a container port"));

test("the API Service exposing the management port fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/service.yaml", "      protocol: TCP\n", "      protocol: TCP\n    - name: management\n      port: 8081\n      targetPort: management\n"), "must not expose the management port"));

test("a selector that misses the pods fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/pdb.yaml", "      app.kubernetes.io/component: api", "      app.kubernetes.io/component: web"), "PodDisruptionBudget stockroom: selector matches no pod"));

test("a real-looking value in the example Secret fails", () =>
  expectFailure("k8s", (d) => edit(d, "deploy/k8s/secret.example.yaml", '"CHANGE-ME-database-password"', '"hunter2"'), "STOCKROOM_DB_PASSWORD is not a CHANGE-ME placeholder"));

test("an unknown Compose key fails the Compose schema", () =>
  expectFailure("compose", (d) => edit(d, "deploy/compose.yaml", "    hostname: stockroom-2", "    hostnme: stockroom-2"), "invalid-schema", "/services/stockroom-2"));

test("a Compose field of the wrong type fails the Compose schema", () =>
  expectFailure("compose", (d) => edit(d, "deploy/compose.yaml", "  stop_grace_period: 45s", "  stop_grace_period: [45]"), "/stop_grace_period"));

test("a Compose variable missing from compose.env.example fails", () =>
  expectFailure("compose", (d) => edit(d, "deploy/compose.yaml", "STOCKROOM_DB_POOL_SIZE: \"10\"", "STOCKROOM_DB_POOL_SIZE: ${STOCKROOM_POOL:-10}"), "${STOCKROOM_POOL} is used but not in deploy/compose.env.example"));

test("a mounted file that does not exist fails", () =>
  expectFailure("compose", (d) => fs.rmSync(path.join(d, "deploy/compose/nginx.conf")), "lb: mounts ./compose/nginx.conf, which does not exist"));

test("an instance Prometheus does not scrape fails", () =>
  expectFailure("compose", (d) => edit(d, "deploy/compose/prometheus.yml", "          - stockroom-2:8081\n", ""), "prometheus.yml does not scrape stockroom-2:8081"));

test("a workflow with an input its action does not have fails actionlint", () =>
  expectFailure("workflows", (d) => edit(d, ".github/workflows/ci.yml", "          java-version: \"25\"", "          java-versio: \"25\""), 'input "java-versio" is not defined in action "actions/setup-java@v4"'));

test("a workflow with a broken expression fails actionlint", () =>
  expectFailure("workflows", (d) => edit(d, ".github/workflows/ci.yml", "${{ github.sha }}\n          path: |\n            target/stockroom-image.tar", "${{ github.shaa }}\n          path: |\n            target/stockroom-image.tar"), /property "shaa" is not defined/));
