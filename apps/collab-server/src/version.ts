import pkg from '../package.json' with { type: 'json' };

/** The server's version, from its package.json (inlined into the bundle). */
export const SERVER_VERSION: string = pkg.version;
