// The package root lives in core (core/lazy-dependency.ts needs it); the rest of the tool imports it from here.
export { packageRoot, templatesDir } from '../core/package-root.js';
