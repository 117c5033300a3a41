package org.tongxin.voice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveys (问卷调查). An officer writes one for a unit they manage — for the employees of its subtree or its members
 * only — with questions in order (single or multiple choice, a scale, free text), publishes it, and it closes on
 * its closing date or earlier when the officer closes it. Questions change only until the first response.
 * Employees of the audience answer once each (the database refuses a second). A named survey keeps the respondent
 * with the answers; an anonymous one keeps who responded apart from what was answered, the answers moved through
 * the {@link SecretPool} like evaluation ballots. Responding is not audited, on purpose: the trail would link it.
 */
@Service
public class Surveys {

    public static final List<String> KINDS = List.of("SINGLE", "MULTIPLE", "SCALE", "TEXT");
    public static final List<String> AUDIENCES = List.of("EMPLOYEES", "MEMBERS");
    public static final int TEXT_MAX = 1000;
    static final int MAX_QUESTIONS = 50;

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {
    };

    /** A survey. */
    public record Survey(long id, long unitId, String audience, String title, String intro, LocalDate opensOn,
                         LocalDate closesOn, boolean anonymous, String status, OffsetDateTime publishedAt,
                         OffsetDateTime closedAt) {

        /** DRAFT; SCHEDULED (published, not open yet); OPEN; or CLOSED (early, or past its closing date). */
        public String state(LocalDate today) {
            return switch (status) {
                case "DRAFT" -> "DRAFT";
                case "CLOSED" -> "CLOSED";
                default -> today.isAfter(closesOn) ? "CLOSED" : today.isBefore(opensOn) ? "SCHEDULED" : "OPEN";
            };
        }

        public boolean open(LocalDate today) {
            return state(today).equals("OPEN");
        }

        public boolean draft() {
            return status.equals("DRAFT");
        }
    }

    /** What the officer sets for a survey. */
    public record Settings(String title, String intro, String audience, LocalDate opensOn, LocalDate closesOn,
                           boolean anonymous) {
    }

    /** A question; options are answered by their index, a scale from 1 to {@code scaleMax}. */
    public record Question(long id, long surveyId, int position, String kind, String prompt, boolean required,
                           List<String> options, Integer maxChoices, Integer scaleMax, String lowLabel,
                           String highLabel) {

        public boolean choice() {
            return kind.equals("SINGLE") || kind.equals("MULTIPLE");
        }

        /** The options one a line, as the officer typed them. */
        public String optionLines() {
            return String.join("\n", options);
        }

        public List<Integer> scale() {
            return scaleMax == null ? List.of() : IntStream.rangeClosed(1, scaleMax).boxed().toList();
        }
    }

    /** A question as the officer writes it. */
    public record QuestionDraft(String kind, String prompt, boolean required, List<String> options,
                                Integer maxChoices, Integer scaleMax, String lowLabel, String highLabel) {
    }

    /**
     * An answer refused: a required question left empty, too many choices, a text too long, a value the question
     * does not offer. Names the question, so the page can point to it; nothing was saved.
     */
    public static class BadAnswer extends Refusal {

        private final long questionId;
        private final int number;

        public BadAnswer(String messageKey, Question q) {
            super(messageKey);
            this.questionId = q.id();
            this.number = q.position();
        }

        public long questionId() {
            return questionId;
        }

        public int number() {
            return number;
        }
    }

    static final String COLUMNS = """
            SELECT id, unit_id, audience, title, intro, opens_on, closes_on, anonymous, status, published_at, closed_at
            FROM voice_survey""";

    static final RowMapper<Survey> MAPPER = (rs, i) -> new Survey(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
            rs.getBoolean(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
            rs.getObject(11, OffsetDateTime.class));

    private static final RowMapper<Question> QUESTION = Surveys::question;

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final Clock clock;

    Surveys(JdbcClient jdbc, OrgDirectory org, MemberDirectory members, AuditTrail audit, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.members = members;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- the officer's side ----

    /** Writes a new draft survey for a unit the officer manages. */
    @Transactional
    public long create(Viewer officer, long unitId, Settings s) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        Settings v = valid(s);
        long id = jdbc.sql("""
                        INSERT INTO voice_survey (unit_id, audience, title, intro, opens_on, closes_on, anonymous, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.id(), v.audience(), v.title(), v.intro(), v.opensOn(), v.closesOn(), v.anonymous(),
                        officer.accountId())
                .query(Long.class).single();
        audit.record(officer, "voice.survey.create", "voice_survey", id, unit.id(), v.title(), Map.of(),
                settingsMap(v));
        return id;
    }

    /** Changes a draft's settings (once published, unit, audience and anonymity are fixed). */
    @Transactional
    public void update(Viewer officer, long id, Settings s) {
        Survey before = lockForOfficer(officer, id);
        if (!before.draft()) {
            throw new Refusal("voice.error.survey.notDraft");
        }
        Settings v = valid(s);
        jdbc.sql("""
                        UPDATE voice_survey SET audience = ?, title = ?, intro = ?, opens_on = ?, closes_on = ?, anonymous = ?
                        WHERE id = ?""")
                .params(v.audience(), v.title(), v.intro(), v.opensOn(), v.closesOn(), v.anonymous(), id).update();
        audit.record(officer, "voice.survey.update", "voice_survey", id, before.unitId(), v.title(),
                settingsMap(settings(before)), settingsMap(v));
    }

    private Settings valid(Settings s) {
        String title = s.title() == null ? "" : s.title().strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new Refusal("voice.error.survey.title");
        }
        String intro = s.intro() == null ? "" : s.intro().strip();
        if (intro.length() > 2000) {
            throw new Refusal("voice.error.survey.intro");
        }
        if (!AUDIENCES.contains(s.audience())) {
            throw new Refusal("voice.error.survey.audience");
        }
        if (s.opensOn() == null || s.closesOn() == null || s.closesOn().isBefore(s.opensOn())
                || s.closesOn().isBefore(today())) {
            throw new Refusal("voice.error.survey.dates");
        }
        return new Settings(title, intro, s.audience(), s.opensOn(), s.closesOn(), s.anonymous());
    }

    private static Settings settings(Survey s) {
        return new Settings(s.title(), s.intro(), s.audience(), s.opensOn(), s.closesOn(), s.anonymous());
    }

    private static Map<String, Object> settingsMap(Settings s) {
        return Map.of("audience", s.audience(), "opensOn", s.opensOn(), "closesOn", s.closesOn(),
                "anonymous", s.anonymous());
    }

    /** Adds a question at the end, while nobody has responded. */
    @Transactional
    public long addQuestion(Viewer officer, long surveyId, QuestionDraft draft) {
        Survey s = editable(officer, surveyId);
        QuestionDraft q = valid(draft);
        int count = jdbc.sql("SELECT count(*) FROM voice_survey_question WHERE survey_id = ?").param(surveyId)
                .query(Integer.class).single();
        if (count >= MAX_QUESTIONS) {
            throw new Refusal("voice.error.survey.tooManyQuestions");
        }
        long id = jdbc.sql("""
                        INSERT INTO voice_survey_question (survey_id, position, kind, prompt, required, options, max_choices,
                                                           scale_max, low_label, high_label)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(surveyId, count + 1, q.kind(), q.prompt(), q.required(), q.options().toArray(String[]::new),
                        q.maxChoices(), q.scaleMax(), q.lowLabel(), q.highLabel())
                .query(Long.class).single();
        audit.record(officer, "voice.survey.question.add", "voice_survey", surveyId, s.unitId(), q.prompt(), Map.of(),
                Map.of("question", id, "kind", q.kind()));
        return id;
    }

    /** Rewrites a question, while nobody has responded. */
    @Transactional
    public void updateQuestion(Viewer officer, long surveyId, long questionId, QuestionDraft draft) {
        Survey s = editable(officer, surveyId);
        Question before = question(surveyId, questionId);
        QuestionDraft q = valid(draft);
        jdbc.sql("""
                        UPDATE voice_survey_question SET kind = ?, prompt = ?, required = ?, options = ?, max_choices = ?,
                          scale_max = ?, low_label = ?, high_label = ?
                        WHERE id = ?""")
                .params(q.kind(), q.prompt(), q.required(), q.options().toArray(String[]::new), q.maxChoices(),
                        q.scaleMax(), q.lowLabel(), q.highLabel(), questionId).update();
        audit.record(officer, "voice.survey.question.update", "voice_survey", surveyId, s.unitId(), q.prompt(),
                Map.of("question", questionId, "kind", before.kind(), "prompt", before.prompt()),
                Map.of("question", questionId, "kind", q.kind(), "prompt", q.prompt()));
    }

    /** Removes a question (the later ones move up), while nobody has responded. */
    @Transactional
    public void removeQuestion(Viewer officer, long surveyId, long questionId) {
        Survey s = editable(officer, surveyId);
        Question q = question(surveyId, questionId);
        jdbc.sql("DELETE FROM voice_survey_question WHERE id = ?").param(questionId).update();
        jdbc.sql("UPDATE voice_survey_question SET position = position - 1 WHERE survey_id = ? AND position > ?")
                .params(surveyId, q.position()).update();
        audit.record(officer, "voice.survey.question.remove", "voice_survey", surveyId, s.unitId(), q.prompt(),
                Map.of("question", questionId, "position", q.position()), Map.of());
    }

    /** Moves a question one place up ({@code -1}) or down ({@code +1}), while nobody has responded. */
    @Transactional
    public void moveQuestion(Viewer officer, long surveyId, long questionId, int by) {
        Survey s = editable(officer, surveyId);
        Question q = question(surveyId, questionId);
        int to = q.position() + Integer.signum(by);
        if (to == q.position() || to < 1) {
            throw new Refusal("voice.error.survey.cannotMove");
        }
        int swapped = jdbc.sql("""
                        UPDATE voice_survey_question SET position = CASE WHEN id = ? THEN ? ELSE ? END
                        WHERE survey_id = ? AND (id = ? OR position = ?)""")
                .params(questionId, to, q.position(), surveyId, questionId, to).update();
        if (swapped != 2) {
            throw new Refusal("voice.error.survey.cannotMove");
        }
        audit.record(officer, "voice.survey.question.move", "voice_survey", surveyId, s.unitId(), q.prompt(),
                Map.of("position", q.position()), Map.of("position", to));
    }

    private QuestionDraft valid(QuestionDraft d) {
        if (d.kind() == null || !KINDS.contains(d.kind())) {
            throw new Refusal("voice.error.survey.kind");
        }
        String prompt = d.prompt() == null ? "" : d.prompt().strip();
        if (prompt.isEmpty() || prompt.length() > 300) {
            throw new Refusal("voice.error.survey.prompt");
        }
        boolean choice = d.kind().equals("SINGLE") || d.kind().equals("MULTIPLE");
        List<String> options = List.of();
        Integer max = null;
        Integer scale = null;
        String low = "";
        String high = "";
        if (choice) {
            options = List.copyOf(new LinkedHashSet<>((d.options() == null ? List.<String>of() : d.options()).stream()
                    .map(String::strip).filter(o -> !o.isEmpty()).toList()));
            if (options.size() < 2 || options.size() > 20 || options.stream().anyMatch(o -> o.length() > 100)) {
                throw new Refusal("voice.error.survey.options");
            }
            if (d.kind().equals("MULTIPLE") && d.maxChoices() != null) {
                if (d.maxChoices() < 1 || d.maxChoices() > options.size()) {
                    throw new Refusal("voice.error.survey.maxChoices");
                }
                max = d.maxChoices() == options.size() ? null : d.maxChoices();
            }
        } else if (d.kind().equals("SCALE")) {
            if (d.scaleMax() == null || (d.scaleMax() != 5 && d.scaleMax() != 10)) {
                throw new Refusal("voice.error.survey.scale");
            }
            scale = d.scaleMax();
            low = d.lowLabel() == null ? "" : d.lowLabel().strip();
            high = d.highLabel() == null ? "" : d.highLabel().strip();
            if (low.length() > 20 || high.length() > 20) {
                throw new Refusal("voice.error.survey.labels");
            }
        }
        return new QuestionDraft(d.kind(), prompt, d.required(), options, max, scale, low, high);
    }

    /** Publishes a draft with at least one question; it opens on its opening date. */
    @Transactional
    public void publish(Viewer officer, long id) {
        Survey s = lockForOfficer(officer, id);
        if (!s.draft()) {
            throw new Refusal("voice.error.survey.notDraft");
        }
        if (questions(id).isEmpty()) {
            throw new Refusal("voice.error.survey.noQuestions");
        }
        if (s.closesOn().isBefore(today())) {
            throw new Refusal("voice.error.survey.dates");
        }
        jdbc.sql("UPDATE voice_survey SET status = 'PUBLISHED', published_at = now() WHERE id = ?").param(id).update();
        audit.record(officer, "voice.survey.publish", "voice_survey", id, s.unitId(), s.title(),
                Map.of("status", s.status()), Map.of("status", "PUBLISHED", "anonymous", s.anonymous()));
    }

    /**
     * Closes a published survey before its closing date. What is left in the pool of an anonymous one is counted
     * now, shuffled together with the answers already counted (the officer's transaction is no respondent's).
     */
    @Transactional
    public void close(Viewer officer, long id) {
        Survey s = lockForOfficer(officer, id);
        String state = s.state(today());
        if (!state.equals("OPEN") && !state.equals("SCHEDULED")) {
            throw new Refusal("voice.error.survey.notOpen");
        }
        jdbc.sql("UPDATE voice_survey SET status = 'CLOSED', closed_at = now() WHERE id = ?").param(id).update();
        audit.record(officer, "voice.survey.close", "voice_survey", id, s.unitId(), s.title(),
                Map.of("status", s.status()), Map.of("status", "CLOSED"));
    }

    /** Deletes a draft with its questions. */
    @Transactional
    public void delete(Viewer officer, long id) {
        Survey s = lockForOfficer(officer, id);
        if (!s.draft()) {
            throw new Refusal("voice.error.survey.notDraft");
        }
        jdbc.sql("DELETE FROM voice_survey WHERE id = ?").param(id).update();
        audit.record(officer, "voice.survey.delete", "voice_survey", id, s.unitId(), s.title(), settingsMap(settings(s)),
                Map.of());
    }

    /** The survey when the officer manages its unit (the committee: any); 404 otherwise. */
    public Survey forOfficer(Viewer officer, long id) {
        Survey s = find(id);
        org.managedUnit(officer, s.unitId());
        return s;
    }

    /** Locks the survey row against concurrent responses and changes, after the officer's scope check. */
    private Survey lockForOfficer(Viewer officer, long id) {
        forOfficer(officer, id);
        return jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(MAPPER).single();
    }

    /** The survey whose questions may change: not closed, and nobody has responded (the database refuses too). */
    private Survey editable(Viewer officer, long id) {
        Survey s = lockForOfficer(officer, id);
        if (s.state(today()).equals("CLOSED")) {
            throw new Refusal("voice.error.survey.notOpen");
        }
        if (responded(id) > 0) {
            throw new Refusal("voice.error.survey.locked");
        }
        return s;
    }

    /** The surveys of the units the officer manages (every one for the committee), newest first. */
    public List<Survey> ofOfficer(Viewer officer) {
        Optional<Set<Long>> units = org.manageableUnitIds(officer);
        if (units.isEmpty()) {
            return jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT 200").query(MAPPER).list();
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE unit_id = ANY(?) ORDER BY id DESC LIMIT 200")
                .param(units.get().toArray(Long[]::new)).query(MAPPER).list();
    }

    // ---- both sides ----

    public Survey find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("survey " + id));
    }

    public List<Question> questions(long surveyId) {
        return jdbc.sql(QUESTION_COLUMNS + " WHERE survey_id = ? ORDER BY position").param(surveyId).query(QUESTION)
                .list();
    }

    public Question question(long surveyId, long questionId) {
        return jdbc.sql(QUESTION_COLUMNS + " WHERE survey_id = ? AND id = ?").params(surveyId, questionId)
                .query(QUESTION).optional().orElseThrow(() -> new NotFoundException("survey question " + questionId));
    }

    private static final String QUESTION_COLUMNS = """
            SELECT id, survey_id, position, kind, prompt, required, options, max_choices, scale_max, low_label, high_label
            FROM voice_survey_question""";

    private static Question question(ResultSet rs, int i) throws SQLException {
        int max = rs.getInt(8);
        Integer maxChoices = rs.wasNull() ? null : max;
        int scale = rs.getInt(9);
        Integer scaleMax = rs.wasNull() ? null : scale;
        return new Question(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), List.of((String[]) rs.getArray(7).getArray()), maxChoices, scaleMax,
                rs.getString(10), rs.getString(11));
    }

    /** How many have responded (named or anonymous; never who, here). */
    public long responded(long surveyId) {
        return jdbc.sql("SELECT count(*) FROM voice_survey_responded WHERE survey_id = ?").param(surveyId)
                .query(Long.class).single();
    }

    /** How many have responded to each of the surveys. */
    public Map<Long, Long> responded(Collection<Long> surveyIds) {
        Map<Long, Long> out = new HashMap<>();
        if (!surveyIds.isEmpty()) {
            jdbc.sql("SELECT survey_id, count(*) FROM voice_survey_responded WHERE survey_id = ANY(?) GROUP BY survey_id")
                    .param(surveyIds.toArray(Long[]::new))
                    .query((rs, i) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return out;
    }

    /** The people a survey is for today: the active employees of its unit's subtree, or the members among them. */
    public long audienceSize(Survey s) {
        List<Long> people = org.activeEmployeesInSubtree(s.unitId());
        return s.audience().equals("MEMBERS") ? members.countMembers(people) : people.size();
    }

    // ---- the employee's side ----

    /** Whether the viewer is in the survey's audience: an employee (not left) of its subtree, a member if need be. */
    public boolean inAudience(Viewer viewer, Survey s) {
        if (viewer.employeeId() == null) {
            return false;
        }
        Optional<EmployeeSummary> e = org.employee(viewer.employeeId());
        if (e.isEmpty() || e.get().status() == EmployeeStatus.LEFT) {
            return false;
        }
        boolean inSubtree = org.unit(e.get().unitId()).map(u -> u.pathIds().contains(s.unitId())).orElse(false);
        return inSubtree && (s.audience().equals("EMPLOYEES") || members.isMember(viewer.employeeId()));
    }

    /** A published survey for someone of its audience (open, not yet open, or closed); 404 otherwise. */
    public Survey forRespondent(Viewer viewer, long id) {
        Survey s = find(id);
        if (s.draft() || !inAudience(viewer, s)) {
            throw new NotFoundException("survey " + id + " for this person");
        }
        return s;
    }

    /** Published surveys open today whose audience the viewer is in, closing soonest first. */
    public List<Survey> openFor(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        Optional<EmployeeSummary> e = org.employee(viewer.employeeId());
        if (e.isEmpty() || e.get().status() == EmployeeStatus.LEFT) {
            return List.of();
        }
        List<Long> path = org.unit(e.get().unitId()).map(OrgUnit::pathIds).orElse(List.of());
        if (path.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        List<Survey> open = jdbc.sql(COLUMNS + """
                         WHERE status = 'PUBLISHED' AND unit_id = ANY(?) AND opens_on <= ? AND closes_on >= ?
                        ORDER BY closes_on, id""")
                .params(path.toArray(Long[]::new), today, today).query(MAPPER).list();
        if (open.stream().noneMatch(s -> s.audience().equals("MEMBERS"))) {
            return open;
        }
        boolean member = members.isMember(viewer.employeeId());
        return open.stream().filter(s -> member || s.audience().equals("EMPLOYEES")).toList();
    }

    public boolean hasResponded(Viewer viewer, long surveyId) {
        return viewer.employeeId() != null && jdbc.sql("""
                        SELECT count(*) FROM voice_survey_responded WHERE survey_id = ? AND employee_id = ?""")
                .params(surveyId, viewer.employeeId()).query(Long.class).single() > 0;
    }

    /** The surveys among these the viewer has responded to. */
    public Set<Long> respondedAmong(Viewer viewer, Collection<Long> surveyIds) {
        if (viewer.employeeId() == null || surveyIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT survey_id FROM voice_survey_responded WHERE employee_id = ? AND survey_id = ANY(?)""")
                .params(viewer.employeeId(), surveyIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /**
     * Records someone's response: once (the database refuses a second), while the survey is open, every required
     * question answered and every answer one the question takes — or nothing at all. {@code given} holds the raw
     * values per question id (an option's index, a score, a text).
     */
    @Transactional
    public void respond(Viewer viewer, long surveyId, Map<Long, List<String>> given) {
        // Shares the row with other respondents, but waits for (and blocks) an officer changing the questions.
        jdbc.sql("SELECT id FROM voice_survey WHERE id = ? FOR SHARE").param(surveyId).query(Long.class).optional();
        Survey s = forRespondent(viewer, surveyId);
        if (!s.open(today())) {
            throw new Refusal(s.state(today()).equals("SCHEDULED") ? "voice.error.survey.notYetOpen"
                    : "voice.error.survey.closed");
        }
        if (hasResponded(viewer, surveyId)) {
            throw new Refusal("voice.error.survey.alreadyResponded");
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : questions(surveyId)) {
            Object a = answer(q, given.getOrDefault(q.id(), List.of()));
            if (a != null) {
                answers.put(Long.toString(q.id()), a);
            }
        }
        if (jdbc.sql("""
                        INSERT INTO voice_survey_responded (survey_id, employee_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(surveyId, viewer.employeeId()).update() == 0) {
            throw new Refusal("voice.error.survey.alreadyResponded");
        }
        String json = JSON.writeValueAsString(answers);
        if (s.anonymous()) {
            jdbc.sql("INSERT INTO voice_survey_pool (survey_id, answers) VALUES (?, ?::jsonb)").params(surveyId, json)
                    .update();
        } else {
            jdbc.sql("INSERT INTO voice_survey_response (survey_id, employee_id, answers) VALUES (?, ?, ?::jsonb)")
                    .params(surveyId, viewer.employeeId(), json).update();
        }
    }

    /** One question's answer from the raw values: null when left empty (and not required). */
    static Object answer(Question q, List<String> raw) {
        List<String> values = raw.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (values.isEmpty()) {
            if (q.required()) {
                throw new BadAnswer("voice.error.survey.required", q);
            }
            return null;
        }
        switch (q.kind()) {
            case "SINGLE" -> {
                if (values.size() != 1) {
                    throw new BadAnswer("voice.error.survey.badAnswer", q);
                }
                return index(q, values.getFirst());
            }
            case "MULTIPLE" -> {
                Set<Integer> chosen = new TreeSet<>();
                for (String v : values) {
                    chosen.add(index(q, v));
                }
                if (q.maxChoices() != null && chosen.size() > q.maxChoices()) {
                    throw new BadAnswer("voice.error.survey.tooManyChoices", q);
                }
                return List.copyOf(chosen);
            }
            case "SCALE" -> {
                int n = number(q, values.getFirst());
                if (values.size() != 1 || n < 1 || n > q.scaleMax()) {
                    throw new BadAnswer("voice.error.survey.badAnswer", q);
                }
                return n;
            }
            default -> {
                String text = String.join("\n", values);
                if (text.length() > TEXT_MAX) {
                    throw new BadAnswer("voice.error.survey.tooLong", q);
                }
                return text;
            }
        }
    }

    private static int index(Question q, String v) {
        int i = number(q, v);
        if (i < 0 || i >= q.options().size()) {
            throw new BadAnswer("voice.error.survey.badAnswer", q);
        }
        return i;
    }

    private static int number(Question q, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadAnswer("voice.error.survey.badAnswer", q);
        }
    }

    /**
     * Moves pooled anonymous answers to the counted ones, shuffled, five or more of a survey at a time — or all that
     * are left once it has closed (see {@link SecretPool}). Runs in its own transaction, apart from any respondent's.
     */
    @Transactional
    public int mix() {
        return SecretPool.mix(jdbc, SecretPool.SURVEYS);
    }
}
