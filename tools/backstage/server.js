// Starts a real Backstage catalog backend for whodecides's integration tests.
// Usage: node server.js --config app-config.yaml   (the test writes the config: port, database, token, locations)
const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(require('@backstage/plugin-catalog-backend'));
backend.start().catch(err => {
  console.error(`backstage harness: ${err.message}`);
  process.exit(1);
});
