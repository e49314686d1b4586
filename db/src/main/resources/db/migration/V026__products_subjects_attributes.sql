-- Products with several items per reference time, and searchable product attributes (issue 11, current maps).
--
-- A SHARP current map is made per HARP region, and several HARPs (of two series, nrt and definitive, whose HARP
-- numbers differ) share one T_REC; so a product is identified by (type, version, reference time, subject), the subject
-- naming the item within the reference time ('sci-377'), empty for types with one product per reference time (DEM).
ALTER TABLE products.product
    ADD COLUMN subject text NOT NULL DEFAULT '' CHECK (subject ~ '^([a-z0-9][a-z0-9._-]{0,63})?$');
ALTER TABLE products.product DROP CONSTRAINT product_type_version_reference_time_key;
ALTER TABLE products.product ADD CONSTRAINT product_instance_key UNIQUE (type, version, reference_time, subject);

-- What a product is about, by name, for search: harp = 377, noaa = 11158 (one row per NOAA region), dataType = sci; a
-- synoptic map's label (archive, nowcast, forecast). Written with the product by its recipe, never changed.
CREATE TABLE products.product_attribute (
    product_id bigint NOT NULL REFERENCES products.product (id) ON DELETE CASCADE,
    name       text   NOT NULL CHECK (name ~ '^[a-z][A-Za-z0-9]{0,31}$'),
    value      text   NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    PRIMARY KEY (product_id, name, value)
);

CREATE INDEX product_attribute_search_idx ON products.product_attribute (name, value, product_id);
