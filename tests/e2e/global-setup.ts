import { ensureBuilt } from '../../src/web/ensure-built';

/** End-to-end tests drive the built renderer: build it first when it is missing or stale. */
export default function setup() {
  ensureBuilt((line) => process.stderr.write(`${line}\n`));
}
