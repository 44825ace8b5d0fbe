import { writeFile } from 'node:fs/promises';
import { generateSchemaTypes, TYPES_FILE } from '../core/schema-types-gen.js';

await writeFile(TYPES_FILE, await generateSchemaTypes());
console.log(`wrote ${TYPES_FILE}`);
