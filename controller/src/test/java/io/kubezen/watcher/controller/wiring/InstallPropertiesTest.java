package io.kubezen.watcher.controller.wiring;

import io.kubezen.watcher.install.Install;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallPropertiesTest {

    @Test
    void withoutNamespacesTheInstallOwnsTheWholeCluster() {
        Install install = new InstallProperties(Install.DEFAULT_NAME, null, true).toInstall();

        assertThat(install).isEqualTo(Install.DEFAULT);
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> new InstallProperties("Team A", null, true).toInstall())
                .hasMessageStartingWith("Invalid configuration under zen-watcher.install: name 'Team A'");
        assertThatThrownBy(() -> new InstallProperties("a", List.of("Team_A"), true).toInstall())
                .hasMessage("Invalid configuration under zen-watcher.install: namespaces: 'Team_A' is not a namespace"
                        + " name");
    }

    @Test
    void theFormerNamespaceSettingStopsTheStartNamingItsReplacement() {
        assertThatThrownBy(() -> InstallFactory.refuseFormerSetting(true, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("zen-watcher.install.namespaces");
        assertThatThrownBy(() -> InstallFactory.refuseFormerSetting(false, Map.of("WATCH_NAMESPACE", "team-a")))
                .hasMessageContaining("ZEN_WATCHER_INSTALL_NAMESPACES");
        assertThatCode(() -> InstallFactory.refuseFormerSetting(false, Map.of())).doesNotThrowAnyException();
    }
}
