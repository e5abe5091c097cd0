import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * The layers (issue 17): routes speak HTTP, services speak the domain. A file under
 * server/routes/ or server/admin/ (or any other module that registers routes) validates, calls a
 * service and presents; it never reaches
 * the store (store/) or the ingest pipeline (ingest/) itself, and never builds what the
 * composition root (server/bootstrap.ts) chooses: the retriever, the answerers, the embedder,
 * the classifiers, the database. These checks read the source, so a violation fails here before
 * it shows anywhere else.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const HTTP_DIRS = ['server/routes', 'server/admin'];

/** Layers an HTTP module must not import from: it calls a service in server/library, server/insights… instead. */
const DOMAIN_ONLY = ['store/', 'ingest/'];

/**
 * Modules that build (or choose) the parts `Services` holds, or read the environment: only the
 * composition root imports them. A type-only import is harmless (nothing is built) and allowed;
 * so are the pure helpers beside them (citation labels, the disclaimer, explanations).
 */
const COMPOSITION_ONLY = [
  'server/bootstrap.ts',
  'config/config.ts',
  'store/open.ts',
  'ingest/embed/create.ts',
  'server/retrieval/hybrid.ts',
  'server/retrieval/llm-assist.ts',
  'server/retrieval/index/',
  'server/answer/extractive.ts',
  'server/answer/llm.ts',
  'server/safety/llm-classify.ts',
  'server/resilience/breaker.ts',
  'server/resilience/embeddings-job.ts',
  'server/resilience/query-embedder.ts',
  'server/notify/zalo.ts',
];

/** Registers HTTP routes: such a module elsewhere in server/ (auth/routes.ts, share/routes.ts…) is held to the same rules. */
const REGISTERS_ROUTES = /\b(app|fastify|instance|scope)\.(get|post|put|patch|delete|route|all)\s*[<(]/;

/**
 * Type-only imports from store/ or ingest/ allowed in an HTTP module, each with its reason.
 * Empty: a route names a row type through the library service that returns it
 * (server/library/documents.ts re-exports DocumentRow), so routes stay off store/ even for types.
 */
const ALLOWED_TYPE_IMPORTS: { file: string; module: string; reason: string }[] = [];

interface ImportRef {
  /** Resolved, relative to the repository root, e.g. "store/documents.ts"; bare packages as written. */
  target: string;
  typeOnly: boolean;
  line: number;
}

interface AstNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

/**
 * Every module a source file refers to: import and export-from declarations, import() calls and
 * import("…") types. Parsed with the parser Vite bundles (oxc, through rolldown): TypeScript 7's
 * package has no JavaScript compiler API, and a regular expression misses multi-line imports.
 */
function importsOf(file: string, source: string): ImportRef[] {
  const parsed = parseSync(file, source, { lang: 'ts' });
  if (parsed.errors.length) throw new Error(`${file}: does not parse: ${parsed.errors[0]!.message}`);
  const refs: ImportRef[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const add = (node: AstNode, spec: unknown, typeOnly: boolean) => {
    const raw = (spec as { value?: unknown } | null)?.value;
    if (typeof raw !== 'string') return;
    const target = raw.startsWith('.')
      ? path
          .relative(ROOT, path.resolve(path.dirname(file), raw))
          .replace(/\.js$/, '.ts')
          .split(path.sep)
          .join('/')
      : raw;
    refs.push({ target, typeOnly, line: lineOf(node.start) });
  };
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as AstNode;
    if (node.type === 'ImportDeclaration') {
      const specifiers = (node.specifiers as { importKind?: string }[] | undefined) ?? [];
      // `import type {…}`, or `import { type A, type B }` with every binding a type.
      const allTypes = node.importKind === 'type' || (specifiers.length > 0 && specifiers.every((x) => x.importKind === 'type'));
      add(node, node.source, allTypes);
    } else if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
      add(node, node.source, node.exportKind === 'type');
    } else if (node.type === 'ImportExpression') {
      add(node, node.source, false);
    } else if (node.type === 'TSImportType') {
      add(node, node.source ?? node.argument, true);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent' && child && typeof child === 'object') visit(child);
  };
  visit(parsed.program);
  return refs;
}

/** The layer rules for one HTTP module; each violation as "file:line: why". */
function layerViolations(file: string, source: string): string[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const out: string[] = [];
  for (const ref of importsOf(file, source)) {
    const domain = DOMAIN_ONLY.find((d) => ref.target.startsWith(d));
    if (domain) {
      const allowed = ref.typeOnly && ALLOWED_TYPE_IMPORTS.some((a) => a.file === rel && a.module === ref.target);
      if (!allowed) out.push(`${rel}:${ref.line}: imports ${ref.target}; call a service (server/library, server/insights, …) instead`);
    }
    const root = COMPOSITION_ONLY.find((m) => ref.target === m || (m.endsWith('/') && ref.target.startsWith(m)));
    if (root && !ref.typeOnly) out.push(`${rel}:${ref.line}: imports ${ref.target}, which builds what the composition root chooses; use app.services`);
  }
  return out;
}

/** SQL or a transaction opened in an HTTP module: the service it calls owns both (and the audit entry in it). */
const RUNS_SQL = /\b(db|tx|services\.db)\.(query|transaction)\s*[<(]/;

/**
 * HTTP modules that still run SQL themselves, each with its reason; the test fails once one no
 * longer does, so the list only shrinks.
 */
const SQL_NOT_YET_MOVED: { file: string; reason: string }[] = [
  { file: 'server/admin/handover.ts', reason: 'claim and reply transactions move to server/handover with the Zalo notification work in progress there' },
  { file: 'server/feedback/routes.ts', reason: 'the feedback insert moves to a feedback service with the notification consent work in progress there' },
];

function sqlLines(file: string, source: string): string[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return source.split('\n').flatMap((text, i) => (RUNS_SQL.test(text.replace(/\/\/.*$/, '')) ? [`${rel}:${i + 1}: runs SQL; call a service`] : []));
}

/** Patches and sniffing that move a choice out of the composition root, anywhere in server/. */
const CHOICE_LEAKS: { pattern: RegExp; why: string }[] = [
  { pattern: /\bservices\.\w+\s*=(?!=)/, why: 'patches a service after the composition root built it' },
  { pattern: /\b(embedder|retriever|answerer)\??\.id\??\.startsWith\(/, why: "sniffs an implementation's name; make the capability a property" },
  { pattern: /'(rewrite|classify|answer)'\s+in\s+\w/, why: 'duck-types a service; declare the capability in its interface' },
];
/** Where services are built and handed over: the only place allowed to assign them. */
const COMPOSITION_ROOT = new Set(['server/bootstrap.ts']);

function choiceLeaks(file: string, source: string): string[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (COMPOSITION_ROOT.has(rel)) return [];
  const out: string[] = [];
  source.split('\n').forEach((text, i) => {
    const code = text.replace(/\/\/.*$/, '');
    for (const leak of CHOICE_LEAKS) if (leak.pattern.test(code)) out.push(`${rel}:${i + 1}: ${leak.why}`);
  });
  return out;
}

function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('architecture: routes speak HTTP, services speak the domain', () => {
  const httpFiles = [...new Set([...HTTP_DIRS.flatMap(tsFiles), ...tsFiles('server').filter((f) => REGISTERS_ROUTES.test(fs.readFileSync(f, 'utf8')))])];

  it('finds the HTTP modules it checks', () => {
    // An emptied or moved directory would make the next test pass vacuously.
    expect(httpFiles.length).toBeGreaterThanOrEqual(15);
    const rel = httpFiles.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    expect(rel).toEqual(expect.arrayContaining(['server/routes/chat.ts', 'server/admin/uploads.ts', 'server/share/routes.ts', 'server/auth/routes.ts']));
  });

  it('no HTTP module (server/routes, server/admin, any other that registers routes) imports store/ or ingest/, or builds what the composition root chooses', () => {
    const violations = httpFiles.flatMap((f) => layerViolations(f, fs.readFileSync(f, 'utf8')));
    expect(violations).toEqual([]);
  });

  it('no HTTP module runs SQL or opens a transaction itself (listed exceptions still pending)', () => {
    const pending = new Set(SQL_NOT_YET_MOVED.map((x) => x.file));
    const found = httpFiles.flatMap((f) => sqlLines(f, fs.readFileSync(f, 'utf8')));
    expect(found.filter((v) => !pending.has(v.split(':')[0]!))).toEqual([]);
    for (const file of pending)
      expect(
        found.some((v) => v.startsWith(`${file}:`)),
        `${file} no longer runs SQL: remove it from SQL_NOT_YET_MOVED`,
      ).toBe(true);
  });

  it('no module in server/ patches a service or sniffs an implementation', () => {
    const leaks = tsFiles('server').flatMap((f) => choiceLeaks(f, fs.readFileSync(f, 'utf8')));
    expect(leaks).toEqual([]);
  });

  it('every type-only exception names a real file and a reason', () => {
    for (const a of ALLOWED_TYPE_IMPORTS) {
      expect(fs.existsSync(path.join(ROOT, a.file)), a.file).toBe(true);
      expect(a.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('architecture checks catch what they are for', () => {
  const route = path.join(ROOT, 'server/admin/example.ts');

  it('flags store/ and ingest/ imports in every form, type-only ones included', () => {
    const src = [
      "import { findDocumentBySha } from '../../store/documents.js';",
      "import type { DocumentRow } from '../../store/documents.js';",
      "export { sha256 } from '../../ingest/names.js';",
      "const m = await import('../../ingest/pipeline.js');",
      "let x: import('../../store/db.js').Db;",
      "import { audit } from '../audit/log.js';",
    ].join('\n');
    const v = layerViolations(route, src);
    expect(v).toHaveLength(5);
    expect(v[0]).toMatch(/^server\/admin\/example\.ts:1: imports store\/documents\.ts/);
    expect(v.some((x) => x.includes('audit'))).toBe(false);
  });

  it('flags a route building a retriever or an answerer, not one naming their types', () => {
    const src = [
      "import { createRetriever } from '../retrieval/hybrid.js';",
      "import { ExtractiveAnswerer } from '../answer/extractive.js';",
      "import type { Answerer } from '../answer/answerer.js';",
      "import { createServices } from '../bootstrap.js';",
    ].join('\n');
    const v = layerViolations(route, src);
    expect(v.map((x) => x.split(':')[1])).toEqual(['1', '2', '4']);
  });

  it('flags SQL and transactions run in an HTTP module, not a comment or a cache lookup', () => {
    const src = [
      "await db.query('select 1');",
      'return db.transaction(async (tx) => {',
      "await tx.query<{ n: number }>('select 2');",
      '// db.query in a comment',
      'cache.get(key);',
    ].join('\n');
    expect(sqlLines(route, src).map((x) => x.split(':')[1])).toEqual(['1', '2', '3']);
  });

  it('flags patched services and name sniffing outside the composition root', () => {
    const src = [
      'services.log = app.log;',
      "const semantic = !embedder.id.startsWith('hashed');",
      "if ('rewrite' in answerer) {}",
      'if (services.log === undefined) {}',
      '// services.log = app.log (a comment)',
    ].join('\n');
    expect(choiceLeaks(path.join(ROOT, 'server/main.ts'), src).map((x) => x.split(':')[1])).toEqual(['1', '2', '3']);
    expect(choiceLeaks(path.join(ROOT, 'server/bootstrap.ts'), src)).toEqual([]);
  });
});

describe('named plugins declare what they use', () => {
  /** What each named plugin reads from the app: registering it without that must fail at start-up, not at the first request. */
  const PLUGINS: { name: string; load: () => Promise<{ default: FastifyPluginAsync }>; services: boolean; errors: boolean }[] = [
    { name: 'errors', load: () => import('../server/plugins/errors.js'), services: false, errors: false },
    { name: 'compress', load: () => import('../server/plugins/compress.js'), services: false, errors: false },
    { name: 'security', load: () => import('../server/plugins/security.js'), services: true, errors: true },
    { name: 'auth', load: () => import('../server/auth/plugin.js'), services: true, errors: true },
    { name: 'cors-origins', load: () => import('../server/origins/cors.js'), services: true, errors: false },
    { name: 'maintenance', load: () => import('../server/maintenance/retention.js'), services: true, errors: false },
  ];

  for (const p of PLUGINS) {
    it(`${p.name}: ${p.services ? 'needs services' : 'no services'}${p.errors ? ', needs the errors plugin' : ''}`, async () => {
      const plugin = (await p.load()).default;
      const bare = Fastify({ logger: false });
      const attempt = bare.register(plugin).ready();
      if (p.services || p.errors) await expect(attempt).rejects.toThrow(p.services ? /services/ : /errors/);
      else await expect(attempt).resolves.toBeDefined();
      await bare.close().catch(() => {});
    });
  }

  it('the errors dependency is declared, not only the services decoration', async () => {
    for (const p of PLUGINS.filter((x) => x.errors)) {
      const app = Fastify({ logger: false });
      app.decorate('services', {} as never);
      await expect(app.register((await p.load()).default).ready(), p.name).rejects.toThrow(/errors/);
      await app.close().catch(() => {});
    }
  });
});
