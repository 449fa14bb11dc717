// Gives Backstage's own verdict on catalog files, the way the catalog backend (plugin-catalog-backend
// 4.0.5 with @backstage/catalog-model) decides it with its default processors: YAML parsed by the
// `yaml` package (YAML 1.2), the default entity policies, then one of the built-in kind validators.
// Usage: node validate.js FILE...   Prints one JSON object per document on stdout:
//   {"file","document":N (0-based),"line":N (1-based, the document's first line),"verdict":"valid"|"invalid"|"error","reason"}
// "error" is a file- or document-level parse problem (Backstage reports it against the location).
const fs = require('fs');
const yaml = require('yaml');
const model = require('@backstage/catalog-model');
const alpha = require('@backstage/catalog-model/alpha');

const policy = model.EntityPolicies.allOf([
  new model.SchemaValidEntityPolicy(),
  new model.DefaultNamespaceEntityPolicy(),
  new model.NoForeignRootFieldsEntityPolicy(),
  new model.FieldFormatEntityPolicy(model.makeValidator()),
]);
// Current Backstage also knows the AI resource kind and MCP server APIs (catalog-model's alpha
// models); the MCP validator goes first so that an mcp-server API needs no `definition`.
const validators = [
  alpha.mcpServerApiEntityValidator,
  alpha.aiResourceEntityV1alpha1Validator,
  model.apiEntityV1alpha1Validator,
  model.componentEntityV1alpha1Validator,
  model.resourceEntityV1alpha1Validator,
  model.groupEntityV1alpha1Validator,
  model.locationEntityV1alpha1Validator,
  model.userEntityV1alpha1Validator,
  model.systemEntityV1alpha1Validator,
  model.domainEntityV1alpha1Validator,
];

function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// The backend's PlaceholderProcessor replaces {$text|$json|$yaml: ./file} with the file's content
// before validation; here the content is not read, so a placeholder stands for a text value.
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

async function verdict(entity) {
  entity = resolvePlaceholders(entity);
  let enforced;
  try {
    enforced = await policy.enforce(entity);
  } catch (e) {
    return { verdict: 'invalid', reason: String(e.message || e) };
  }
  for (const v of validators) {
    if (v === alpha.mcpServerApiEntityValidator && !(enforced.kind === 'API' && enforced.spec && enforced.spec.type === 'mcp-server')) {
      continue;
    }
    try {
      if (await v.check(enforced)) return { verdict: 'valid', reason: null };
    } catch (e) {
      return { verdict: 'invalid', reason: String(e.message || e) };
    }
  }
  return { verdict: 'invalid', reason: 'No processor recognized the entity as valid, possibly caused by a foreign kind or apiVersion' };
}

(async () => {
  for (const file of process.argv.slice(2)) {
    const text = fs.readFileSync(file, 'utf8');
    let docs;
    try {
      docs = yaml.parseAllDocuments(text, { merge: false }).filter(d => d);
    } catch (e) {
      console.log(JSON.stringify({ file, document: 0, line: 1, verdict: 'error', reason: String(e) }));
      continue;
    }
    let index = 0;
    for (const doc of docs) {
      const line = lineOf(text, doc.range ? doc.range[0] : 0);
      const out = { file, document: index++, line };
      if (doc.errors && doc.errors.length) {
        console.log(JSON.stringify({ ...out, verdict: 'error', reason: String(doc.errors[0].message || doc.errors[0]) }));
        continue;
      }
      const json = doc.toJSON();
      if (json === null) { index--; continue; }
      if (typeof json !== 'object' || Array.isArray(json)) {
        console.log(JSON.stringify({ ...out, verdict: 'error', reason: `Expected object at root, got ${Array.isArray(json) ? 'array' : typeof json}` }));
        continue;
      }
      console.log(JSON.stringify({ ...out, ...(await verdict(json)) }));
    }
  }
})();
