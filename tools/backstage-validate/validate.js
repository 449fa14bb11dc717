// Backstage's own verdict on catalog files, as the catalog backend (plugin-catalog-backend 4.0.5
// with @backstage/catalog-model) decides it: every *.yaml / *.yml document read with the `yaml`
// package (YAML 1.2), the backend's default entity policies (schema, default namespace, no foreign
// root fields, field formats), then the kind validators: the built-in ones and catalog-model's newer
// alpha models (AI resources; MCP server APIs, which need `remotes` instead of `definition`).
// Placeholders such as `$text: ./file` count as text: the backend replaces them before validating.
//
// Usage: node validate.js PATH...             one summary line (bench/lint.sh's comparison run)
//        node validate.js --verdicts PATH...  one JSON line per document:
//          {"file","document" (0-based),"line" (1-based),"verdict":"valid"|"invalid"|"error","reason"}
//        "error" is a YAML problem or a root that is not a mapping (Backstage reports it against
//        the location, not an entity); "invalid" includes kinds no validator recognises.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const model = require('@backstage/catalog-model');
const alpha = require('@backstage/catalog-model/alpha');

const policy = model.EntityPolicies.allOf([
  new model.SchemaValidEntityPolicy(),
  new model.DefaultNamespaceEntityPolicy(),
  new model.NoForeignRootFieldsEntityPolicy(),
  new model.FieldFormatEntityPolicy(model.makeValidator()),
]);
const kindValidators = [
  model.apiEntityV1alpha1Validator,
  model.componentEntityV1alpha1Validator,
  model.domainEntityV1alpha1Validator,
  model.groupEntityV1alpha1Validator,
  model.locationEntityV1alpha1Validator,
  model.resourceEntityV1alpha1Validator,
  model.systemEntityV1alpha1Validator,
  model.userEntityV1alpha1Validator,
  alpha.aiResourceEntityV1alpha1Validator,
];
const NO_VALIDATOR = 'No processor recognized the entity as valid, possibly caused by a foreign kind or apiVersion';

function yamlFiles(p, out) {
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (!name.startsWith('.') && name !== 'node_modules') yamlFiles(path.join(p, name), out);
    }
  } else if (/\.ya?ml$/i.test(p)) {
    out.push(p);
  }
  return out;
}

function resolvePlaceholders(value) {
  if (Array.isArray(value)) return value.map(resolvePlaceholders);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0].startsWith('$') && typeof value[keys[0]] === 'string') {
      return `(${keys[0]} ${value[keys[0]]})`;
    }
    const out = {};
    for (const k of keys) out[k] = resolvePlaceholders(value[k]);
    return out;
  }
  return value;
}

/** {verdict: 'valid'|'invalid'|'unknownKind', reason} for one parsed document. */
async function check(doc) {
  let entity;
  try {
    entity = await policy.enforce(resolvePlaceholders(doc));
  } catch (e) {
    return { verdict: 'invalid', reason: String(e.message || e) };
  }
  const mcp = entity.kind === 'API' && entity.spec && entity.spec.type === 'mcp-server';
  for (const validator of mcp ? [alpha.mcpServerApiEntityValidator] : kindValidators) {
    try {
      if (await validator.check(entity)) return { verdict: 'valid', reason: null };
    } catch (e) {
      return { verdict: 'invalid', reason: String(e.message || e) };
    }
  }
  return { verdict: 'unknownKind', reason: NO_VALIDATOR };
}

function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

async function main() {
  const verdicts = process.argv[2] === '--verdicts';
  const roots = process.argv.slice(verdicts ? 3 : 2);
  if (roots.length === 0) {
    console.error('usage: node validate.js [--verdicts] PATH...');
    process.exit(2);
  }
  const counts = { documents: 0, valid: 0, invalid: 0, unknownKind: 0, yamlErrors: 0 };
  for (const file of roots.flatMap((r) => yamlFiles(r, []))) {
    const text = fs.readFileSync(file, 'utf8');
    let index = 0;
    for (const doc of YAML.parseAllDocuments(text)) {
      const at = { file, document: index, line: lineOf(text, doc.range ? doc.range[0] : 0) };
      if (doc.errors.length > 0) {
        counts.yamlErrors++;
        index++;
        if (verdicts) console.log(JSON.stringify({ ...at, verdict: 'error', reason: String(doc.errors[0].message) }));
        continue;
      }
      const value = doc.toJS();
      if (value === null || value === undefined) continue;
      index++;
      if (typeof value !== 'object' || Array.isArray(value)) {
        counts.yamlErrors++;
        if (verdicts) {
          const got = Array.isArray(value) ? 'array' : typeof value;
          console.log(JSON.stringify({ ...at, verdict: 'error', reason: `Expected object at root, got ${got}` }));
        }
        continue;
      }
      counts.documents++;
      const r = await check(value);
      counts[r.verdict]++;
      if (verdicts) {
        console.log(JSON.stringify({ ...at, verdict: r.verdict === 'valid' ? 'valid' : 'invalid', reason: r.reason }));
      }
    }
  }
  if (!verdicts) {
    console.log(`documents ${counts.documents}, valid ${counts.valid}, invalid ${counts.invalid}, ` +
      `no kind validator ${counts.unknownKind}, YAML errors ${counts.yamlErrors}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
