package org.tongxin.insight.internal;

/**
 * A module's section of the dashboard, built from the read model only. Sections appear in {@link #order()}; each is
 * shown to every officer of the node unless {@link #shownTo(Scope)} says otherwise (care and aid: the care right).
 */
public interface InsightSection {

    String key();

    int order();

    default boolean shownTo(Scope scope) {
        return true;
    }

    Section build(Scope scope);
}
