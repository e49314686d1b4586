package org.medoc.security.oidc;

import org.medoc.security.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The medoc roles a person's claims grant: the values of one claim ({@code groups}, {@code roles}, or a dotted path
 * into nested objects such as Keycloak's {@code realm_access.roles}) looked up in a table of values per role. A value
 * the table does not name grants nothing, and so does a missing claim: roles are granted, never guessed.
 *
 * @param claim        the claim's name or dotted path; a claim whose own name contains dots (a namespaced claim such as
 *                     {@code https://medoc.example/roles}) is found by its whole name first
 * @param valuesByRole for each role, the claim values that grant it (compared exactly, case included)
 */
public record RoleMapping(String claim, Map<Role, List<String>> valuesByRole) {

    public RoleMapping {
        valuesByRole = valuesByRole == null ? Map.of() : Map.copyOf(valuesByRole);
    }

    /** The roles the claims grant, in the enum's order; empty when none. */
    public Set<Role> rolesOf(Map<String, Object> claims) {
        List<String> values = claimValues(claims, claim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        valuesByRole.forEach((role, granting) -> {
            if (granting.stream().anyMatch(values::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /**
     * The values of the claim at {@code path}: its elements when it is an array, itself when it is a single string,
     * nothing when it is absent or an object.
     */
    static List<String> claimValues(Map<String, Object> claims, String path) {
        if (claims == null || path == null || path.isBlank()) {
            return List.of();
        }
        Object value = claims.containsKey(path) ? claims.get(path) : nested(claims, path.split("\\."));
        List<String> values = new ArrayList<>();
        switch (value) {
            case Collection<?> many -> many.stream().filter(v -> v instanceof String || v instanceof Number)
                    .map(Object::toString).forEach(values::add);
            case String one -> values.add(one);
            case null, default -> { }
        }
        return values;
    }

    private static Object nested(Map<?, ?> claims, String[] keys) {
        Object value = claims;
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(key);
        }
        return value;
    }
}
