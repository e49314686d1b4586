/**
 * Derived products: DEM maps ({@code dem}), later synoptic and electric-current maps, and the chain engine that makes,
 * catalogues and serves them ({@code chain}, {@code catalogue}, {@code api}); AIA input sets in {@code aia}. Recipes
 * are installed in {@link org.medoc.products.ProductRecipesConfiguration}.
 */
package org.medoc.products;
