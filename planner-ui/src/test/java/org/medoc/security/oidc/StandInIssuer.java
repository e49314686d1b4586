package org.medoc.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenID Connect provider for the tests, on a random loopback port: discovery document, JWKS, an
 * authorization endpoint that approves at once whoever {@link #signInAs} named, and a token endpoint that checks the
 * client's secret, the code (once), the redirect URI and the PKCE verifier, and answers an RS256 ID token, and an
 * end-session endpoint (RP-Initiated Logout) that records who was signed out and sends the browser back. A
 * {@link Trick} makes it misbehave as a broken or hostile provider would.
 */
final class StandInIssuer implements AutoCloseable {

    /** Somebody the provider knows: {@code claims} are added to the ID token (groups, realm_access…). */
    record Person(String subject, String username, String name, Map<String, Object> claims) {}

    /** How the next ID tokens are made. */
    enum Trick {
        /** As a provider should. */
        NONE,
        /** Signed by another key under the published key's id, as a forger would. */
        FOREIGN_SIGNATURE,
        /** With a nonce other than the one of the sign-in, as a replayed token would carry. */
        WRONG_NONCE
    }

    /** What one request to the authorization endpoint asked for. */
    record AuthorizationRequest(Map<String, String> parameters) {}

    /**
     * One request to the end-session endpoint: the subject of its {@code id_token_hint} when that token carries this
     * provider's signature (null otherwise), and where the browser was sent back to.
     */
    record EndSession(String subject, String postLogoutRedirectUri) {}

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<AuthorizationRequest> requests = new CopyOnWriteArrayList<>();
    private final List<EndSession> endSessions = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Person next;
    private volatile Trick trick = Trick.NONE;

    private record Grant(Person person, String nonce, String redirectUri, String codeChallenge, Trick trick) {}

    StandInIssuer(String clientId, String clientSecret) throws IOException, JOSEException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048).keyID("stand-in-1").generate();
        this.foreignKey = new RSAKeyGenerator(2048).keyID("stand-in-1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/end-session", this::endSession);
        server.start();
    }

    /** The issuer identifier: {@code http://127.0.0.1:<port>}. */
    String issuer() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The person the authorization endpoint approves from now on. */
    void signInAs(Person person) {
        this.next = person;
    }

    void trick(Trick trick) {
        this.trick = trick;
    }

    /** Every authorization request received, oldest first. */
    List<AuthorizationRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every request to the end-session endpoint, oldest first. */
    List<EndSession> endSessions() {
        return List.copyOf(endSessions);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("end_session_endpoint", issuer() + "/end-session");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        return document;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        requests.add(new AuthorizationRequest(query));
        Person person = next;
        if (!clientId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || query.get("redirect_uri") == null || person == null) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = token(24);
        codes.put(code, new Grant(person, query.get("nonce"), query.get("redirect_uri"), query.get("code_challenge"), trick));
        String location = query.get("redirect_uri") + "?code=" + code
                + (query.get("state") == null ? "" : "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String subject = null;
        try {
            SignedJWT hint = SignedJWT.parse(query.getOrDefault("id_token_hint", ""));
            if (hint.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))) {
                subject = hint.getJWTClaimsSet().getSubject();
            }
        } catch (java.text.ParseException | JOSEException notOurs) {
            // recorded with no subject
        }
        String back = query.get("post_logout_redirect_uri");
        endSessions.add(new EndSession(subject, back));
        if (back == null) {
            json(exchange, 200, Map.of("signedOut", subject != null));
            return;
        }
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || !"authorization_code".equals(form.get("grant_type")) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || grant.codeChallenge() != null && !grant.codeChallenge().equals(s256(form.get("code_verifier")))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", token(32));
            answer.put("token_type", "Bearer");
            answer.put("expires_in", 300);
            answer.put("scope", "openid profile email");
            answer.put("id_token", idToken(grant));
            json(exchange, 200, answer);
        } catch (JOSEException e) {
            json(exchange, 500, Map.of("error", "server_error"));
        }
    }

    private String idToken(Grant grant) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).subject(grant.person().subject()).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.trick() == Trick.WRONG_NONCE ? "not-the-nonce-of-this-sign-in" : grant.nonce())
                .claim("preferred_username", grant.person().username())
                .claim("name", grant.person().name());
        grant.person().claims().forEach(claims::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        token.sign(new RSASSASigner(grant.trick() == Trick.FOREIGN_SIGNATURE ? foreignKey : key));
        return token.serialize();
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
