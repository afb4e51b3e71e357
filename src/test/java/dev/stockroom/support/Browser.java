package dev.stockroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser for the authorization code flow: keeps cookies, does not follow redirects (the test
 * follows them and looks at each), and fills in the login form.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(absolute(url)))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    public Response postForm(String url, Map<String, String> form, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(absolute(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Opens the login page and submits it; answers the response to the submission. */
    public Response logIn(String email, String password) {
        return logIn(email, password, Map.of());
    }

    /** The same, with extra headers on the submission. */
    public Response logIn(String email, String password, Map<String, String> headers) {
        var page = get("/login");
        var csrf = CSRF.matcher(page.body());
        if (page.status() != 200 || !csrf.find()) {
            throw new AssertionError("no login form: " + page);
        }
        return postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf.group(1)), headers);
    }

    /** The authorize URL for a PKCE request; an empty {@code scope} is left out. */
    public String authorizeUrl(String clientId, String redirectUri, String scope, String state, String challenge) {
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        if (!scope.isEmpty()) {
            query.put("scope", scope);
        }
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return "/oauth2/authorize?" + encode(query);
    }

    public static String newVerifier() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query parameter of a redirect location. */
    public static String parameter(String location, String name) {
        var query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + location);
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String absolute(String url) {
        return url.startsWith("http") ? url : base + url;
    }

    private Response send(HttpRequest request) {
        try {
            return new Response(http.send(request, BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
