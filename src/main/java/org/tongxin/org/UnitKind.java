package org.tongxin.org;

/** Kinds of units: four levels of the union tree and the partner bodies (群团) that sit beside it. */
public enum UnitKind {
    COMPANY_UNION, GRASSROOTS_UNION, BRANCH, GROUP, YOUTH_LEAGUE, WOMEN_COMMITTEE, PARTY_BRANCH;

    public boolean isPartner() {
        return this == YOUTH_LEAGUE || this == WOMEN_COMMITTEE || this == PARTY_BRANCH;
    }

    /** i18n key of the kind's name. */
    public String messageKey() {
        return "unit.kind." + name();
    }
}
