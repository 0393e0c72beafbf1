package io.kubezen.watcher.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallTest {

    private static final Install TEAMS = new Install("teams", List.of("team-a", "team-b"));

    @Test
    void withoutNamespacesAnInstallOwnsTheWholeCluster() {
        assertThat(Install.DEFAULT.ownsWholeCluster()).isTrue();
        assertThat(Install.DEFAULT.owns("anything")).isTrue();
        assertThat(Install.DEFAULT.owns(null)).as("cluster-scoped").isTrue();
    }

    @Test
    void withNamespacesItOwnsOnlyThose() {
        assertThat(TEAMS.owns("team-a")).isTrue();
        assertThat(TEAMS.owns("team-c")).isFalse();
        assertThat(TEAMS.owns(null)).as("cluster-scoped").isFalse();
    }

    @Test
    void withinKeepsOnlyOwnedNamespacesAndEmptyMeansAll() {
        assertThat(TEAMS.within(List.of("team-b", "team-c"))).contains(List.of("team-b"));
        assertThat(TEAMS.within(List.of())).as("all namespaces, narrowed to the install's").contains(TEAMS.namespaces());
        assertThat(TEAMS.within(List.of("team-c"))).as("none owned").isEmpty();
        assertThat(Install.DEFAULT.within(List.of("x", "x"))).contains(List.of("x"));
        assertThat(Install.DEFAULT.within(List.of())).contains(List.of());
    }

    @Test
    void namespacesAreTrimmedAndCountOnceAndBlanksAreDropped() {
        assertThat(new Install("a", List.of("x", " y", "", "x ")).namespaces()).containsExactly("x", "y");
    }

    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"", "Team", "team_a", "-team"})
    void nameMustBeADnsLabel(String name) {
        assertThatThrownBy(() -> new Install(name, List.of())).hasMessageStartingWith("name '" + name + "'");
    }

    @Test
    void namespacesMustBeNamespaceNames() {
        assertThatThrownBy(() -> new Install("a", List.of("Team_A")))
                .hasMessage("namespaces: 'Team_A' is not a namespace name");
    }
}
