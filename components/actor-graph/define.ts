import { ActorGraph } from './actor-graph.ts';

if (customElements.get('actor-graph') === undefined) customElements.define('actor-graph', ActorGraph);

declare global {
  interface HTMLElementTagNameMap {
    'actor-graph': ActorGraph;
  }
}
