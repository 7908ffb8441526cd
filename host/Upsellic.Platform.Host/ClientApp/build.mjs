// Bundles the widget into the host's wwwroot/widget/v1 and prints the sizes the budget is about (raw and gzipped).
// Run by the .NET build (ClientApp.targets) whenever a source changes; `node build.mjs` by hand does the same.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'wwwroot', 'widget', 'v1');
const budgets = { loaderGzip: 5 * 1024, totalGzip: 40 * 1024 };

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Browsers from 2020 on (dynamic import(), ??, ?.): what shoppers use; older ones get no widget rather than a broken one.
  target: 'es2020',
  logLevel: 'warning',
};

await mkdir(outDir, { recursive: true });

// chat.js first: the loader carries its hash so a cached old chat.js is never paired with a new loader.
await build({ ...common, entryPoints: [join(here, 'src', 'chat.ts')], format: 'esm', outfile: join(outDir, 'chat.js') });
const chat = await readFile(join(outDir, 'chat.js'));
const chatVersion = createHash('sha256').update(chat).digest('hex').slice(0, 12);

await build({
  ...common,
  entryPoints: [join(here, 'src', 'loader.ts')],
  format: 'iife',
  outfile: join(outDir, 'loader.js'),
  define: { __CHAT_VERSION__: JSON.stringify(chatVersion) },
});
const loader = await readFile(join(outDir, 'loader.js'));

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = { loader: [loader.length, gz(loader)], chat: [chat.length, gz(chat)] };
const total = [sizes.loader[0] + sizes.chat[0], sizes.loader[1] + sizes.chat[1]];
console.log(`widget: loader.js ${kb(sizes.loader[0])} raw, ${kb(sizes.loader[1])} gzipped (budget ${kb(budgets.loaderGzip)})`);
console.log(`widget: chat.js   ${kb(sizes.chat[0])} raw, ${kb(sizes.chat[1])} gzipped`);
console.log(`widget: total     ${kb(total[0])} raw, ${kb(total[1])} gzipped (budget ${kb(budgets.totalGzip)})`);

// The agents' Live Chat panel: same toolchain, served to the dashboard only.
await build({
  ...common,
  entryPoints: [join(here, 'src', 'dashboard', 'livechat.ts')],
  format: 'iife',
  outfile: join(here, '..', 'wwwroot', 'dashboard', 'livechat.js'),
});

if (sizes.loader[1] > budgets.loaderGzip || total[1] > budgets.totalGzip) {
  console.error('widget: over the size budget (loader.js <= 5 KB gzipped, whole widget <= 40 KB gzipped)');
  process.exit(1);
}
