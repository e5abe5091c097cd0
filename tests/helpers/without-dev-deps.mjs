// Loaded with `node --import`: makes every devDependency of package.json unresolvable, as on a
// production install (npm ci --omit=dev), so a test can show what `npm start` needs.
import { register } from 'node:module';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const dev = Object.keys(pkg.devDependencies ?? {}).filter((d) => !(d in (pkg.dependencies ?? {})));

const hooks = `
const dev = ${JSON.stringify(dev)};
export async function resolve(specifier, context, next) {
  if (dev.some((d) => specifier === d || specifier.startsWith(d + '/'))) {
    const err = new Error('Cannot find package ' + JSON.stringify(specifier) + ' (devDependency, not installed in production)');
    err.code = 'ERR_MODULE_NOT_FOUND';
    throw err;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
