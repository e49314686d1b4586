/**
 * Shared output code of the product chains: multi-extension FITS products with checksums
 * ({@link org.medoc.products.image.FitsProductWriter}), colour maps and scales, and PNG previews with colour bars
 * ({@link org.medoc.products.image.MapPreview}). No Spring.
 */
package org.medoc.products.image;
