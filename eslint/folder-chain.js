// Keeps server/'s feature folders a chain: a folder imports only folders below it in CHAIN, and
// never another folder's model.ts (it asks that folder's service or store instead). A lower folder
// that must react to something above receives a callback from app.ts or index.ts.
import { dirname, relative, resolve, sep } from 'node:path';

// Bottom first. Root files config.ts, errors.ts and log.ts are the foundation (below everything);
// startup.ts, mail-jobs.ts, app.ts and index.ts compose the rest (above everything).
export const CHAIN = [
  'platform',
  'stats',
  'surveys',
  'codec',
  'disclosure',
  'study',
  'accounts',
  'mail',
  'invitations',
  'responses',
  'tally',
  'workforce',
  'reports',
  'exports',
  'imports',
  'admin',
  'openapi',
  'demo',
  'audit',
];
const FOUNDATION = ['config.ts', 'errors.ts', 'log.ts'];

const serverDir = resolve(import.meta.dirname, '..', 'server');

// The place of a file in server/: its top folder, or a root file's name; null outside server/.
function placeOf(file) {
  const rel = relative(serverDir, file);
  if (rel.startsWith('..')) return null;
  const [first, ...rest] = rel.split(sep);
  return rest.length === 0 ? { file: first.replace(/\.js$/, '.ts') } : { folder: first };
}

function rank(place) {
  if (place.folder !== undefined) {
    const i = CHAIN.indexOf(place.folder);
    return i < 0 ? null : i;
  }
  return FOUNDATION.includes(place.file) ? -1 : CHAIN.length;
}

const name = (place) => place.folder ?? place.file;

export default {
  rules: {
    'folder-chain': {
      meta: {
        type: 'problem',
        schema: [],
        docs: { description: "server/ folders form a chain; no other folder's model.ts" },
      },
      create(context) {
        const from = placeOf(context.filename);
        if (!from) return {};
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = resolve(dirname(context.filename), source);
          const to = placeOf(target);
          if (!to || (from.folder !== undefined && from.folder === to.folder)) return;
          const a = rank(from);
          const b = rank(to);
          if (a === null || b === null) {
            context.report({
              node,
              message: `server/${name(a === null ? from : to)} is not in the folder chain (eslint/folder-chain.js): add it in its place.`,
            });
            return;
          }
          if (b >= a && !(a === CHAIN.length && to.file !== undefined)) {
            // composing root files may import each other
            context.report({
              node,
              message: `server/${name(from)} may not import server/${name(to)}: folders import only folders below them in the chain (eslint/folder-chain.js). Pass a callback down from app.ts or index.ts instead.`,
            });
            return;
          }
          if (to.folder !== undefined && /(^|[/\\])model(\.js|\.ts)?$/.test(source)) {
            context.report({
              node,
              message: `server/${name(from)} may not import ${source}: another folder's model is read and written through that folder's service or store.`,
            });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};
