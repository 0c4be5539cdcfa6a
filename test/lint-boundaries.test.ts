import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import-boundary rules (.dependency-cruiser.cjs, run by `npm run lint`) must be able to fail:
 * each forbidden import below, in a small tree laid out like src/, is reported under its rule, and
 * the allowed imports beside them are not.
 */
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');
const dirs: string[] = [];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function layOut(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-boundaries-'));
  dirs.push(dir);
  const all = { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }), ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Runs the cruiser as `npm run lint:boundaries` does (output `err`: the exit code counts the errors). */
async function run(files: Record<string, string>, outputType: 'err' | 'json'): Promise<{ exitCode: number; stdout: string }> {
  const args = [cli, 'src', '--config', config, '--output-type', outputType];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: layOut(files) });
    return { exitCode: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    if (typeof err.code !== 'number') throw e;
    return { exitCode: err.code, stdout: err.stdout ?? '' };
  }
}

async function cruise(files: Record<string, string>): Promise<Violation[]> {
  return JSON.parse((await run(files, 'json')).stdout).summary.violations;
}

const pairs = (vs: Violation[]) => vs.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('import boundaries', () => {
  it('reports every forbidden import under its rule, and only those', async () => {
    const violations = await cruise({
      'src/config/index.ts': "import { p } from '../platform/p.js';\nexport const c = p;\n",
      'src/platform/p.ts': "export const p = 1;\n",
      'src/platform/uses-module.ts': "import { o } from '../modules/org/index.js';\nexport const u = o;\n",
      'src/cli/main.ts': "import { o } from '../modules/org/index.js';\nexport const m = o;\n",
      'src/modules/org/index.ts': "import { p } from '../../platform/p.js';\nexport const o = p;\n",
      'src/modules/org/org.schema.ts': "export const committees = 1;\n",
      'src/modules/org/members/member-import.ts': "export const importRows = 1;\n",
      // Allowed: proposals → org through index.ts; a schema file → another module's schema file.
      'src/modules/proposals/manifest.ts': "import { o } from '../org/index.js';\nexport const m = o;\n",
      'src/modules/proposals/proposals.schema.ts': "import { committees } from '../org/org.schema.js';\nexport const t = committees;\n",
      // Forbidden: past org's index.ts; a module importing the CLI; proposals ↔ social-info.
      'src/modules/proposals/seed.ts': "import { importRows } from '../org/members/member-import.js';\nexport const s = importRows;\n",
      'src/modules/proposals/cli.ts': "import { m } from '../../cli/main.js';\nexport const c = m;\n",
      'src/modules/proposals/index.ts': "import { i } from '../social-info/index.js';\nexport const x = i;\n",
      'src/modules/social-info/index.ts': "export const i = 1;\n",
      // A module nobody listed may import no other module.
      'src/modules/newcomer/index.ts': "import { o } from '../org/index.js';\nexport const n = o;\n",
      // A circle of two files (reported once).
      'src/modules/inbox/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/modules/inbox/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/modules/inbox/broken.ts': "import { gone } from './gone.js';\nexport const x = gone;\n",
    });
    expect(pairs(violations)).toEqual(
      [
        'config-imports-nothing-above: src/config/index.ts -> src/platform/p.ts',
        'platform-imports-no-module: src/platform/uses-module.ts -> src/modules/org/index.ts',
        'modules-through-index: src/modules/proposals/seed.ts -> src/modules/org/members/member-import.ts',
        'modules-import-no-cli: src/modules/proposals/cli.ts -> src/cli/main.ts',
        'module-allowed-deps: src/modules/proposals/index.ts -> src/modules/social-info/index.ts',
        'module-allowed-deps: src/modules/newcomer/index.ts -> src/modules/org/index.ts',
        'no-circular: src/modules/inbox/a.ts -> src/modules/inbox/b.ts',
        'not-to-unresolvable: src/modules/inbox/broken.ts -> ./gone.js',
      ].sort(),
    );
  });

  it('fails the command on a forbidden import and passes a clean tree', async () => {
    const bad = await run({
      'src/platform/p.ts': "import { o } from '../modules/org/index.js';\nexport const p = o;\n",
      'src/modules/org/index.ts': "export const o = 1;\n",
    }, 'err');
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('platform-imports-no-module: src/platform/p.ts → src/modules/org/index.ts');
    const clean = await run({
      'src/platform/p.ts': "export const p = 1;\n",
      'src/modules/org/index.ts': "import { p } from '../../platform/p.js';\nexport const o = p;\n",
    }, 'err');
    expect(clean.exitCode).toBe(0);
  });
});
