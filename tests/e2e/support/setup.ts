/**
 * Setup for every e2e file: when a test fails, print what the host logged and what the pages said
 * (tests/helpers/trail.ts) and what each open page shows, so a failure on CI can be understood
 * from its output alone. `SAMSKAPA_TRAIL=always` prints it after every test (to look for a rare
 * event, such as a sync answer asked for again, in runs that pass).
 */
import { beforeEach } from 'vitest';
import { takeTrail } from '../../helpers/trail';
import { describePages } from './page-trail';

async function printTrail(heading: string): Promise<void> {
  const lines = [...takeTrail(), ...(await describePages())];
  console.error([heading, ...lines].join('\n'));
}

beforeEach(({ onTestFailed, onTestFinished }) => {
  takeTrail();
  onTestFailed(() => printTrail('── what the host and the pages saw ──'));
  if (process.env.SAMSKAPA_TRAIL === 'always') onTestFinished(() => printTrail('── trail ──'));
});
