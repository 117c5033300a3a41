package org.tongxin.rights.internal;

/**
 * What an appeal is about, with its rules (the policy in one place):
 * <ul>
 * <li>{@code resolveDays}: working days from acceptance to a reply (safety is urgent);</li>
 * <li>{@code committeeLevel}: goes straight to the company union's committee, never to the person's own line
 * (harassment and safety concern the line itself too often);</li>
 * <li>{@code womenCommittee}: the women workers' committee beside the committee handles it too;</li>
 * <li>{@code anonymousAllowed}: can be raised without a name — not where acting needs to know whose wages, hours or
 * contract it is;</li>
 * <li>{@code sensitive}: figures about it are shown only for groups of at least five people.</li>
 * </ul>
 * Every appeal must be accepted within {@link #ACCEPT_DAYS} working days.
 */
public enum AppealCategory {
    WAGES(15, false, false, false, false),
    HOURS(15, false, false, false, false),
    SAFETY(5, true, false, true, false),
    CONTRACT(15, false, false, false, false),
    LIVING(10, false, false, true, false),
    HARASSMENT(10, true, true, true, true),
    OTHER(15, false, false, true, false);

    public static final int ACCEPT_DAYS = 2;

    private final int resolveDays;
    private final boolean committeeLevel;
    private final boolean womenCommittee;
    private final boolean anonymousAllowed;
    private final boolean sensitive;

    AppealCategory(int resolveDays, boolean committeeLevel, boolean womenCommittee, boolean anonymousAllowed,
                   boolean sensitive) {
        this.resolveDays = resolveDays;
        this.committeeLevel = committeeLevel;
        this.womenCommittee = womenCommittee;
        this.anonymousAllowed = anonymousAllowed;
        this.sensitive = sensitive;
    }

    public int resolveDays() {
        return resolveDays;
    }

    public boolean committeeLevel() {
        return committeeLevel;
    }

    public boolean womenCommittee() {
        return womenCommittee;
    }

    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    public boolean sensitive() {
        return sensitive;
    }

    public String messageKey() {
        return "rights.category." + name();
    }
}
