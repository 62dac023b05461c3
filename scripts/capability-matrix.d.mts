// Types of capability-matrix.mjs, for the test that keeps docs/capabilities.md in step.
import type { Capabilities } from '../packages/core/src/model/capabilities.js';

export declare const START_MARKER: string;
export declare const END_MARKER: string;
export declare const WRITE_COMMAND: string;
export declare const DOC_PATH: string;
export declare function renderCapabilityMatrix(capabilities: Readonly<Record<string, Capabilities>>): string;
export declare function spliceCapabilityMatrix(doc: string, matrix: string): string;
export declare function staleCapabilityMatrix(doc: string, matrix: string): string | undefined;
