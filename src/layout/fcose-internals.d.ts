/**
 * Types for the parts of cytoscape-fcose 2.2 that `fcose-stages.ts` runs one by one. The package
 * ships its sources (CommonJS) beside its bundle; only what the stages use is typed here.
 */
declare module 'cytoscape-fcose/src/fcose/index.js' {
  import type { FcoseLayoutOptions } from 'cytoscape-fcose';

  /** fcose's layout; its constructor fills the options in with fcose's defaults. */
  class FcoseLayout {
    constructor(options: object);
    readonly options: FcoseLayoutOptions & Record<string, unknown>;
  }
  export = FcoseLayout;
}

declare module 'cytoscape-fcose/src/fcose/spectral.js' {
  namespace spectral {
    /** Node ids to indexes into the coordinate arrays. */
    interface SpectralResult {
      nodeIndexes: Map<string, number>;
      xCoords: number[];
      yCoords: number[];
    }
  }
  const spectral: { spectralLayout(options: object): spectral.SpectralResult | undefined };
  export = spectral;
}

declare module 'cytoscape-fcose/src/fcose/cose.js' {
  namespace cose {
    /** A node placed by CoSE. */
    interface CoseNode {
      getRect(): { getCenterX(): number; getCenterY(): number };
    }
  }
  const cose: {
    coseLayout(
      options: object,
      spectralResult: import('cytoscape-fcose/src/fcose/spectral.js').SpectralResult | undefined,
    ): Record<string, cose.CoseNode>;
  };
  export = cose;
}

declare module 'cytoscape-fcose/src/fcose/auxiliary.js' {
  const auxiliary: {
    /** Walks the graph's components; the spectral stage reads only what it notes in `dummyNodes`. */
    connectComponents(
      cy: import('./flat-graph.ts').FlatCore,
      eles: import('./flat-graph.ts').FlatCollection,
      topMostNodes: import('./flat-graph.ts').FlatCollection<import('./flat-graph.ts').FlatNode>,
      dummyNodes?: Map<string, string[]>,
    ): unknown[];
    relocateComponent(
      center: { x: number; y: number },
      result:
        | import('cytoscape-fcose/src/fcose/spectral.js').SpectralResult
        | Record<string, import('cytoscape-fcose/src/fcose/cose.js').CoseNode>,
      options: object,
    ): void;
  };
  export = auxiliary;
}
