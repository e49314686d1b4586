/**
 * Derived products (DEM, synoptic and electric-current maps) and their chain engine. The product chains are the
 * subject of their own issues; this package marks the module's place in the reactor until then.
 */
package org.medoc.products;
