package dev.stockroom.identity.resourceserver;

import dev.stockroom.shared.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.GenericFilterBean;

/**
 * Puts who is calling into the logging context, as {@value #MDC_KEY}: the subject of the validated access token
 * (a user id or an API client id), so every later log line of the request names it. It sits in the API's
 * security chain right after authentication and before authorization, so the authorization decision's own lines
 * carry it too. Nothing but the subject: never a token or a claim. Runs on every dispatch (the error dispatch
 * included) and leaves the context as it found it.
 */
class PrincipalLogFilter extends GenericFilterBean {

    static final String MDC_KEY = "principal";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var caller = Caller.ofCurrentRequest();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, caller.get().subject());
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
