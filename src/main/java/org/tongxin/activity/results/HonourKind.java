package org.tongxin.activity.results;

/** Kinds of honours (荣誉) and whether each goes to a person, a team (a unit), or either. */
public enum HonourKind {
    MODEL_WORKER(true, false), CRAFTSMAN(true, false), ADVANCED_INDIVIDUAL(true, false), ADVANCED_TEAM(false, true),
    OUTSTANDING_VOLUNTEER(true, false), OTHER(true, true);

    private final boolean forPerson;
    private final boolean forTeam;

    HonourKind(boolean forPerson, boolean forTeam) {
        this.forPerson = forPerson;
        this.forTeam = forTeam;
    }

    public boolean forPerson() {
        return forPerson;
    }

    public boolean forTeam() {
        return forTeam;
    }

    public String messageKey() {
        return "honours.kind." + name();
    }
}
