package dev.stockroom.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The first look at every API request's query string and the headers the API binds, before anything parses
 * them: at most {@value InputBounds#MAX_PARAMETERS} parameters, each value percent-encoded UTF-8 of at most
 * {@value InputBounds#MAX_PARAMETER_LENGTH} characters without control characters or unpaired surrogates. A
 * violation answers 422 naming every offending parameter, so no parameter of any endpoint (present or future)
 * can carry such a value to a converter, a cursor fingerprint or SQL. The query string is decoded here with a
 * strict UTF-8 decoder, since the servlet container's own decoding would drop or garble invalid sequences.
 */
class InputGuardFilter extends org.springframework.web.filter.OncePerRequestFilter {

    private static final List<String> BOUND_HEADERS = List.of(HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH);
    private static final int MAX_NAME_SHOWN = 64;

    private final Problems problems;

    InputGuardFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var errors = new ArrayList<ValidationError>();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            checkQuery(query, errors);
        }
        for (String header : BOUND_HEADERS) {
            var values = request.getHeaders(header);
            while (values != null && values.hasMoreElements()) {
                String value = values.nextElement();
                var violation = value.length() > InputBounds.MAX_HEADER_LENGTH
                        ? InputBounds.tooLong(InputBounds.MAX_HEADER_LENGTH)
                        : InputBounds.check(value, false);
                if (violation != null) {
                    errors.add(ValidationError.atParameter(header, violation.detail(), violation.code()));
                }
            }
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            problems.write(problems.validation(errors), request, response);
        }
    }

    private static void checkQuery(String query, List<ValidationError> errors) {
        int count = 0;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                String pair = query.substring(start, end);
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
                @Nullable String name = decode(rawName);
                String shown = name != null && InputBounds.check(name, false) == null && name.length() <= MAX_NAME_SHOWN
                        ? name
                        : shorten(rawName);
                if (++count > InputBounds.MAX_PARAMETERS) {
                    errors.add(ValidationError.atParameter(
                            shown,
                            "a request may carry at most " + InputBounds.MAX_PARAMETERS + " query parameters",
                            "too_many_parameters"));
                    return;
                }
                var violation = violation(name, rawValue);
                if (violation != null) {
                    errors.add(ValidationError.atParameter(shown, violation.detail(), violation.code()));
                }
            }
            start = end + 1;
        }
    }

    private static InputBounds.@Nullable Violation violation(@Nullable String name, String rawValue) {
        if (name == null) {
            return InputBounds.INVALID_ENCODING;
        }
        if (rawValue.length() > 3 * InputBounds.MAX_PARAMETER_LENGTH) {
            return InputBounds.tooLong(InputBounds.MAX_PARAMETER_LENGTH);
        }
        @Nullable String value = decode(rawValue);
        if (value == null) {
            return InputBounds.INVALID_ENCODING;
        }
        if (value.length() > InputBounds.MAX_PARAMETER_LENGTH) {
            return InputBounds.tooLong(InputBounds.MAX_PARAMETER_LENGTH);
        }
        var inName = InputBounds.check(name, false);
        return inName != null ? inName : InputBounds.check(value, false);
    }

    /** Percent-decodes (with {@code +} as space) into strict UTF-8, or null when either is malformed. */
    static @Nullable String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write((high << 4) | low);
                i += 2;
            } else if (c > 0x7f) {
                // Not percent-encoded: the container already decoded the request line somehow; refuse rather than
                // guess.
                return null;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The raw name with everything but visible ASCII percent-encoded, cut to a readable length. */
    private static String shorten(String raw) {
        var safe = new StringBuilder();
        int i = 0;
        for (; i < raw.length() && safe.length() < MAX_NAME_SHOWN; i++) {
            char c = raw.charAt(i);
            if (c >= 0x21 && c < 0x7f) {
                safe.append(c);
            } else {
                safe.append("%%%02X".formatted(c & 0xff));
            }
        }
        return i < raw.length() ? safe + "..." : safe.toString();
    }
}
