package org.medoc.archive.vo;

/** Value types of published columns and query results, with their VOTable spelling (TAP 1.1, DALI). */
public enum TapType {
    SHORT("short", null, null, "smallint", Short.class),
    INT("int", null, null, "integer", Integer.class),
    LONG("long", null, null, "bigint", Long.class),
    FLOAT("float", null, null, "real", Float.class),
    DOUBLE("double", null, null, "double precision", Double.class),
    /** text of any length */
    STRING("char", "*", null, "text", String.class),
    /** DALI timestamp, written as ISO 8601 UTC text */
    TIMESTAMP("char", "*", "timestamp", "timestamptz", String.class),
    BOOLEAN("boolean", null, null, "boolean", Boolean.class);

    private final String votableDatatype;
    private final String arraysize;
    private final String xtype;
    private final String postgresType;
    private final Class<?> javaClass;

    TapType(String votableDatatype, String arraysize, String xtype, String postgresType, Class<?> javaClass) {
        this.votableDatatype = votableDatatype;
        this.arraysize = arraysize;
        this.xtype = xtype;
        this.postgresType = postgresType;
        this.javaClass = javaClass;
    }

    public String votableDatatype() {
        return votableDatatype;
    }

    public String arraysize() {
        return arraysize;
    }

    public String xtype() {
        return xtype;
    }

    /** The PostgreSQL type a bind parameter of this type is cast to. */
    String postgresType() {
        return postgresType;
    }

    Class<?> javaClass() {
        return javaClass;
    }

    boolean numeric() {
        return this == SHORT || this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }
}
