// Where the memory of a kept report goes: 20 generated 50 KB reports analysed through their
// sessions and kept, a heap snapshot written, and what only they hold grouped by the objects'
// shapes (constructor and first property names) and by what holds each (the first named
// object on the way to it, through arrays and positions).
//
// Run with `node --expose-gc --import tsx bench/kept-heap.mjs [--drop session|analysis]
// [--shapes 30] [--holders 'Object{__proto__}|sliced string']`: `--drop` keeps one side only,
// `--holders` lists who holds the shapes starting with each `|`-separated prefix. A point
// `{line, column, offset}` shows as `Object{__proto__}` (small integers are not edges).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { loadEngine } from './engine-bundle.mjs';
import { reportOfSize } from './generate.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const REPORTS = 20;

/** The object a snapshot finds the kept reports by. */
class KeptReports {
  constructor(list) {
    this.list = list;
  }
}

/** Keeps `REPORTS` analyses and sessions (or one side, `drop`) and writes a snapshot. */
async function snapshotOfKept(drop) {
  const {
    engine: { analyze, createSession, defaultConfig },
  } = await loadEngine();
  const config = defaultConfig();
  const texts = Array.from({ length: REPORTS }, (_, i) => reportOfSize(50 * 1024, 1000 + i));
  // One analysed and dropped first, as in `engine.heap`: what a process compiles and caches
  // once is no report's.
  analyze(reportOfSize(50 * 1024, 999), config, createSession());
  const kept = new KeptReports(
    texts.map((text) => {
      const session = createSession();
      const analysis = analyze(text, config, session);
      return drop === 'session'
        ? { analysis }
        : drop === 'analysis'
          ? { session }
          : { analysis, session };
    }),
  );
  globalThis.gc();
  const folder = mkdtempSync(join(tmpdir(), 'postmortem-kept-heap-'));
  const file = writeHeapSnapshot(join(folder, 'kept.heapsnapshot'));
  // Let go before the snapshot is parsed, which takes hundreds of megabytes more.
  kept.list = null;
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(folder, { recursive: true, force: true });
  const characters = texts.reduce((sum, text) => sum + text.length, 0) / REPORTS;
  return { snapshot, characters };
}

/** The snapshot's graph: nodes and edges by index, names and types as strings. */
function graphOf({ snapshot: { meta }, nodes, edges, strings }) {
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const count = nodes.length / nodeFields;
  const field = (name) => meta.node_fields.indexOf(name);
  const [type, name, id, size, edgeCount] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(
    field,
  );
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * nodeFields + edgeCount] * edgeFields;
  }
  firstEdge[count] = edges.length;
  const byId = new Map();
  for (let i = 0; i < count; i++) byId.set(nodes[i * nodeFields + id], i);
  const edgeType = (e) => meta.edge_types[0][edges[e]];
  return {
    count,
    firstEdge,
    edgeFields,
    byId,
    type: (i) => meta.node_types[0][nodes[i * nodeFields + type]],
    name: (i) => strings[nodes[i * nodeFields + name]],
    size: (i) => nodes[i * nodeFields + size],
    edgeType,
    edgeName: (e) =>
      ['element', 'hidden'].includes(edgeType(e)) ? `#${edges[e + 1]}` : strings[edges[e + 1]],
    target: (e) => edges[e + 2] / nodeFields,
  };
}

/** An entry of a WeakMap: `… part of key (Object @123) -> value (…) …`. */
const EPHEMERON_KEY = /part of key \([^@)]{0,200}@(\d+)\) -> value/;

/**
 * What `start` reaches, not through `blocked` nor weak edges. A WeakMap's value is reached
 * only once its key is.
 */
function reach(graph, start, blocked) {
  const seen = new Uint8Array(graph.count);
  const waiting = new Map();
  const stack = [];
  const mark = (node) => {
    if (seen[node]) return;
    seen[node] = 1;
    stack.push(node);
    for (const value of waiting.get(node) ?? []) mark(value);
    waiting.delete(node);
  };
  if (blocked >= 0) seen[blocked] = 1;
  mark(start);
  while (stack.length > 0) {
    const node = stack.pop();
    for (let e = graph.firstEdge[node]; e < graph.firstEdge[node + 1]; e += graph.edgeFields) {
      const kind = graph.edgeType(e);
      if (kind === 'weak') continue;
      const to = graph.target(e);
      const key = kind === 'internal' ? EPHEMERON_KEY.exec(String(graph.edgeName(e))) : null;
      const keyNode = key ? graph.byId.get(Number(key[1])) : undefined;
      if (keyNode !== undefined && !seen[keyNode]) {
        waiting.set(keyNode, [...(waiting.get(keyNode) ?? []), to]);
      } else mark(to);
    }
  }
  return seen;
}

/** A node's shape: its constructor and first property names, or its type. */
function shapeOf(graph, node) {
  const type = graph.type(node);
  if (type.includes('string')) return type === 'string' ? 'string' : type;
  if (type !== 'object') return `${type}:${graph.name(node)}`;
  const names = [];
  for (let e = graph.firstEdge[node]; e < graph.firstEdge[node + 1]; e += graph.edgeFields) {
    if (graph.edgeType(e) === 'property' && names.length < 8) names.push(graph.edgeName(e));
  }
  return `${graph.name(node)}{${names.join(',')}}`;
}

/** Sizes grouped by key, printed largest first per report. */
function printGroups(title, groups, limit, characters) {
  console.log(`\n${title}`);
  const rows = [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, limit);
  for (const [key, { size, count }] of rows) {
    const kb = (size / REPORTS / 1024).toFixed(1).padStart(7);
    const times = (size / REPORTS / characters).toFixed(2).padStart(5);
    console.log(`${kb} KB ${times} × ${String(Math.round(count / REPORTS)).padStart(6)}  ${key}`);
  }
}

function add(groups, key, size) {
  const group = groups.get(key) ?? { size: 0, count: 0 };
  group.size += size;
  group.count++;
  groups.set(key, group);
}

if (typeof globalThis.gc !== 'function') {
  console.error('kept-heap: run with node --expose-gc, so that garbage is not counted');
  process.exit(2);
}
const drop = option('--drop', null);
if (drop !== null && drop !== 'session' && drop !== 'analysis') {
  console.error(`kept-heap: --drop takes session or analysis, not ${drop}`);
  process.exit(2);
}
const { snapshot, characters } = await snapshotOfKept(drop);
const graph = graphOf(snapshot);
let keep = -1;
for (let i = 0; i < graph.count && keep < 0; i++) {
  if (graph.type(i) === 'object' && graph.name(i) === 'KeptReports') keep = i;
}
const others = reach(graph, 0, keep);
const ours = reach(graph, keep, -1);
const onlyOurs = (node) => ours[node] && !others[node];

const shapes = new Map();
const shape = new Array(graph.count);
let total = 0;
for (let i = 0; i < graph.count; i++) {
  if (!onlyOurs(i)) continue;
  shape[i] = shapeOf(graph, i);
  total += graph.size(i);
  add(shapes, shape[i], graph.size(i));
}
const perReport = total / REPORTS;
console.log(
  `Held by the kept reports alone: ${(perReport / 1024).toFixed(0)} KB per report, ` +
    `${(perReport / characters).toFixed(1)} × its ${Math.round(characters)} characters`,
);
printGroups(
  'By shape (KB per report, × its text, objects per report):',
  shapes,
  Number(option('--shapes', 30)),
  characters,
);

// The first retainer of each node held, and through which edge.
const holder = new Int32Array(graph.count).fill(-1);
const holderEdge = new Int32Array(graph.count);
for (let i = 0; i < graph.count; i++) {
  if (!onlyOurs(i)) continue;
  for (let e = graph.firstEdge[i]; e < graph.firstEdge[i + 1]; e += graph.edgeFields) {
    const to = graph.target(e);
    if (graph.edgeType(e) !== 'weak' && holder[to] < 0) [holder[to], holderEdge[to]] = [i, e];
  }
}
/** Shapes passed through on the way to what holds a node. */
const CARRIERS = /^(array|Array\{|Object\{start,end|Object\{__proto__\}|hidden)/;
function heldBy(node) {
  const path = [];
  for (let at = node, depth = 0; depth < 4 && holder[at] >= 0; depth++, at = holder[at]) {
    path.unshift(String(graph.edgeName(holderEdge[at])).replace(/^#\d+.*/, '#'));
    const owner = shape[holder[at]] ?? shapeOf(graph, holder[at]);
    if (!CARRIERS.test(owner)) return `${owner}.${path.join('.')}`;
  }
  return `?.${path.join('.')}`;
}
for (const prefix of option('--holders', '').split('|').filter(Boolean)) {
  const holders = new Map();
  for (let i = 0; i < graph.count; i++) {
    if (onlyOurs(i) && shape[i].startsWith(prefix)) add(holders, heldBy(i), graph.size(i));
  }
  printGroups(`Held by, of ${prefix}:`, holders, 12, characters);
}
