package org.tongxin.insight.internal;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tongxin.membership.MembershipHistory;
import org.tongxin.org.OrgHistory;

/**
 * Rebuilds the read model from scratch: empties it and feeds every module's history through the same mappings as
 * the live events. Snapshots arriving meanwhile are newer than the replay's (version 0) and win.
 */
@Service
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final Facts facts;
    private final MembershipHistory membershipHistory;
    private final MembershipFacts membership;
    private final OrgHistory orgHistory;
    private final OrgFacts org;

    Rebuild(Facts facts, MembershipHistory membershipHistory, MembershipFacts membership, OrgHistory orgHistory,
            OrgFacts org) {
        this.facts = facts;
        this.membershipHistory = membershipHistory;
        this.membership = membership;
        this.orgHistory = orgHistory;
        this.org = org;
    }

    public void run() {
        Instant start = Instant.now();
        facts.clear();
        orgHistory.replayHeadcounts(org::apply);
        membershipHistory.replay(membership::apply);
        log.info("Insight rebuilt in {} ms", Duration.between(start, Instant.now()).toMillis());
    }
}
