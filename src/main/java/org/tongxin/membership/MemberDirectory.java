package org.tongxin.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.membership.internal.CardTokens;
import org.tongxin.membership.internal.Member;
import org.tongxin.membership.internal.Members;

/** What other modules may ask about membership: is someone a member, whose card was just scanned. */
@Service
public class MemberDirectory {

    private final Members members;
    private final CardTokens tokens;
    private final Clock clock;

    MemberDirectory(Members members, CardTokens tokens, Optional<Clock> clock) {
        this.members = members;
        this.tokens = tokens;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** A current member, working or retired. */
    public boolean isMember(long employeeId) {
        return members.current(employeeId).isPresent();
    }

    /** How many of the given employees are current members (an audience's size, without asking one by one). */
    public long countMembers(Collection<Long> employeeIds) {
        return members.countCurrent(employeeIds);
    }

    /** Which of the given employees were members on {@code day} (eligibility for a welfare round, as of a date). */
    public Set<Long> membersOn(Collection<Long> employeeIds, LocalDate day) {
        return members.membersOn(employeeIds, day);
    }

    /**
     * Which of the given employees were members on at least one day from {@code from} to {@code to} (both included):
     * whether a month's union dues are owed.
     */
    public Set<Long> membersDuring(Collection<Long> employeeIds, LocalDate from, LocalDate to) {
        return members.membersDuring(employeeIds, from, to);
    }

    /** The employee whose member card shows this QR token, while the token is valid (see {@link CardTokens}). */
    public Optional<Long> cardHolder(String token) {
        CardTokens.Result result = tokens.check(token, Instant.now(clock));
        if (result.check() != CardTokens.Check.VALID) {
            return Optional.empty();
        }
        return members.currentById(result.memberId()).map(Member::employeeId);
    }
}
