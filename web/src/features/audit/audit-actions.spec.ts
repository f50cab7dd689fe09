import { describe, expect, it } from 'vitest';
import { auditEn } from './messages/en';
import { auditZhCN } from './messages/zh-cn';

/** Every source file of the server's modules, as text (read by Vite at test time: the console never bundles them). */
const SOURCES = import.meta.glob<string>(['../../../../server/src/modules/**/*.ts', '!**/*.spec.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function moduleSources(): { path: string; text: string }[] {
  return Object.entries(SOURCES).map(([path, text]) => ({ path, text }));
}

/**
 * The audit actions the server can record: the event types every module declares in its `*.events.ts`
 * (`'<subject>.<verb>': Change<…>`, the audit log records each as its action), and actions written
 * directly (`action: 'demo.seed'`).
 */
function serverActions(): string[] {
  const actions = new Set<string>();
  for (const { path, text } of moduleSources()) {
    if (path.endsWith('.events.ts')) for (const match of text.matchAll(/^\s*'([a-z][a-z0-9.-]*)'\??:\s*Change</gm)) actions.add(match[1]);
    for (const match of text.matchAll(/\baction:\s*'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g)) actions.add(match[1]);
  }
  return [...actions].sort();
}

describe('audit actions in the console’s languages', () => {
  const actions = serverActions();

  it('finds the actions of every module', () => {
    expect(actions).toEqual(expect.arrayContaining(['user.sign-in', 'observation.import', 'region.statistics.set', 'demo.seed']));
  });

  it('has a message for every action the server can record, in English and Chinese', () => {
    const missing = (dictionary: Record<string, string>) => actions.filter((action) => !(`auditAction.${action}` in dictionary));
    expect(missing(auditEn)).toEqual([]);
    expect(missing(auditZhCN)).toEqual([]);
  });

  it('keeps no message of an action the server no longer records', () => {
    const stale = Object.keys(auditEn).filter(
      (key) => key.startsWith('auditAction.') && !actions.includes(key.slice('auditAction.'.length)),
    );
    expect(stale).toEqual([]);
  });
});
