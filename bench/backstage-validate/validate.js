// Backstage's own validation of catalog files, the comparison run of bench/lint.sh: reads every
// *.yaml / *.yml file under the given paths with the `yaml` package and checks each document the
// way the catalog backend does, with @backstage/catalog-model's entity policies (schema, default
// namespace, no foreign root fields, field formats) and then its kind validators.
//
// Usage: node validate.js PATH...   Prints one line: documents, valid, invalid, no kind validator.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const model = require('@backstage/catalog-model');

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
];

function yamlFiles(p, out) {
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (!name.startsWith('.')) yamlFiles(path.join(p, name), out);
    }
  } else if (/\.ya?ml$/i.test(p)) {
    out.push(p);
  }
  return out;
}

async function check(doc) {
  let entity;
  try {
    entity = await policy.enforce(doc);
  } catch (e) {
    return 'invalid';
  }
  for (const validator of kindValidators) {
    try {
      if (await validator.check(entity)) return 'valid';
    } catch (e) {
      return 'invalid';
    }
  }
  return 'unknownKind';
}

async function main() {
  const roots = process.argv.slice(2);
  if (roots.length === 0) {
    console.error('usage: node validate.js PATH...');
    process.exit(2);
  }
  const counts = { documents: 0, valid: 0, invalid: 0, unknownKind: 0, yamlErrors: 0 };
  for (const file of roots.flatMap((r) => yamlFiles(r, []))) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      if (doc.errors.length > 0) {
        counts.yamlErrors++;
        continue;
      }
      const value = doc.toJS();
      if (value === null || value === undefined) continue;
      counts.documents++;
      counts[await check(value)]++;
    }
  }
  console.log(`documents ${counts.documents}, valid ${counts.valid}, invalid ${counts.invalid}, ` +
    `no kind validator ${counts.unknownKind}, YAML errors ${counts.yamlErrors}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
