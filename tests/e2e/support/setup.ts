/**
 * Setup for every e2e file: when a test fails, print what the host logged and what the pages said
 * (tests/helpers/trail.ts) and what each open page shows, so a failure on CI can be understood
 * from its output alone.
 */
import { beforeEach } from 'vitest';
import { takeTrail } from '../../helpers/trail';
import { describePages } from './page-trail';

beforeEach(({ onTestFailed }) => {
  takeTrail();
  onTestFailed(async () => {
    const lines = [...takeTrail(), ...(await describePages())];
    console.error(['── what the host and the pages saw ──', ...lines].join('\n'));
  });
});
