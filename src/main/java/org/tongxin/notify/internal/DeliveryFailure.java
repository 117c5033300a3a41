package org.tongxin.notify.internal;

/**
 * A channel could not deliver. {@code permanent} when trying again cannot help (the person is not in the enterprise's
 * 企业微信, the address is refused); otherwise the sender retries with backoff.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
