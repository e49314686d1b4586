package org.medoc.archive.vo;

/**
 * One published column: its TAP_SCHEMA description and the SQL that computes it over the table's source (a column
 * name of the source relation, always quoted by the translator, never taken from a query).
 *
 * @param name        the ADQL name, lower case
 * @param type        value type, which gives the VOTable datatype, arraysize and xtype
 * @param unit        VOUnit string, or null
 * @param ucd         UCD1+ word(s), or null
 * @param utype       data-model utype, or null
 * @param description one sentence for users
 * @param principal   shown by default in clients
 * @param indexed     an index serves comparisons on it
 * @param std         defined by the table's standard (ObsCore, EPN-TAP, TAP_SCHEMA)
 */
public record TapColumn(String name, TapType type, String unit, String ucd, String utype, String description,
                        boolean principal, boolean indexed, boolean std) {

    /**
     * ADQL reserved words that are also column names here; TAP_SCHEMA and /tables give such a name delimited
     * ({@code "size"}), as queries must write it.
     */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("size", "value", "date", "time", "timestamp",
            "user", "position", "first", "last", "level", "section", "zone", "names", "full", "public");

    /** The name as ADQL must write it: delimited when it is a reserved word. */
    public String adqlName() {
        return RESERVED.contains(name) ? '"' + name + '"' : name;
    }

    static TapColumn std(String name, TapType type, String unit, String ucd, String description) {
        return new TapColumn(name, type, unit, ucd, null, description, true, false, true);
    }

    TapColumn withUtype(String utype) {
        return new TapColumn(name, type, unit, ucd, utype, description, principal, indexed, std);
    }

    TapColumn asIndexed() {
        return new TapColumn(name, type, unit, ucd, utype, description, principal, true, std);
    }

}
