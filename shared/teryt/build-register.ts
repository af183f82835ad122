// Regenerates register.json from the CSV: node shared/teryt/build-register.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { parseTercCsv } from './parse.ts';

const csv = readFileSync(new URL('./teryt-terc-2024-01-01.csv', import.meta.url), 'utf8');
writeFileSync(new URL('./register.json', import.meta.url), `${JSON.stringify(parseTercCsv(csv))}\n`);
