package org.medoc.ops.golf.hk;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * How a raw housekeeping count becomes an engineering value (XTCE's polynomial and spline calibrators): identity, a
 * polynomial {@code c0 + c1·raw + c2·raw² ...}, or a table of (raw, eng) points interpolated linearly and held
 * constant beyond its ends. Stored as JSON in {@code hk_parameter.calibration}.
 */
public record Calibration(Type type, List<Double> coefficients, List<double[]> points) {

    public enum Type { IDENTITY, POLYNOMIAL, TABLE }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final Calibration IDENTITY = new Calibration(Type.IDENTITY, List.of(), List.of());

    public Calibration {
        coefficients = List.copyOf(coefficients);
        points = List.copyOf(points);
        if (type == Type.POLYNOMIAL && coefficients.isEmpty()) {
            throw new IllegalArgumentException("a polynomial calibration needs at least one coefficient");
        }
        if (type == Type.TABLE) {
            if (points.size() < 2) {
                throw new IllegalArgumentException("a table calibration needs at least two (raw, eng) points");
            }
            for (int i = 1; i < points.size(); i++) {
                if (points.get(i)[0] <= points.get(i - 1)[0]) {
                    throw new IllegalArgumentException("the raw values of a table calibration must increase");
                }
            }
        }
    }

    public static Calibration polynomial(double... coefficients) {
        List<Double> list = new ArrayList<>();
        for (double c : coefficients) {
            list.add(c);
        }
        return new Calibration(Type.POLYNOMIAL, list, List.of());
    }

    public static Calibration table(List<double[]> points) {
        return new Calibration(Type.TABLE, List.of(), points);
    }

    /** The engineering value of {@code raw}. */
    public double apply(double raw) {
        return switch (type) {
            case IDENTITY -> raw;
            case POLYNOMIAL -> {
                double value = 0;
                for (int i = coefficients.size() - 1; i >= 0; i--) {
                    value = value * raw + coefficients.get(i);
                }
                yield value;
            }
            case TABLE -> interpolate(raw);
        };
    }

    private double interpolate(double raw) {
        if (raw <= points.getFirst()[0]) {
            return points.getFirst()[1];
        }
        for (int i = 1; i < points.size(); i++) {
            double[] right = points.get(i);
            if (raw <= right[0]) {
                double[] left = points.get(i - 1);
                return left[1] + (raw - left[0]) * (right[1] - left[1]) / (right[0] - left[0]);
            }
        }
        return points.getLast()[1];
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("type", type.name());
        if (type == Type.POLYNOMIAL) {
            ArrayNode array = node.putArray("coefficients");
            coefficients.forEach(array::add);
        } else if (type == Type.TABLE) {
            ArrayNode array = node.putArray("points");
            points.forEach(p -> array.addArray().add(p[0]).add(p[1]));
        }
        return JSON.writeValueAsString(node);
    }

    public static Calibration fromJson(String json) {
        JsonNode node = JSON.readTree(json);
        Type type = Type.valueOf(node.path("type").asString("IDENTITY"));
        List<Double> coefficients = new ArrayList<>();
        node.path("coefficients").forEach(c -> coefficients.add(c.asDouble()));
        List<double[]> points = new ArrayList<>();
        node.path("points").forEach(p -> points.add(new double[]{p.get(0).asDouble(), p.get(1).asDouble()}));
        return new Calibration(type, coefficients, points);
    }

    /** A short human-readable form: {@code 1.2 + 0.5·raw}, {@code table of 4 points}, {@code identity}. */
    public String describe() {
        return switch (type) {
            case IDENTITY -> "identity";
            case TABLE -> "table of " + points.size() + " points";
            case POLYNOMIAL -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < coefficients.size(); i++) {
                    if (i > 0) {
                        text.append(" + ");
                    }
                    text.append(coefficients.get(i)).append(i == 0 ? "" : i == 1 ? "·raw" : "·raw^" + i);
                }
                yield text.toString();
            }
        };
    }
}
