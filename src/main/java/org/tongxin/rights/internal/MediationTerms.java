package org.tongxin.rights.internal;

import java.time.LocalDate;
import org.tongxin.shared.web.Refusal;

/**
 * The time limit of a labour-dispute mediation (the policy; no database here). The committee ends a case within
 * {@link #LIMIT_DAYS} days of accepting the application (企业劳动争议协商调解规定 第二十三条; after that the parties
 * may go to arbitration). With both parties agreeing it may be extended once, by at most {@link #MAX_EXTENSION_DAYS}
 * days, before the limit has passed, for a stated reason. Days here are calendar days, as in the statute. The
 * committee is reminded {@link #REMIND_DAYS_BEFORE} days before the limit.
 */
final class MediationTerms {

    static final int LIMIT_DAYS = 15;
    static final int MAX_EXTENSION_DAYS = 15;
    static final int REMIND_DAYS_BEFORE = 3;
    static final int MAX_REASON = 500;

    private MediationTerms() {
    }

    static LocalDate limitOn(LocalDate acceptedOn, int limitDays, int extendedDays) {
        return acceptedOn.plusDays(limitDays + extendedDays);
    }

    /** The first day the committee is reminded of the limit (and every later day, until it is reminded once). */
    static LocalDate remindFrom(LocalDate limitOn) {
        return limitOn.minusDays(REMIND_DAYS_BEFORE);
    }

    /** Whether the extension may be granted; the refusal says why not. Returns the reason as kept. */
    static String checkExtension(Mediation m, int days, String reason, LocalDate today) {
        if (m.status() != Mediation.Status.OPEN) {
            throw new Refusal("rights.mediation.error.closed");
        }
        if (m.extendedDays() > 0) {
            throw new Refusal("rights.mediation.error.extendedOnce");
        }
        if (m.limitOn().isBefore(today)) {
            throw new Refusal("rights.mediation.error.limitPassed");
        }
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new Refusal("rights.mediation.error.extensionDays");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > MAX_REASON) {
            throw new Refusal("rights.mediation.error.extensionReason");
        }
        return r;
    }
}
