import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { ModuleManifest } from './module-manifest';
import { loadConfig } from './config';
import { MANIFESTS, MODULES } from './modules';
import { createServices } from './services';

const MODULES_DIR = path.join(__dirname, '..', 'modules');

/** Every source file under modules/ (tests aside), relative to it. */
function moduleFiles(): string[] {
  return fs
    .readdirSync(MODULES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts'))
    .sort();
}

interface Found {
  /** Each class exported by a `*.entity.ts` file, with its file. */
  entities: Map<Function, string>;
  /** Each `@Resolver` class, by type-graphql's metadata, with its name. */
  resolvers: Map<Function, string>;
}

/** What the manifests fail to register exactly once, one line each (none: complete). */
function registrationProblems(found: Found, manifests: readonly ModuleManifest[]): string[] {
  const problems: string[] = [];
  const check = (kind: string, things: Map<Function, string>, registered: (manifest: ModuleManifest) => readonly Function[]) => {
    for (const [thing, where] of things) {
      const owners = manifests.filter((manifest) => registered(manifest).includes(thing)).map((manifest) => manifest.name);
      if (owners.length !== 1)
        problems.push(`${kind} ${thing.name} (${where}) is registered by ${owners.length ? owners.join(', ') : 'no manifest'}`);
    }
  };
  check('entity', found.entities, (manifest) => manifest.entities);
  check('resolver', found.resolvers, (manifest) => manifest.resolvers.map((binding) => binding.type));
  return problems;
}

async function findAll(): Promise<Found> {
  const entities = new Map<Function, string>();
  for (const file of moduleFiles()) {
    const exported: Record<string, unknown> = await import(path.join(MODULES_DIR, file));
    if (!file.endsWith('.entity.ts')) continue;
    for (const value of Object.values(exported)) if (typeof value === 'function') entities.set(value, file);
  }
  // Every module file is imported above, so type-graphql has seen every @Resolver class.
  const resolvers = new Map(getMetadataStorage().resolverClasses.map((metadata) => [metadata.target, metadata.target.name]));
  return { entities, resolvers };
}

describe('module manifests', () => {
  it('register every entity and every resolver under modules/ exactly once', async () => {
    const found = await findAll();
    expect(found.entities.size).toBeGreaterThan(10);
    expect(found.resolvers.size).toBeGreaterThan(8);
    expect(registrationProblems(found, MANIFESTS)).toEqual([]);
  });

  it('fail the check when a manifest leaves an entity or a resolver out, or two register one', async () => {
    const found = await findAll();
    const [first, ...others] = MANIFESTS;
    const forgetful: ModuleManifest = { ...first, entities: first.entities.slice(1), resolvers: first.resolvers.slice(1) };
    const problems = registrationProblems(found, [forgetful, ...others]);
    expect(problems).toEqual([
      expect.stringContaining(`entity ${first.entities[0].name} (`),
      expect.stringContaining(`resolver ${first.resolvers[0].type.name} (`),
    ]);
    expect(problems.join('\n')).toContain('registered by no manifest');
    expect(registrationProblems(found, [...MANIFESTS, first])).toContain(
      `entity ${first.entities[0].name} (${found.entities.get(first.entities[0])}) is registered by ${first.name}, ${first.name}`,
    );
  });

  it('have distinct names, and each module comes after those it depends on', () => {
    const names = MODULES.map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    MANIFESTS.forEach((module, index) => {
      for (const dependency of module.dependsOn ?? []) expect(names.slice(0, index)).toContain(dependency);
    });
  });
});

describe('the event listeners of the modules', () => {
  it('run in a stated order: the audit log records a change before assessments are recomputed from it, and the publication epoch moves and review alerts are raised after both', () => {
    expect(createServices(loadConfig()).events.order()).toEqual([
      'audit.record',
      'harmony.recompute-assessments',
      'evaluation.cadre-trust',
      'harmony.publication-epoch',
      'evaluation.publication-epoch',
      'appraisal.publication-epoch',
      'grants.publication-epoch',
      'reviews.raise-review-alerts',
    ]);
  });
});
