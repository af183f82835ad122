import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the repository', () => {
  it('holds no file left with merge conflict markers', () => {
    const files = execFileSync('git', ['ls-files', '*.md', '*.ts', '*.tsx', '*.json', '*.css', '*.yml'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const marked = files.filter((file) => /^(<{7}|>{7}) /m.test(readFileSync(file, 'utf8')));
    expect(files.length).toBeGreaterThan(100);
    expect(marked).toEqual([]);
  });

  it('holds stylesheets that parse: an unbalanced brace silently drops every rule after it', async () => {
    const sheets = execFileSync('git', ['ls-files', '*.css'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(sheets.length).toBeGreaterThan(1);
    for (const sheet of sheets) {
      const { warnings } = await transform(readFileSync(sheet, 'utf8'), {
        loader: 'css',
        logLevel: 'silent',
      });
      expect(
        warnings.map((warning) => warning.text),
        sheet,
      ).toEqual([]);
    }
  });
});
