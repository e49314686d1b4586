package org.medoc.archive.vo;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates ADQL to PostgreSQL. The query is parsed into a syntax tree with JSqlParser, every node is checked against
 * what the service allows (one SELECT over one published table; TOP; WHERE with comparisons, BETWEEN, IN, LIKE,
 * IS NULL, AND/OR/NOT; GROUP BY; ORDER BY; the functions of {@link #FUNCTIONS}) and the PostgreSQL statement is
 * written from the published descriptions: identifiers come from {@link TapTable}, every literal becomes a bind
 * value. Nothing of the query's text is copied into the statement.
 */
public final class AdqlTranslator {

    /** Longest query accepted, in characters. */
    static final int MAX_QUERY_LENGTH = 20_000;
    private static final String ALIAS = "t";

    /** ADQL functions (upper case) and their PostgreSQL spelling and result type (null: the argument's type). */
    private record FunctionSpec(String sql, int minArgs, int maxArgs, TapType result, boolean aggregate) {}

    private static final Map<String, FunctionSpec> FUNCTIONS = Map.ofEntries(
            Map.entry("ABS", new FunctionSpec("abs", 1, 1, null, false)),
            Map.entry("CEILING", new FunctionSpec("ceil", 1, 1, TapType.DOUBLE, false)),
            Map.entry("FLOOR", new FunctionSpec("floor", 1, 1, TapType.DOUBLE, false)),
            Map.entry("SQRT", new FunctionSpec("sqrt", 1, 1, TapType.DOUBLE, false)),
            Map.entry("EXP", new FunctionSpec("exp", 1, 1, TapType.DOUBLE, false)),
            Map.entry("LOG", new FunctionSpec("ln", 1, 1, TapType.DOUBLE, false)),
            Map.entry("LOG10", new FunctionSpec("log", 1, 1, TapType.DOUBLE, false)),
            Map.entry("POWER", new FunctionSpec("power", 2, 2, TapType.DOUBLE, false)),
            Map.entry("PI", new FunctionSpec("pi", 0, 0, TapType.DOUBLE, false)),
            Map.entry("SIN", new FunctionSpec("sin", 1, 1, TapType.DOUBLE, false)),
            Map.entry("COS", new FunctionSpec("cos", 1, 1, TapType.DOUBLE, false)),
            Map.entry("TAN", new FunctionSpec("tan", 1, 1, TapType.DOUBLE, false)),
            Map.entry("ASIN", new FunctionSpec("asin", 1, 1, TapType.DOUBLE, false)),
            Map.entry("ACOS", new FunctionSpec("acos", 1, 1, TapType.DOUBLE, false)),
            Map.entry("ATAN", new FunctionSpec("atan", 1, 1, TapType.DOUBLE, false)),
            Map.entry("ATAN2", new FunctionSpec("atan2", 2, 2, TapType.DOUBLE, false)),
            Map.entry("DEGREES", new FunctionSpec("degrees", 1, 1, TapType.DOUBLE, false)),
            Map.entry("RADIANS", new FunctionSpec("radians", 1, 1, TapType.DOUBLE, false)),
            Map.entry("MOD", new FunctionSpec("mod", 2, 2, null, false)),
            Map.entry("ROUND", new FunctionSpec("round", 1, 2, TapType.DOUBLE, false)),
            Map.entry("TRUNCATE", new FunctionSpec("trunc", 1, 2, TapType.DOUBLE, false)),
            Map.entry("LOWER", new FunctionSpec("lower", 1, 1, TapType.STRING, false)),
            Map.entry("UPPER", new FunctionSpec("upper", 1, 1, TapType.STRING, false)),
            Map.entry("COALESCE", new FunctionSpec("coalesce", 1, 10, null, false)),
            Map.entry("IVO_HASHLIST_HAS", new FunctionSpec(null, 2, 2, TapType.INT, false)),
            Map.entry("COUNT", new FunctionSpec("count", 1, 1, TapType.LONG, true)),
            Map.entry("MIN", new FunctionSpec("min", 1, 1, null, true)),
            Map.entry("MAX", new FunctionSpec("max", 1, 1, null, true)),
            Map.entry("SUM", new FunctionSpec("sum", 1, 1, TapType.DOUBLE, true)),
            Map.entry("AVG", new FunctionSpec("avg", 1, 1, TapType.DOUBLE, true)));

    /** The ADQL geometry functions, which this service does not offer (its tables have no sky positions). */
    private static final Set<String> GEOMETRY = Set.of("POINT", "CIRCLE", "BOX", "POLYGON", "REGION", "CONTAINS",
            "INTERSECTS", "AREA", "CENTROID", "COORD1", "COORD2", "COORDSYS", "DISTANCE");

    private final List<TapTable> tables;

    /** A translator over these published tables (with their sources for the request at hand). */
    public AdqlTranslator(List<TapTable> tables) {
        this.tables = List.copyOf(tables);
    }

    public TranslatedQuery translate(String adql) {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("QUERY is missing: give an ADQL query, e.g. SELECT TOP 10 * FROM medoc.epn_core");
        }
        if (adql.length() > MAX_QUERY_LENGTH) {
            throw new AdqlException("the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        checkLexically(adql);
        Statement statement = parse(adql);
        if (!(statement instanceof Select select)) {
            throw new AdqlException("only SELECT queries are allowed");
        }
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            throw new AdqlException("WITH is not supported: query one published table");
        }
        if (!(select instanceof PlainSelect plain)) {
            throw new AdqlException("UNION, INTERSECT, EXCEPT, VALUES and parenthesised queries are not supported: "
                    + "use one SELECT over one published table");
        }
        return new Translation(plain).translate();
    }

    /**
     * Rejects what ADQL does not have before parsing: a statement separator (a second statement) and block comments
     * (ADQL has only {@code --} comments), outside string literals and quoted identifiers.
     */
    private static void checkLexically(String adql) {
        boolean inString = false;
        boolean inIdentifier = false;
        for (int i = 0; i < adql.length(); i++) {
            char c = adql.charAt(i);
            if (c == '\'' && !inIdentifier) {
                inString = !inString;
            } else if (c == '"' && !inString) {
                inIdentifier = !inIdentifier;
            } else if (!inString && !inIdentifier) {
                if (c == ';') {
                    throw new AdqlException("';' is not ADQL: send a single query without a statement separator");
                }
                if (c == '/' && i + 1 < adql.length() && adql.charAt(i + 1) == '*') {
                    throw new AdqlException("block comments /* */ are not ADQL");
                }
                if (c == '-' && i + 1 < adql.length() && adql.charAt(i + 1) == '-') {
                    // an ADQL comment runs to the end of its line
                    int end = adql.indexOf('\n', i);
                    if (end < 0) {
                        break;
                    }
                    i = end;
                }
            }
        }
        if (inString) {
            throw new AdqlException("a string literal is not closed: quote strings as 'text' and double a quote inside ('')");
        }
        if (inIdentifier) {
            throw new AdqlException("a quoted identifier is not closed");
        }
    }

    private static Statement parse(String adql) {
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(adql);
            if (statements.size() != 1) {
                throw new AdqlException("send exactly one query");
            }
            return statements.get(0);
        } catch (JSQLParserException | RuntimeException e) {
            if (e instanceof AdqlException adqlException) {
                throw adqlException;
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage());
            int newline = message.indexOf('\n');
            throw new AdqlException("ADQL syntax error: " + (newline > 0 ? message.substring(0, newline) : message), e);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String unquote(String identifier) {
        if (identifier != null && identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier;
    }

    /** One query's translation. */
    private final class Translation {
        private final PlainSelect select;
        private TapTable table;
        private String tableAlias;
        private final List<TapColumn> outputColumns = new ArrayList<>();
        private final List<String> outputNames = new ArrayList<>();

        Translation(PlainSelect select) {
            this.select = select;
        }

        TranslatedQuery translate() {
            rejectUnsupportedClauses();
            resolveTable(select.getFromItem());
            SqlFragment.Builder sql = new SqlFragment.Builder().append("SELECT ");
            if (select.getDistinct() != null) {
                if (select.getDistinct().getOnSelectItems() != null) {
                    throw new AdqlException("DISTINCT ON is not ADQL");
                }
                sql.append("DISTINCT ");
            }
            selectList(sql);
            sql.append(" FROM (").append(table.source()).append(") AS ").append(quote(ALIAS));
            if (select.getWhere() != null) {
                sql.append(" WHERE ");
                condition(select.getWhere(), sql);
            }
            if (select.getGroupBy() != null) {
                ExpressionList<?> groups = select.getGroupBy().getGroupByExpressionList();
                if (groups == null || groups.isEmpty() || (select.getGroupBy().getGroupingSets() != null
                        && !select.getGroupBy().getGroupingSets().isEmpty())) {
                    throw new AdqlException("GROUP BY takes a list of columns");
                }
                sql.append(" GROUP BY ");
                for (int i = 0; i < groups.size(); i++) {
                    sql.append(i == 0 ? "" : ", ");
                    Expression group = groups.get(i);
                    if (!(group instanceof Column column)) {
                        throw new AdqlException("GROUP BY takes column names, not " + group);
                    }
                    columnReference(column, sql);
                }
            }
            if (select.getOrderByElements() != null) {
                sql.append(" ORDER BY ");
                List<OrderByElement> order = select.getOrderByElements();
                for (int i = 0; i < order.size(); i++) {
                    sql.append(i == 0 ? "" : ", ");
                    orderBy(order.get(i), sql);
                }
            }
            return new TranslatedQuery(sql.build(), outputColumns, top());
        }

        private void rejectUnsupportedClauses() {
            if (select.getJoins() != null && !select.getJoins().isEmpty()) {
                throw new AdqlException("joins are not supported: query one published table");
            }
            if (select.getLimit() != null || select.getOffset() != null || select.getFetch() != null) {
                throw new AdqlException("LIMIT, OFFSET and FETCH are not ADQL: use SELECT TOP n");
            }
            if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
                throw new AdqlException("SELECT INTO is not allowed");
            }
            if (select.getForMode() != null || select.getForUpdateTable() != null || select.getForClause() != null) {
                throw new AdqlException("FOR UPDATE and FOR clauses are not allowed");
            }
            if (select.getHaving() != null) {
                throw new AdqlException("HAVING is not supported");
            }
            if (select.getWindowDefinitions() != null && !select.getWindowDefinitions().isEmpty()
                    || select.getQualify() != null || select.getLateralViews() != null && !select.getLateralViews().isEmpty()
                    || select.getSkip() != null || select.getFirst() != null || select.getSampleClause() != null
                    || select.getOracleHierarchical() != null || select.getKsqlWindow() != null) {
                throw new AdqlException("the query uses SQL that is not ADQL");
            }
            if (select.getFromItem() == null) {
                throw new AdqlException("FROM is missing: name a published table, e.g. FROM medoc.epn_core");
            }
        }

        private Long top() {
            if (select.getTop() == null) {
                return null;
            }
            if (!(select.getTop().getExpression() instanceof LongValue value) || select.getTop().isPercentage()
                    || select.getTop().isWithTies()) {
                throw new AdqlException("TOP takes a whole number of rows, e.g. SELECT TOP 100");
            }
            if (value.getValue() < 0) {
                throw new AdqlException("TOP cannot be negative");
            }
            return value.getValue();
        }

        private void resolveTable(FromItem from) {
            if (!(from instanceof Table named)) {
                throw new AdqlException("sub-queries are not supported in FROM: name a published table");
            }
            List<String> parts = named.getNameParts().stream().map(AdqlTranslator::unquote).toList();
            String qualified = String.join(".", parts.reversed());
            table = tables.stream().filter(t -> t.qualifiedName().equalsIgnoreCase(qualified)).findFirst()
                    .orElseThrow(() -> new AdqlException("table " + qualified + " is not published; the tables are "
                            + String.join(", ", tables.stream().map(TapTable::qualifiedName).toList())));
            Alias alias = named.getAlias();
            tableAlias = alias == null ? null : unquote(alias.getName());
        }

        private void selectList(SqlFragment.Builder sql) {
            List<SelectItem<?>> items = select.getSelectItems();
            for (int i = 0; i < items.size(); i++) {
                SelectItem<?> item = items.get(i);
                Expression expression = item.getExpression();
                if (expression instanceof AllColumns && !(expression instanceof AllTableColumns)) {
                    allColumns(sql);
                    continue;
                }
                if (expression instanceof AllTableColumns all) {
                    checkQualifier(all.getTable());
                    allColumns(sql);
                    continue;
                }
                if (!outputNames.isEmpty()) {
                    sql.append(", ");
                }
                TapType type = expression(expression, sql, null);
                TapColumn source = expression instanceof Column column ? resolve(column) : null;
                String name = item.getAlias() != null ? unquote(item.getAlias().getName())
                        : source != null ? source.name()
                        : expression instanceof Function function ? function.getName().toLowerCase(Locale.ROOT)
                        : "col" + (outputNames.size() + 1);
                name = unique(name);
                sql.append(" AS ").append(quote(name));
                outputNames.add(name);
                outputColumns.add(source != null
                        ? new TapColumn(name, source.type(), source.unit(), source.ucd(), source.utype(),
                                source.description(), source.principal(), source.indexed(), source.std())
                        : new TapColumn(name, type == null ? TapType.STRING : type, null, null, null,
                                "computed by the query", true, false, false));
            }
        }

        private void allColumns(SqlFragment.Builder sql) {
            for (TapColumn column : table.columns()) {
                if (!outputNames.isEmpty()) {
                    sql.append(", ");
                }
                String name = unique(column.name());
                sql.append(quote(ALIAS) + "." + quote(column.name()) + " AS " + quote(name));
                outputNames.add(name);
                outputColumns.add(name.equals(column.name()) ? column : new TapColumn(name, column.type(), column.unit(),
                        column.ucd(), column.utype(), column.description(), column.principal(), column.indexed(), column.std()));
            }
        }

        private String unique(String name) {
            Set<String> taken = new HashSet<>();
            outputNames.forEach(n -> taken.add(n.toLowerCase(Locale.ROOT)));
            String candidate = name;
            for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = name + "_" + n;
            }
            return candidate;
        }

        private void checkQualifier(Table qualifier) {
            if (qualifier == null || qualifier.getName() == null) {
                return;
            }
            List<String> parts = qualifier.getNameParts().stream().map(AdqlTranslator::unquote).toList();
            String qualified = String.join(".", parts.reversed());
            boolean matches = qualified.equalsIgnoreCase(table.qualifiedName())
                    || qualified.equalsIgnoreCase(table.name()) && tableAlias == null
                    || tableAlias != null && qualified.equalsIgnoreCase(tableAlias);
            if (!matches) {
                throw new AdqlException("'" + qualified + "' is not the table of the FROM clause ("
                        + (tableAlias != null ? tableAlias : table.qualifiedName()) + ")");
            }
        }

        private TapColumn resolve(Column column) {
            checkQualifier(column.getTable());
            String name = unquote(column.getColumnName());
            return table.column(name).orElseThrow(() -> new AdqlException("column '" + name + "' is not in "
                    + table.qualifiedName() + " (see /tap/tables for its columns)"));
        }

        private TapType columnReference(Column column, SqlFragment.Builder sql) {
            TapColumn published = resolve(column);
            sql.append(quote(ALIAS) + "." + quote(published.name()));
            return published.type();
        }

        private void orderBy(OrderByElement element, SqlFragment.Builder sql) {
            Expression expression = element.getExpression();
            if (element.getNullOrdering() != null) {
                throw new AdqlException("NULLS FIRST/LAST is not ADQL");
            }
            if (expression instanceof LongValue position) {
                long index = position.getValue();
                if (index < 1 || index > outputNames.size()) {
                    throw new AdqlException("ORDER BY " + index + ": the query selects " + outputNames.size() + " columns");
                }
                sql.append(quote(outputNames.get((int) index - 1)));
            } else if (expression instanceof Column column && column.getTable() == null
                    && outputNames.stream().anyMatch(n -> n.equalsIgnoreCase(unquote(column.getColumnName())))
                    && table.column(unquote(column.getColumnName())).isEmpty()) {
                String alias = outputNames.stream().filter(n -> n.equalsIgnoreCase(unquote(column.getColumnName())))
                        .findFirst().orElseThrow();
                sql.append(quote(alias));
            } else {
                expression(expression, sql, null);
            }
            sql.append(element.isAsc() ? " ASC" : " DESC");
        }

        // ---------------------------------------------------------------------------------------------------------
        // conditions

        private void condition(Expression expression, SqlFragment.Builder sql) {
            switch (expression) {
                case AndExpression and -> binaryCondition(and, " AND ", sql);
                case OrExpression or -> binaryCondition(or, " OR ", sql);
                case InExpression in when misparsed(in) -> condition(repairIn(in, false), sql);
                case NotExpression not when not.getExpression() instanceof InExpression in && misparsed(in) ->
                        condition(repairIn(in, true), sql);
                case NotExpression not -> {
                    sql.append("NOT (");
                    condition(not.getExpression(), sql);
                    sql.append(")");
                }
                case Parenthesis parenthesis -> {
                    sql.append("(");
                    condition(parenthesis.getExpression(), sql);
                    sql.append(")");
                }
                case net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> list
                        when list.size() == 1 -> {
                    sql.append("(");
                    condition(list.get(0), sql);
                    sql.append(")");
                }
                case EqualsTo c -> comparison(c, "=", sql);
                case NotEqualsTo c -> comparison(c, "<>", sql);
                case GreaterThan c -> comparison(c, ">", sql);
                case GreaterThanEquals c -> comparison(c, ">=", sql);
                case MinorThan c -> comparison(c, "<", sql);
                case MinorThanEquals c -> comparison(c, "<=", sql);
                case Between between -> {
                    TapType type = typeOf(between.getLeftExpression());
                    sql.append("(");
                    expression(between.getLeftExpression(), sql, null);
                    sql.append(between.isNot() ? " NOT BETWEEN " : " BETWEEN ");
                    expression(between.getBetweenExpressionStart(), sql, type);
                    sql.append(" AND ");
                    expression(between.getBetweenExpressionEnd(), sql, type);
                    sql.append(")");
                }
                case InExpression in -> in(in, sql);
                case LikeExpression like -> {
                    LikeExpression.KeyWord keyword = like.getLikeKeyWord();
                    if (keyword != LikeExpression.KeyWord.LIKE && keyword != LikeExpression.KeyWord.ILIKE) {
                        throw new AdqlException(keyword + " is not ADQL: use LIKE or ILIKE");
                    }
                    if (like.getEscape() != null) {
                        throw new AdqlException("LIKE ... ESCAPE is not supported");
                    }
                    sql.append("(");
                    requireString(expression(like.getLeftExpression(), sql, null), "LIKE");
                    sql.append(like.isNot() ? " NOT " : " ").append(keyword.name()).append(" ");
                    requireString(expression(like.getRightExpression(), sql, TapType.STRING), "LIKE");
                    sql.append(")");
                }
                case IsNullExpression isNull -> {
                    sql.append("(");
                    expression(isNull.getLeftExpression(), sql, null);
                    sql.append(isNull.isNot() ? " IS NOT NULL)" : " IS NULL)");
                }
                case Function function when "IVO_HASHLIST_HAS".equalsIgnoreCase(function.getName()) -> {
                    // a boolean use, e.g. WHERE ivo_hashlist_has(bib_reference, '10.1234/x')
                    expression(function, sql, null);
                    sql.append(" = 1");
                }
                default -> throw new AdqlException("'" + expression + "' is not a condition ADQL allows here: use "
                        + "comparisons, BETWEEN, IN, LIKE, IS NULL, AND, OR, NOT");
            }
        }

        /**
         * JSqlParser 5.3 reads {@code a IN (1, 2) AND b = 3} as {@code a IN ((1, 2) AND b = 3)}: the list becomes the
         * leftmost operand of the conditions that follow. Precedence among those conditions is right, so putting
         * {@code a IN (1, 2)} back in the list's place gives the query as written.
         */
        private static boolean misparsed(InExpression in) {
            return in.getRightExpression() instanceof AndExpression || in.getRightExpression() instanceof OrExpression;
        }

        private static Expression repairIn(InExpression in, boolean negated) {
            BinaryExpression conditions = (BinaryExpression) in.getRightExpression();
            BinaryExpression leftmost = conditions;
            while (leftmost.getLeftExpression() instanceof AndExpression
                    || leftmost.getLeftExpression() instanceof OrExpression) {
                leftmost = (BinaryExpression) leftmost.getLeftExpression();
            }
            InExpression repaired = new InExpression(in.getLeftExpression(), leftmost.getLeftExpression());
            repaired.setNot(in.isNot());
            leftmost.setLeftExpression(negated ? new NotExpression(repaired) : repaired);
            return conditions;
        }

        private void binaryCondition(BinaryExpression expression, String operator, SqlFragment.Builder sql) {
            sql.append("(");
            condition(expression.getLeftExpression(), sql);
            sql.append(operator);
            condition(expression.getRightExpression(), sql);
            sql.append(")");
        }

        private void comparison(BinaryExpression comparison, String operator, SqlFragment.Builder sql) {
            TapType left = typeOf(comparison.getLeftExpression());
            TapType right = typeOf(comparison.getRightExpression());
            sql.append("(");
            TapType leftType = expression(comparison.getLeftExpression(), sql, right);
            sql.append(" ").append(operator).append(" ");
            TapType rightType = expression(comparison.getRightExpression(), sql, left);
            sql.append(")");
            if (leftType != null && rightType != null && !comparable(leftType, rightType)) {
                throw new AdqlException("cannot compare " + describe(leftType) + " with " + describe(rightType)
                        + " in '" + comparison + "'");
            }
        }

        private void in(InExpression in, SqlFragment.Builder sql) {
            if (!(in.getRightExpression() instanceof ExpressionList<?> values)) {
                throw new AdqlException("IN takes a list of values; sub-queries are not supported");
            }
            for (Expression value : values) {
                if (!isLiteral(value)) {
                    throw new AdqlException("IN takes a list of literal values; sub-queries are not supported");
                }
            }
            TapType type = typeOf(in.getLeftExpression());
            sql.append("(");
            expression(in.getLeftExpression(), sql, null);
            sql.append(in.isNot() ? " NOT IN (" : " IN (");
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : ", ");
                TapType valueType = expression(values.get(i), sql, type);
                if (type != null && valueType != null && !comparable(type, valueType)) {
                    throw new AdqlException("cannot compare " + describe(type) + " with " + describe(valueType) + " in IN");
                }
            }
            sql.append("))");
        }

        // ---------------------------------------------------------------------------------------------------------
        // values

        /**
         * Writes a value expression; {@code expected} types a literal compared with a column (a date string against a
         * timestamp). Returns its type, or null for NULL.
         */
        private TapType expression(Expression expression, SqlFragment.Builder sql, TapType expected) {
            switch (expression) {
                case Column column -> {
                    if (column.getTable() == null && isBooleanLiteral(column.getColumnName())) {
                        throw new AdqlException("TRUE and FALSE are not ADQL values");
                    }
                    return columnReference(column, sql);
                }
                case LongValue value -> {
                    TapType type = expected == TapType.DOUBLE || expected == TapType.FLOAT ? TapType.DOUBLE : TapType.LONG;
                    sql.bind(type == TapType.DOUBLE ? (Object) (double) value.getValue() : (Object) value.getValue(), type);
                    return type;
                }
                case DoubleValue value -> {
                    sql.bind(value.getValue(), TapType.DOUBLE);
                    return TapType.DOUBLE;
                }
                case StringValue value -> {
                    if (value.getPrefix() != null) {
                        throw new AdqlException("string prefixes such as " + value.getPrefix() + "'...' are not ADQL");
                    }
                    // JSqlParser keeps the literal as written: a quote inside is doubled ('O''Brien')
                    String text = value.getValue().replace("''", "'");
                    if (expected == TapType.TIMESTAMP) {
                        sql.bind(text, TapType.TIMESTAMP);
                        return TapType.TIMESTAMP;
                    }
                    sql.bind(text, TapType.STRING);
                    return TapType.STRING;
                }
                case NullValue ignored -> {
                    sql.append("NULL");
                    return null;
                }
                case SignedExpression signed -> {
                    if (signed.getSign() != '-' && signed.getSign() != '+') {
                        throw new AdqlException("'" + signed.getSign() + "' is not an ADQL operator");
                    }
                    sql.append(signed.getSign() == '-' ? "(-" : "(+");
                    TapType type = expression(signed.getExpression(), sql, expected);
                    requireNumber(type, String.valueOf(signed.getSign()));
                    sql.append(")");
                    return type;
                }
                case Parenthesis parenthesis -> {
                    sql.append("(");
                    TapType type = expression(parenthesis.getExpression(), sql, expected);
                    sql.append(")");
                    return type;
                }
                case net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> list
                        when list.size() == 1 -> {
                    sql.append("(");
                    TapType type = expression(list.get(0), sql, expected);
                    sql.append(")");
                    return type;
                }
                case Addition a -> {
                    return arithmetic(a, "+", sql);
                }
                case Subtraction s -> {
                    return arithmetic(s, "-", sql);
                }
                case Multiplication m -> {
                    return arithmetic(m, "*", sql);
                }
                case Division d -> {
                    // ADQL divides as the values' types say; PostgreSQL would truncate integer division, so divide
                    // in double precision as astronomers expect (1/2 = 0.5)
                    sql.append("(CAST(");
                    requireNumber(expression(d.getLeftExpression(), sql, TapType.DOUBLE), "/");
                    sql.append(" AS double precision) / ");
                    requireNumber(expression(d.getRightExpression(), sql, TapType.DOUBLE), "/");
                    sql.append(")");
                    return TapType.DOUBLE;
                }
                case Concat concat -> {
                    sql.append("(");
                    requireString(expression(concat.getLeftExpression(), sql, TapType.STRING), "||");
                    sql.append(" || ");
                    requireString(expression(concat.getRightExpression(), sql, TapType.STRING), "||");
                    sql.append(")");
                    return TapType.STRING;
                }
                case Function function -> {
                    return function(function, sql);
                }
                case net.sf.jsqlparser.statement.select.ParenthesedSelect ignored ->
                        throw new AdqlException("sub-queries are not supported: query one published table");
                default -> throw new AdqlException("'" + expression + "' is not allowed in this service's ADQL");
            }
        }

        private TapType arithmetic(BinaryExpression expression, String operator, SqlFragment.Builder sql) {
            sql.append("(");
            TapType left = expression(expression.getLeftExpression(), sql, TapType.DOUBLE);
            requireNumber(left, operator);
            sql.append(" ").append(operator).append(" ");
            TapType right = expression(expression.getRightExpression(), sql, TapType.DOUBLE);
            requireNumber(right, operator);
            sql.append(")");
            return isInteger(left) && isInteger(right) ? TapType.LONG : TapType.DOUBLE;
        }

        private TapType function(Function function, SqlFragment.Builder sql) {
            String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
            if (function.getMultipartName() != null && function.getMultipartName().size() > 1) {
                throw new AdqlException("function " + function.getName() + " is not allowed");
            }
            FunctionSpec spec = FUNCTIONS.get(name);
            if (spec == null) {
                throw new AdqlException(GEOMETRY.contains(name)
                        ? "geometry function " + name + " is not supported: the tables hold solar coordinates (c1min..c2max), not sky regions"
                        : "function " + function.getName() + " is not allowed; the functions are "
                          + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
            }
            if (function.isDistinct() && !"COUNT".equals(name) || function.getKeep() != null
                    || function.getOrderByElements() != null
                    || function.getHavingClause() != null || function.getLimit() != null) {
                throw new AdqlException("function " + name + " is used with SQL that is not ADQL");
            }
            boolean star = function.isAllColumns() || function.getParameters() != null
                    && function.getParameters().size() == 1 && function.getParameters().get(0) instanceof AllColumns;
            if (spec.aggregate() && star) {
                if (!"COUNT".equals(name)) {
                    throw new AdqlException(name + "(*) is not allowed");
                }
                sql.append("count(*)");
                return TapType.LONG;
            }
            List<Expression> arguments = new ArrayList<>();
            if (function.getParameters() != null) {
                for (Object argument : function.getParameters()) {
                    arguments.add((Expression) argument);
                }
            }
            if (arguments.size() < spec.minArgs() || arguments.size() > spec.maxArgs()) {
                throw new AdqlException(name + " takes " + (spec.minArgs() == spec.maxArgs() ? spec.minArgs()
                        : spec.minArgs() + " to " + spec.maxArgs()) + " argument(s)");
            }
            if ("IVO_HASHLIST_HAS".equals(name)) {
                // EPN-TAP multi-valued fields are #-separated lists, matched case-insensitively
                sql.append("(CASE WHEN lower(CAST(");
                expression(arguments.get(1), sql, TapType.STRING);
                sql.append(" AS text)) = ANY (string_to_array(lower(CAST(");
                requireString(expression(arguments.get(0), sql, TapType.STRING), name);
                sql.append(" AS text)), '#')) THEN 1 ELSE 0 END)");
                return TapType.INT;
            }
            if (("ROUND".equals(name) || "TRUNCATE".equals(name)) && arguments.size() == 2) {
                sql.append("CAST(").append(spec.sql()).append("(CAST(");
                requireNumber(expression(arguments.get(0), sql, TapType.DOUBLE), name);
                sql.append(" AS numeric), CAST(");
                requireNumber(expression(arguments.get(1), sql, TapType.LONG), name);
                sql.append(" AS integer)) AS double precision)");
                return TapType.DOUBLE;
            }
            sql.append(spec.sql()).append(function.isDistinct() ? "(DISTINCT " : "(");
            TapType first = null;
            for (int i = 0; i < arguments.size(); i++) {
                sql.append(i == 0 ? "" : ", ");
                boolean numeric = !Set.of("LOWER", "UPPER", "COALESCE", "COUNT", "MIN", "MAX").contains(name);
                TapType type = expression(arguments.get(i), sql, numeric ? TapType.DOUBLE : first);
                if (numeric) {
                    requireNumber(type, name);
                }
                if (Set.of("LOWER", "UPPER").contains(name)) {
                    requireString(type, name);
                }
                first = first == null ? type : first;
            }
            sql.append(")");
            return spec.result() != null ? spec.result() : first;
        }

        // ---------------------------------------------------------------------------------------------------------
        // types

        private TapType typeOf(Expression expression) {
            return switch (expression) {
                case Column column -> resolve(column).type();
                case LongValue ignored -> TapType.LONG;
                case DoubleValue ignored -> TapType.DOUBLE;
                case StringValue ignored -> null; // takes the type of what it is compared with
                case Parenthesis parenthesis -> typeOf(parenthesis.getExpression());
                case SignedExpression signed -> typeOf(signed.getExpression());
                case Function function -> {
                    FunctionSpec spec = FUNCTIONS.get(String.valueOf(function.getName()).toUpperCase(Locale.ROOT));
                    yield spec == null || spec.result() == null ? null : spec.result();
                }
                case Addition ignored -> TapType.DOUBLE;
                case Subtraction ignored -> TapType.DOUBLE;
                case Multiplication ignored -> TapType.DOUBLE;
                case Division ignored -> TapType.DOUBLE;
                default -> null;
            };
        }

        private static boolean isLiteral(Expression expression) {
            return expression instanceof LongValue || expression instanceof DoubleValue
                    || expression instanceof StringValue || expression instanceof NullValue
                    || expression instanceof SignedExpression signed && isLiteral(signed.getExpression());
        }

        private static boolean isBooleanLiteral(String name) {
            return "true".equalsIgnoreCase(name) || "false".equalsIgnoreCase(name);
        }

        private static boolean isInteger(TapType type) {
            return type == TapType.SHORT || type == TapType.INT || type == TapType.LONG;
        }

        private static boolean comparable(TapType a, TapType b) {
            if (a.numeric() && b.numeric()) {
                return true;
            }
            boolean aText = a == TapType.STRING || a == TapType.TIMESTAMP;
            boolean bText = b == TapType.STRING || b == TapType.TIMESTAMP;
            return aText && bText && (a == b || a == TapType.TIMESTAMP || b == TapType.TIMESTAMP) || a == b;
        }

        private static String describe(TapType type) {
            return type.numeric() ? "a number" : type == TapType.TIMESTAMP ? "a timestamp" : "text";
        }

        private static void requireNumber(TapType type, String operator) {
            if (type != null && !type.numeric()) {
                throw new AdqlException(operator + " takes numbers, not " + describe(type));
            }
        }

        private static void requireString(TapType type, String operator) {
            if (type != null && type != TapType.STRING) {
                throw new AdqlException(operator + " takes text, not " + describe(type));
            }
        }
    }
}
