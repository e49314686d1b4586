package org.medoc.planner.api;

/** A request field that is missing or malformed; answered 400 naming the field. */
class InvalidPlanningRequestException extends RuntimeException {

    private final String field;

    InvalidPlanningRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }

    static int lockVersion(Integer lockVersion) {
        if (lockVersion == null) {
            throw new InvalidPlanningRequestException("lockVersion", "lockVersion is required: send the lockVersion you read, "
                    + "so that a concurrent change is detected instead of overwritten");
        }
        return lockVersion;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new InvalidPlanningRequestException(field, field + " is required; one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanningRequestException(field, field + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
