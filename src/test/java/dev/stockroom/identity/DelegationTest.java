package dev.stockroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.customers.CustomerId;
import dev.stockroom.shared.security.BoundClientRefused;
import dev.stockroom.shared.security.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DelegationTest {

    private static final CustomerId ACME = CustomerId.newId();

    @Test
    void grantsOnlyScopesTheCallerHolds() {
        var caller = new Caller("c", Caller.Kind.CLIENT, Set.of("users:admin", "products:read"), null);

        assertThatCode(() -> Delegation.grants(caller, Set.of("products:read"), "scopes"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Delegation.grants(caller, Set.of("products:read", "orders:read"), "scopes"))
                .isInstanceOfSatisfying(ScopeNotHeld.class, refusal -> {
                    assertThat(refusal.type()).isEqualTo("scope-not-held");
                    assertThat(refusal.properties().get("missing_scopes")).isEqualTo(java.util.List.of("orders:read"));
                });
    }

    @Test
    void aRoleIsGrantedOnlyWhenTheCallerHoldsAllItsScopes() {
        var caller = new Caller("u", Caller.Kind.USER, Role.VIEWER.scopes(), null);

        assertThatCode(() -> Delegation.grants(caller, Role.VIEWER.scopes(), "role"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Delegation.grants(caller, Role.SUPPORT.scopes(), "role"))
                .isInstanceOf(ScopeNotHeld.class);
        assertThatThrownBy(() -> Delegation.outranks(caller, Role.ADMIN.scopes(), "user"))
                .isInstanceOf(ScopeNotHeld.class);
    }

    @Test
    void aBoundCallerKeepsItsBindingAndAdministersNoUsers() {
        var bound = new Caller("p", Caller.Kind.CLIENT, Set.of("users:admin"), ACME.value());
        var unbound = new Caller("a", Caller.Kind.CLIENT, Set.of("users:admin"), null);

        assertThatCode(() -> Delegation.keepsBinding(bound, ACME)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Delegation.keepsBinding(bound, null))
                .isInstanceOfSatisfying(
                        BoundClientRefused.class,
                        refusal -> assertThat(refusal.type()).isEqualTo("bound-client"));
        assertThatThrownBy(() -> Delegation.keepsBinding(bound, CustomerId.newId()))
                .isInstanceOf(BoundClientRefused.class);
        assertThatThrownBy(() -> Delegation.administersUsers(bound)).isInstanceOf(BoundClientRefused.class);
        assertThatCode(() -> Delegation.keepsBinding(unbound, null)).doesNotThrowAnyException();
        assertThatCode(() -> Delegation.administersUsers(unbound)).doesNotThrowAnyException();
    }
}
