/** The host's version, reported by /api/health. Kept in step with package.json by a unit test. */
export const HOST_VERSION = '0.1.0';
