import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonFileStore } from './json-file-store.ts';

const schema = z.object({ count: z.number() });
const fixedNow = () => new Date('2026-11-22T12:45:27.123Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('JsonFileStore', () => {
  it('gives the default for a missing file and reads back what it saved, leaving no temporary file', async () => {
    const store = new JsonFileStore(path.join(dir, 'sub', 'state.json'), schema, () => ({ count: 0 }));
    expect(await store.load()).toEqual({ value: { count: 0 } });
    await Promise.all([store.save({ count: 1 }), store.save({ count: 2 }), store.save({ count: 3 })]);
    expect(await new JsonFileStore(store.file, schema, () => ({ count: 0 })).load()).toEqual({ value: { count: 3 } });
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['state.json']);
  });

  it.each([
    ['not JSON', '{"count": 1', /not JSON/],
    ['JSON of the wrong shape', '{"count": "un"}', /unexpected content/],
    ['an empty file', '', /not JSON/],
  ])('moves %s aside under a timestamped name, keeping its bytes, and starts from the default', async (_label, content, problem) => {
    const file = path.join(dir, 'trails.json');
    writeFileSync(file, content);
    const store = new JsonFileStore(file, schema, () => ({ count: 0 }), fixedNow);
    const outcome = await store.load();
    expect(outcome.value).toEqual({ count: 0 });
    expect(outcome.problem).toMatch(problem);
    expect(outcome.keptAs).toBe(path.join(dir, 'trails.corrupt-2026-11-22T12-45-27-123Z.json'));
    expect(readFileSync(outcome.keptAs ?? '', 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['trails.corrupt-2026-11-22T12-45-27-123Z.json']);
  });

  it('never replaces a file kept aside earlier, even at the same instant', async () => {
    const file = path.join(dir, 'trails.json');
    writeFileSync(file, 'first');
    await new JsonFileStore(file, schema, () => ({ count: 0 }), fixedNow).load();
    writeFileSync(file, 'second');
    const outcome = await new JsonFileStore(file, schema, () => ({ count: 0 }), fixedNow).load();
    expect(path.basename(outcome.keptAs ?? '')).toBe('trails.corrupt-2026-11-22T12-45-27-123Z-2.json');
    expect(readFileSync(path.join(dir, 'trails.corrupt-2026-11-22T12-45-27-123Z.json'), 'utf8')).toBe('first');
    expect(readFileSync(outcome.keptAs ?? '', 'utf8')).toBe('second');
  });
});
