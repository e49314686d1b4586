package org.medoc.archive.vo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static uk.ac.starlink.votable.VOSerializer.formatAttribute;
import static uk.ac.starlink.votable.VOSerializer.formatText;

/** The VOSI documents of the TAP service: capabilities (with TAPRegExt), availability and tables. */
final class VosiDocuments {

    private VosiDocuments() {
    }

    static String capabilities(String tapUrl, VoSettings settings) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:vr="http://www.ivoa.net/xml/VOResource/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:tr="http://www.ivoa.net/xml/TAPRegExt/v1.0">
                """);
        xml.append("<capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n")
                .append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n")
                .append("<accessURL use=\"base\">").append(formatText(tapUrl)).append("</accessURL>\n</interface>\n")
                .append("<dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">ObsCore-1.1</dataModel>\n")
                .append("<language>\n<name>ADQL</name>\n<version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n")
                .append("<description>ADQL 2.0 over one published table at a time: SELECT [DISTINCT] [TOP n], WHERE with ")
                .append("comparisons, BETWEEN, IN, LIKE/ILIKE, IS NULL, AND/OR/NOT, GROUP BY, ORDER BY; no joins, ")
                .append("sub-queries or geometry. Parsed with JSqlParser.</description>\n")
                .append("<languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-udf\">\n")
                .append("<feature><form>ivo_hashlist_has(hashlist CHAR(*), item CHAR(*)) -&gt; INTEGER</form>")
                .append("<description>1 if item is one of the #-separated words of hashlist (case-insensitive), else 0")
                .append("</description></feature>\n</languageFeatures>\n")
                .append("</language>\n");
        for (TapOutput output : TapOutput.values()) {
            xml.append("<outputFormat").append(output == TapOutput.VOTABLE
                            ? formatAttribute("ivo-id", "ivo://ivoa.net/std/TAPRegExt#output-votable-td") : "")
                    .append(">\n<mime>").append(formatText(output.mediaType())).append("</mime>\n<alias>")
                    .append(output.alias()).append("</alias>\n</outputFormat>\n");
        }
        long retention = settings.asyncRetention().toSeconds();
        long duration = settings.statementTimeout().toSeconds();
        xml.append("<retentionPeriod><default>").append(retention).append("</default><hard>").append(retention)
                .append("</hard></retentionPeriod>\n")
                .append("<executionDuration><default>").append(duration).append("</default><hard>").append(duration)
                .append("</hard></executionDuration>\n")
                .append("<outputLimit><default unit=\"row\">").append(settings.maxrecDefault())
                .append("</default><hard unit=\"row\">").append(settings.maxrecLimit()).append("</hard></outputLimit>\n")
                .append("</capability>\n");
        for (Map.Entry<String, String> vosi : Map.of(
                "ivo://ivoa.net/std/VOSI#capabilities", "/capabilities",
                "ivo://ivoa.net/std/VOSI#availability", "/availability",
                "ivo://ivoa.net/std/VOSI#tables-1.1", "/tables",
                "ivo://ivoa.net/std/DALI#examples", "/examples").entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            xml.append("<capability").append(formatAttribute("standardID", vosi.getKey())).append(">\n")
                    .append("<interface xsi:type=\"vs:ParamHTTP\"").append(vosi.getValue().equals("/tables")
                            ? " version=\"1.1\"" : "").append(">\n<accessURL use=\"full\">")
                    .append(formatText(tapUrl + vosi.getValue())).append("</accessURL>\n</interface>\n</capability>\n");
        }
        return xml.append("</vosi:capabilities>\n").toString();
    }

    static String availability(boolean available, String note) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <vosi:availability xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0">
                <vosi:available>%s</vosi:available>
                <vosi:note>%s</vosi:note>
                </vosi:availability>
                """.formatted(available, formatText(note));
    }

    static String tables(List<TapTable> tables) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <vosi:tableset xmlns:vosi="http://www.ivoa.net/xml/VOSITables/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                """);
        Map<String, List<TapTable>> bySchema = new LinkedHashMap<>();
        tables.forEach(t -> bySchema.computeIfAbsent(t.schema(), s -> new java.util.ArrayList<>()).add(t));
        for (Map.Entry<String, List<TapTable>> schema : bySchema.entrySet()) {
            xml.append("<schema>\n<name>").append(formatText(schema.getKey())).append("</name>\n");
            for (TapTable table : schema.getValue()) {
                xml.append("<table type=\"table\">\n<name>").append(formatText(table.qualifiedName())).append("</name>\n")
                        .append("<description>").append(formatText(table.description())).append("</description>\n");
                if (table.utype() != null) {
                    xml.append("<utype>").append(formatText(table.utype())).append("</utype>\n");
                }
                for (TapColumn column : table.columns()) {
                    xml.append("<column").append(column.std() ? " std=\"true\"" : "").append(">\n<name>")
                            .append(formatText(column.adqlName())).append("</name>\n")
                            .append("<description>").append(formatText(column.description())).append("</description>\n");
                    if (column.unit() != null) {
                        xml.append("<unit>").append(formatText(column.unit())).append("</unit>\n");
                    }
                    if (column.ucd() != null) {
                        xml.append("<ucd>").append(formatText(column.ucd())).append("</ucd>\n");
                    }
                    if (column.utype() != null) {
                        xml.append("<utype>").append(formatText(column.utype())).append("</utype>\n");
                    }
                    TapType type = column.type();
                    xml.append("<dataType xsi:type=\"vs:VOTableType\"")
                            .append(type.arraysize() == null ? "" : formatAttribute("arraysize", type.arraysize()))
                            .append(type.xtype() == null ? "" : formatAttribute("extendedType", type.xtype()))
                            .append(">").append(type.votableDatatype()).append("</dataType>\n");
                    if (column.indexed()) {
                        xml.append("<flag>indexed</flag>\n");
                    }
                    if (column.principal()) {
                        xml.append("<flag>principal</flag>\n");
                    }
                    xml.append("<flag>nullable</flag>\n</column>\n");
                }
                for (String[] key : TapSchemaTables.foreignKeysFrom(table.qualifiedName())) {
                    xml.append("<foreignKey>\n<targetTable>").append(formatText(key[2])).append("</targetTable>\n")
                            .append("<fkColumn><fromColumn>").append(formatText(key[3])).append("</fromColumn>")
                            .append("<targetColumn>").append(formatText(key[4])).append("</targetColumn></fkColumn>\n")
                            .append("</foreignKey>\n");
                }
                xml.append("</table>\n");
            }
            xml.append("</schema>\n");
        }
        return xml.append("</vosi:tableset>\n").toString();
    }
}
