import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Which way imports may go: a newcomer finds handler → use-case → repository → key by folder alone. */
const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Value imports and lazy ones; `import type` leaves nothing at run time, so it makes no cycle. */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b(?!\s+type\b)[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
}

const FILES = [...sources('functions'), ...sources('shared'), ...sources('web/src')];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

function offenders(from: string, forbidden: readonly string[]): string[] {
  return [...GRAPH]
    .filter(([file]) => file.startsWith(from))
    .flatMap(([file, targets]) =>
      targets
        .filter((target) => forbidden.some((prefix) => target.startsWith(prefix)))
        .map((target) => `${file} → ${target}`),
    );
}

describe('layers', () => {
  it('keeps shared/ free of functions/ and web/', () => {
    expect(offenders('shared/', ['functions/', 'web/'])).toEqual([]);
  });

  it('keeps the browser out of the functions', () => {
    expect(offenders('web/', ['functions/', 'infra/'])).toEqual([]);
  });

  it('keeps functions/lib free of what it would wire', () => {
    expect(
      offenders('functions/lib/', [
        'functions/repositories/',
        'functions/mail/',
        'functions/domain/',
        'functions/handlers/',
      ]),
    ).toEqual([]);
  });

  it('lets use-cases reach storage only through repositories that build their own keys', () => {
    expect(
      offenders('functions/domain/', [
        'functions/handlers/',
        'functions/repositories/keys.ts',
        'functions/repositories/document.ts',
      ]),
    ).toEqual([]);
  });

  it('keeps repositories below the use-cases', () => {
    expect(offenders('functions/repositories/', ['functions/domain/', 'functions/handlers/'])).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of GRAPH.get(file) ?? []) if (GRAPH.has(target)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of GRAPH.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('reads the imports it checks', () => {
    expect(GRAPH.get('functions/domain/new-card.ts')).toContain('functions/repositories/cards.ts');
  });
});
