package org.tongxin.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in {@link Viewer} from the security context. */
public final class CurrentViewer {

    private CurrentViewer() {
    }

    public static Optional<Viewer> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Viewer viewer) {
            return Optional.of(viewer);
        }
        return Optional.empty();
    }

    public static Viewer get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in viewer"));
    }
}
