package io.kubezen.watcher.system;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.kubezen.watcher.testing.arch.ArchitectureContract;
import io.kubezen.watcher.testing.arch.ArchitectureRules;

/** This module is made of tests only, so the rules read its test classes. */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String root() {
        return "io.kubezen.watcher.system";
    }

    @Override
    protected JavaClasses classes() {
        return ArchitectureRules.testClasses(root());
    }
}
