package dev.stockroom.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JSON converter for request bodies (only the server's converters have it), which on a body with an
 * invalid member goes on to find every other one
 * ({@link JsonMemberErrors}) instead of stopping at the first. The body is read into memory first (the request
 * size limit bounds it) so that it can be read again on that path.
 */
final class AllMembersJsonConverter extends JacksonJsonHttpMessageConverter {

    AllMembersJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints)
            throws IOException, HttpMessageNotReadableException {
        byte[] body = input.getBody().readAllBytes();
        try {
            return super.read(type, new Buffered(input.getHeaders(), body), hints);
        } catch (HttpMessageNotReadableException failure) {
            if (!(failure.getCause() instanceof JacksonException first) || !JsonMemberErrors.isMemberError(first)) {
                throw failure;
            }
            var invalid = JsonMemberErrors.collect(defaultMapper, getJavaType(type.getType(), null), body, first);
            if (invalid == null) {
                throw failure;
            }
            throw new HttpMessageNotReadableException("Invalid body members", invalid, input);
        }
    }

    private record Buffered(HttpHeaders getHeaders, byte[] body) implements HttpInputMessage {
        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }
    }
}
