import { writeFile } from 'node:fs/promises';
import { generateSchemaTypes, TYPES_FILE } from './schema-types-gen.js';
import { printLine } from './terminal.js';

await writeFile(TYPES_FILE, await generateSchemaTypes());
printLine(`wrote ${TYPES_FILE}`);
