package io.kubezen.watcher.source;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderViewTest {

    /** Headers in the order received, a repeated name once per value, looked up as an HTTP server does. */
    private static final List<Map.Entry<String, String>> RECEIVED = List.of(Map.entry("Ce-Id", "1"),
            Map.entry("content-type", "application/json"), Map.entry("CE-ID", "2"), Map.entry("ce-source", "s"));

    @Test
    void aPayloadKeepsTheViewAndReadsItAsTheCopyItReplaces() {
        HeaderView view = new ListedHeaders();
        Payload viewed = new Payload(new byte[0], null, view);
        Map<String, String> copied = new Payload(new byte[0], null, Map.of("Ce-Id", "1",
                "content-type", "application/json", "ce-source", "s")).headers();

        assertThat(viewed.headers()).isSameAs(view);
        assertThat(viewed.headers().get("ce-id")).isEqualTo("1");
        assertThat(viewed.headers().containsKey("CE-SOURCE")).isTrue();
        assertThat(viewed.headers().containsKey("ce-specversion")).isFalse();
        assertThat(viewed.headers().entrySet()).containsExactlyElementsOf(copied.entrySet());
        assertThat(viewed.headers()).isEqualTo(copied);
    }

    @Test
    void isReadOnly() {
        HeaderView view = new ListedHeaders();

        assertThatThrownBy(() -> view.put("ce-id", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static final class ListedHeaders extends HeaderView {

        @Override
        protected String first(String name) {
            return RECEIVED.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @Override
        protected void forEachHeader(BiConsumer<String, String> action) {
            RECEIVED.forEach(header -> action.accept(header.getKey(), header.getValue()));
        }
    }
}
