package org.tongxin.rights;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.rights.internal.LegalAid;
import org.tongxin.rights.internal.Letters;
import org.tongxin.rights.internal.Mediation;
import org.tongxin.rights.internal.Mediations;
import org.tongxin.rights.internal.RightsSnapshots;
import org.tongxin.shared.security.Viewer;

/**
 * Appeals, mediation cases, legal-aid requests and letters for the demo enterprise, made through the same services
 * as the pages; only the {@code backdate…} methods and {@link #took} write directly, to spread what one start-up made
 * over the past months. An appeal moved in time is published again: the snapshots taken as it was handled carried
 * today's days, and a late one must not win over the rebuilt figures.
 */
@Service
public class RightsSetup {

    private final Appeals appeals;
    private final Mediations mediations;
    private final LegalAid legalAid;
    private final Letters letters;
    private final RightsSnapshots snapshots;
    private final JdbcClient jdbc;

    RightsSetup(Appeals appeals, Mediations mediations, LegalAid legalAid, Letters letters, RightsSnapshots snapshots,
                JdbcClient jdbc) {
        this.appeals = appeals;
        this.mediations = mediations;
        this.legalAid = legalAid;
        this.letters = letters;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
    }

    /** A mediation case from an appeal referred to mediation, with its sessions, closed with an agreement. */
    public long agreedMediation(Viewer committee, long appealId, String respondent, String claim,
                                java.util.List<String[]> sessions, String agreement) {
        long id = mediations.open(committee, new Mediations.Opening(appealId, null, respondent, claim));
        for (String[] s : sessions) {
            mediations.addSession(committee, id, mediations.today(), s[0], s[1]);
        }
        mediations.close(committee, id, Mediation.Status.AGREED, agreement, mediations.today());
        return id;
    }

    /**
     * Makes a handled appeal look as if it took time: raised {@code acceptHours} before it was accepted, and accepted
     * {@code replyDays} before the reply (the service does all three at once for the demo).
     */
    @Transactional
    public void took(long id, int acceptHours, int replyDays) {
        jdbc.sql("""
                        UPDATE rights_appeal SET created_at = created_at - make_interval(hours => ?, days => ?),
                          accepted_at = accepted_at - make_interval(days => ?) WHERE id = ?""")
                .params(acceptHours, replyDays, replyDays, id).update();
        jdbc.sql("""
                        UPDATE rights_appeal_step SET created_at = created_at - CASE kind
                          WHEN 'RAISED' THEN make_interval(hours => ?, days => ?)
                          WHEN 'ACCEPTED' THEN make_interval(days => ?) ELSE interval '0' END
                        WHERE appeal_id = ?""")
                .params(acceptHours, replyDays, replyDays, id).update();
        snapshots.changed(id);
    }

    /** Spreads a mediation case over the past: accepted {@code days} ago, sessions in between, agreed two days ago. */
    @Transactional
    public void backdateMediation(long id, int days) {
        jdbc.sql("UPDATE rights_mediation SET accepted_on = accepted_on - ?, closed_on = closed_on - 2 WHERE id = ?")
                .params(days, id).update();
        jdbc.sql("""
                        UPDATE rights_mediation_session s SET held_on = held_on - CAST(? - 3 * r.n AS int)
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM rights_mediation_session
                              WHERE mediation_id = ?) r
                        WHERE s.id = r.id""")
                .params(days, id).update();
    }

    public long legalAid(Viewer employee, String topic, String question, boolean lawyer) {
        return legalAid.request(employee, new LegalAid.Ask(topic, question,
                lawyer ? LegalAid.Provider.UNION_LAWYER : LegalAid.Provider.HOTLINE));
    }

    public void bookLegalAid(Viewer desk, long id, LocalDateTime at, String adviser) {
        legalAid.book(desk, id, at, adviser);
    }

    public long letter(Viewer employee, String subject, String body, boolean publishOk) {
        return letters.write(employee, new Letters.Draft(subject, body, publishOk));
    }

    public void answer(Viewer office, long id, String answer) {
        letters.answer(office, id, answer);
    }

    public void publish(Viewer office, long id, String question, String answer) {
        letters.publish(office, id, question, answer);
    }

    public long raise(Viewer employee, String category, String identity, String happened, String wanted) {
        return appeals.raise(employee, new Appeals.Raise(AppealCategory.valueOf(category),
                Appeal.Identity.valueOf(identity), happened, wanted));
    }

    public void accept(Viewer officer, long id) {
        appeals.accept(officer, id);
    }

    public void step(Viewer officer, long id, String kind, String note) {
        appeals.record(officer, id, kind, note);
    }

    public void reply(Viewer officer, long id, String reply) {
        appeals.reply(officer, id, reply);
    }

    public void rate(Viewer employee, long id, String rating, boolean reopen) {
        appeals.rate(employee, id, Appeal.Rating.valueOf(rating), reopen);
    }

    public void toMediation(Viewer officer, long id) {
        appeals.toMediation(officer, id);
    }

    /** Moves what is overdue on {@code today} up the chain, as the job does. */
    public int escalateOverdue(LocalDate today) {
        return appeals.escalateOverdue(today);
    }

    /** The unit holding the appeal now. */
    public long routeUnit(long id) {
        return appeals.find(id).orElseThrow().routeUnitId();
    }

    /** Shifts an appeal's whole history {@code days} into the past: its times, deadlines and steps. */
    @Transactional
    public void backdate(long id, int days) {
        String shift = days + " days";
        jdbc.sql("""
                        UPDATE rights_appeal SET created_at = created_at - CAST(? AS interval),
                          accepted_at = accepted_at - CAST(? AS interval), replied_at = replied_at - CAST(? AS interval),
                          rated_at = rated_at - CAST(? AS interval), closed_at = closed_at - CAST(? AS interval),
                          accept_due = accept_due - ?, resolve_due = resolve_due - ?
                        WHERE id = ?""")
                .params(shift, shift, shift, shift, shift, days, days, id).update();
        jdbc.sql("UPDATE rights_appeal_step SET created_at = created_at - CAST(? AS interval) WHERE appeal_id = ?")
                .params(shift, id).update();
        jdbc.sql("UPDATE rights_appeal_route SET since = since - CAST(? AS interval) WHERE appeal_id = ?")
                .params(shift, id).update();
        snapshots.changed(id);
    }
}
