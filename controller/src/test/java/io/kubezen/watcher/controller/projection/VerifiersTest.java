package io.kubezen.watcher.controller.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiersTest {

    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private final Verifiers verifiers = new Verifiers(4);

    @Test
    void eachTokenLineBecomesItsDigestAndAVerifierLineIsKept() {
        assertThat(verifiers.sha256("abc\n\n  sha256:" + ABC_SHA256.toUpperCase() + "\n"))
                .isEqualTo(ABC_SHA256 + "\n" + ABC_SHA256.toUpperCase());
    }

    @Test
    void aPasswordKeepsItsHashWhileItMatchesAndGetsANewOneWhenItChanges() {
        String first = verifiers.bcrypt("s3cret", null);

        assertThat(first).startsWith("$2a$04$");
        assertThat(verifiers.bcrypt("s3cret", first)).isEqualTo(first);
        assertThat(verifiers.bcrypt("changed", first)).isNotEqualTo(first).startsWith("$2a$04$");
    }

    @Test
    void aPasswordThatIsAlreadyABcryptHashIsProjectedAsItIs() {
        String hash = verifiers.bcrypt("s3cret", null);

        assertThat(verifiers.bcrypt(hash, null)).isEqualTo(hash);
    }

    @Test
    void theCostIsBounded() {
        assertThatThrownBy(() -> new Verifiers(3)).hasMessageContaining("between 4 and 31");
    }
}
