package org.medoc.products.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Previews: colours from the scale, grey and white classes, FITS orientation, a colour bar. */
class MapPreviewTests {

    private static final int TITLE = 28;

    @Test
    void classesAndScaleColourThePixelsWithRowZeroAtTheBottom(@TempDir Path directory) throws Exception {
        float[][] values = new float[4][4];
        byte[][] classes = new byte[4][4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                values[y][x] = y == 0 ? 0 : 1;
            }
        }
        classes[3][0] = MapPreview.WHITE;
        classes[3][1] = MapPreview.GREY;
        ColourScale scale = new ColourScale(ColourMap.GREYS, 0, 1, false, "value");
        Path file = directory.resolve("map.png");
        MapPreview.write(file, values, classes, scale, "test", 512);
        BufferedImage image = ImageIO.read(file.toFile());
        // FITS row 0 (value 0 → black) is the bottom image row of the map
        assertThat(image.getRGB(2, TITLE + 3) & 0xffffff).isEqualTo(0x000000);
        assertThat(image.getRGB(2, TITLE + 2) & 0xffffff).isEqualTo(0xffffff);
        // the last FITS row is at the top: white and grey classes there
        assertThat(image.getRGB(0, TITLE) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(1, TITLE) & 0xffffff).isEqualTo(0x808080);
        assertThat(image.getWidth()).isGreaterThan(4 + 100);
    }

    @Test
    void largeMapsAreReducedToTheRequestedSide() {
        float[][] values = new float[1000][2000];
        BufferedImage image = MapPreview.render(values, null, new ColourScale(ColourMap.VIRIDIS, 0, 1, false, "v"), "t", 500);
        assertThat(image.getWidth()).isEqualTo(500 + 150);
    }

    @Test
    void logarithmicScalePlacesDecadesEvenly() {
        ColourScale scale = new ColourScale(ColourMap.INFERNO, 1e25, 1e29, true, "EM");
        assertThat(scale.position(1e27)).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scale.valueAt(0.25)).isEqualTo(1e26, org.assertj.core.api.Assertions.within(1e12));
        assertThat(scale.position(1e30)).isEqualTo(1.0);
        assertThatThrownBy(() -> new ColourScale(ColourMap.INFERNO, 0, 1, true, "EM"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void colourMapsRunFromTheirFirstToTheirLastAnchor() {
        assertThat(ColourMap.VIRIDIS.rgb(0)).isEqualTo(0x440154);
        assertThat(ColourMap.VIRIDIS.rgb(1)).isEqualTo(0xfde725);
        assertThat(ColourMap.GREYS.rgb(0.5)).isEqualTo(0x808080);
    }
}
