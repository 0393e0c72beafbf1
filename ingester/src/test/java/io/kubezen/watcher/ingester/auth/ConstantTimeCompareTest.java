package io.kubezen.watcher.ingester.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Credentials must be compared in constant time. Timing cannot be measured reliably in a unit test,
 * so this checks the code instead: secrets go through {@link Digests#equal} (hence
 * {@link MessageDigest#isEqual}), and no authenticator compares with an early-exit equals.
 */
class ConstantTimeCompareTest {

    private static final JavaClasses AUTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Digests.class.getPackageName());

    @Test
    void digestsCompareWithMessageDigestIsEqual() {
        classes().that().belongToAnyOf(Digests.class)
                .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .check(AUTH);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {BearerAuthenticator.class, BasicAuthenticator.class, HmacAuthenticator.class})
    void credentialCheckersUseTheConstantTimeCompare(Class<?> authenticator) {
        classes().that().belongToAnyOf(authenticator)
                .should().callMethod(Digests.class, "equal", byte[].class, byte[].class)
                .check(AUTH);
    }

    @Test
    void noEarlyExitComparisonsInCredentialChecks() {
        noClasses().that().implement(Authenticator.class).or().belongToAnyOf(SourceAuthenticator.class, Digests.class)
                .should().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .orShould().callMethod(String.class, "equals", Object.class)
                .orShould().callMethod(String.class, "contentEquals", CharSequence.class)
                .check(AUTH);
    }
}
