package org.medoc.security.oidc;

import org.junit.jupiter.api.Test;
import org.medoc.security.Role;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which medoc roles a provider's claims grant: configured values only, from a flat, nested or namespaced claim. */
class RoleMappingTests {

    private static final Map<Role, List<String>> TABLE = Map.of(
            Role.GOLF_OPERATOR, List.of("golf-ops", "/medoc/golf"),
            Role.PLANNER, List.of("spice-planners"),
            Role.ADMIN, List.of("medoc-admins"));

    @Test
    void theValuesOfAGroupsArrayGrantTheRolesTheTableNamesForThem() {
        RoleMapping mapping = new RoleMapping("groups", TABLE);
        assertThat(mapping.rolesOf(Map.of("groups", List.of("/medoc/golf", "spice-planners", "staff"))))
                .containsExactly(Role.PLANNER, Role.GOLF_OPERATOR);
    }

    @Test
    void aDottedPathReachesIntoNestedObjectsAsKeycloaksRealmRoles() {
        RoleMapping mapping = new RoleMapping("realm_access.roles", TABLE);
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "medoc-admins")),
                "groups", List.of("golf-ops"));
        assertThat(mapping.rolesOf(claims)).containsExactly(Role.ADMIN);
    }

    @Test
    void aClaimWhoseNameHasDotsIsFoundByItsWholeNameFirst() {
        RoleMapping mapping = new RoleMapping("https://medoc.example/roles", TABLE);
        assertThat(mapping.rolesOf(Map.of("https://medoc.example/roles", List.of("golf-ops")))).containsExactly(Role.GOLF_OPERATOR);
    }

    @Test
    void aSingleStringValueCountsAsOneValue() {
        assertThat(new RoleMapping("role", TABLE).rolesOf(Map.of("role", "spice-planners"))).containsExactly(Role.PLANNER);
    }

    @Test
    void unknownValuesAMissingClaimOrAnObjectGrantNothing() {
        RoleMapping mapping = new RoleMapping("groups", TABLE);
        assertThat(mapping.rolesOf(Map.of("groups", List.of("staff", "GOLF-OPS", "golf")))).as("exact values only").isEmpty();
        assertThat(mapping.rolesOf(Map.of("roles", List.of("golf-ops")))).as("another claim").isEmpty();
        assertThat(mapping.rolesOf(Map.of("groups", Map.of("golf-ops", true)))).as("an object").isEmpty();
        assertThat(new RoleMapping("realm_access.roles", TABLE).rolesOf(Map.of("realm_access", "golf-ops"))).isEmpty();
        assertThat(new RoleMapping("groups", Map.of()).rolesOf(Map.of("groups", List.of("golf-ops")))).as("no table").isEmpty();
    }
}
