/**
 * The step types, in one import: the registry (step-registry.ts), the built-in types of issue #3
 * (builtin-step-types.ts) and the instruments of issue #4 (instruments/register.ts). Importing this
 * module is what registers them all; the order of the lines below is the order of `stepTypeIds()`.
 */
export * from './step-registry';
export * from './builtin-step-types';
import '../instruments/register';
