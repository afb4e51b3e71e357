package dev.stockroom.support;

import java.util.Map;
import java.util.UUID;

/** A person signs in through an app: authorize, the login form, back with a code, the code for tokens. */
public final class SignIn {

    private SignIn() {}

    /** Runs the whole flow in a fresh browser and answers the token response. */
    public static Response tokens(
            Api api,
            int port,
            String clientId,
            String clientSecret,
            String redirect,
            String email,
            String password,
            String scope) {
        var browser = new Browser(port);
        String verifier = Browser.newVerifier();
        var start = browser.get(browser.authorizeUrl(
                clientId, redirect, scope, UUID.randomUUID().toString(), Browser.challengeOf(verifier)));
        if (start.status() != 302) {
            throw new AssertionError("authorize failed: " + start);
        }
        var loggedIn = browser.logIn(email, password);
        var back = browser.get(String.valueOf(loggedIn.header("Location")));
        String code = Browser.parameter(String.valueOf(back.header("Location")), "code");
        return api.anonymous()
                .tokenRequest(
                        clientId,
                        clientSecret,
                        Browser.encode(Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", redirect,
                                "code_verifier", verifier)));
    }

    /** The claims of a JWT, unverified: for looking at what the service issued. */
    public static tools.jackson.databind.JsonNode claims(String jwt) {
        return Api.JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
