// First-load JavaScript of a page, from the production build: the framework's root chunks plus
// the page's entry chunks (its layouts included), gzipped as a browser would receive them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(__dirname, '..');
const nextDir = path.join(root, '.next');

type PageBundle = { files: string[]; kbGzip: number };

const gzipKb = (file: string) =>
  zlib.gzipSync(fs.readFileSync(path.join(nextDir, file)), { level: 9 }).byteLength / 1024;
const round = (value: number) => Math.round(value * 10) / 10;

function entryFiles(route: string): string[] {
  // e.g. .next/server/app/(workspace)/leads/page_client-reference-manifest.js
  const manifestFile = path.join(nextDir, 'server', 'app', ...route.split('/'), 'page_client-reference-manifest.js');
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function('globalThis', fs.readFileSync(manifestFile, 'utf8'))(sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  const entry = manifest?.entryJSFiles[`[project]/app/${route}/page`];
  if (!entry) throw new Error(`no entry chunks for ${route} in ${manifestFile}`);
  return entry;
}

export function firstLoad(route: string): PageBundle {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const files = [...new Set([...buildManifest.rootMainFiles, ...entryFiles(route)])];
  return { files, kbGzip: round(files.reduce((sum, file) => sum + gzipKb(file), 0)) };
}

/** Chunks that contain a marker string (e.g. a class name only one library renders). */
export function chunksWith(marker: string): PageBundle {
  const dir = path.join(nextDir, 'static', 'chunks');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.js') && fs.readFileSync(path.join(dir, name), 'utf8').includes(marker))
    .map((name) => `static/chunks/${name}`);
  return { files, kbGzip: round(files.reduce((sum, file) => sum + gzipKb(file), 0)) };
}
