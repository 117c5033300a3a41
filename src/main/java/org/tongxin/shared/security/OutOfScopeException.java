package org.tongxin.shared.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record exists but lies outside the viewer's subtree. Answered as 404 so that an officer cannot
 * even learn whether another unit's record exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String what) {
        super(what + " is outside the viewer's scope");
    }
}
