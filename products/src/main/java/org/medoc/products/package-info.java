/**
 * Derived products: the chain engine that makes, catalogues and serves them ({@code chain}, {@code catalogue},
 * {@code api}), shared FITS and PNG writing ({@code image}), and one package per product chain holding its kernel,
 * recipe, input rule and configuration: DEM maps ({@code dem}); later synoptic and electric-current maps. Chains are
 * installed in {@link org.medoc.products.ProductRecipesConfiguration}.
 */
package org.medoc.products;
