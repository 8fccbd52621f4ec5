// Validates a knowledge-base file against data/kb.schema.json with ajv: node validate_kb.mjs SCHEMA KB
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;

const [schemaPath, kbPath] = process.argv.slice(2);
// strictRequired off: the schema's if/then/else names required fields that their branch does not redeclare.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const kb = JSON.parse(readFileSync(kbPath, 'utf8'));
if (validate(kb)) {
  console.log(`${kbPath}: valid (${kb.entries.length} entries)`);
} else {
  for (const e of validate.errors) console.error(`${kbPath}: ${e.instancePath || '/'} ${e.message}`);
  process.exit(1);
}
