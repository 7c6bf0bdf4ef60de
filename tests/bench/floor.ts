/**
 * The floor: what a page that draws the same graph with nothing but Cytoscape and fcose loads.
 * The benchmark serves it beside the widget, and the bundle budget is measured against it.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
// Lit is part of the floor of the bundle budget: the widget is a Lit element by design.
import { LitElement } from 'lit';

cytoscape.use(fcose);

export { cytoscape, LitElement };
