package org.medoc.products;

import org.springframework.context.annotation.Configuration;

/**
 * THE place where product recipes are installed. The chain runs every {@link org.medoc.products.chain.ProductRecipe}
 * bean (see {@link org.medoc.products.chain.RecipeRegistry}); declare them here so that what this installation
 * produces can be read in one file.
 *
 * <p>DEM maps: add the adapter here when {@code org.medoc.products.dem} is merged, e.g.
 * <pre>{@code
 * @Bean
 * ProductRecipe demRecipe(AiaChannelSets demInputSets) {
 *     // type "dem", version "1.0"; make(): DemMapMaker.standard().make(context.files(inputs), outputDirectory,
 *     //   new DemProvenance(context.softwareVersion(), context.productVersion(), context.referenceTime(),
 *     //       inputs.inputs().stream().map(i -> new DemProvenance.InputFile(i.fileName(), i.sha256())).toList()))
 *     // -> ProductOutput(List.of(OutputFile.data(result.fitsFile()), previews as OutputFile.preview(...)),
 *     //    Map.of("width", ..., "height", ..., "channelsUsed", ..., "pixelsFitted", ..., "pixelsFlagged", ...,
 *     //           "medianLogT", ...))
 * }
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class ProductRecipesConfiguration {
    // DEM recipe adapter goes here (see the class comment).
}
