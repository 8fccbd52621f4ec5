// The contract of the package's Node entry ("conndiag/node", node.mjs): everything of "conndiag", and a
// diagnoser over the package's own module and knowledge base.
import type { Diagnoser, KnowledgeBase } from './index.js';

export * from './index.js';

export interface NodeOptions {
  /** Your own knowledge base instead of the built-in one. */
  kb?: KnowledgeBase;
  /** A portal file that extends the knowledge base ("extends": "conndiag"). */
  overlay?: KnowledgeBase;
}

/** A diagnoser over the package's own module and knowledge base, no setup needed. */
export declare function createNodeConnDiag(options?: NodeOptions): Promise<Diagnoser>;
