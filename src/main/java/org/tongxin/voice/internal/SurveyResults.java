package org.tongxin.voice.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.voice.internal.Surveys.Question;
import org.tongxin.voice.internal.Surveys.Survey;

/**
 * A survey's results for its officers (those managing its unit; 404 for others): per question the count and share
 * of each option or score, a scale's mean, the text answers — named ones with the respondent's name, anonymous ones
 * without and shuffled. An anonymous survey shows nothing but its turnout until {@value SecretPool#MIN_GROUP}
 * answers are counted. The export is audited.
 */
@Service
public class SurveyResults {

    /** One option or score: how many chose it, and their share of those who answered the question (0–100). */
    public record Bar(String label, int count, double percent) {

        /** The bar's width in whole percent, for the page. */
        public int width() {
            return (int) Math.round(percent);
        }
    }

    /** A text answer, with the respondent's name on a named survey (null on an anonymous one). */
    public record Text(String name, String text) {
    }

    /** One question's result: how many answered it, the bars (choices, scores), the mean (scales), the texts. */
    public record QuestionResult(Question question, int answered, List<Bar> bars, Double mean, List<Text> texts) {
    }

    /**
     * A survey's results: how many responded and how many of those answers are counted (on an anonymous survey
     * some may still wait in the pool), the audience, and per question the result — none while not {@code shown}.
     */
    public record Results(Survey survey, List<Question> questions, long responded, int counted, long audience,
                          boolean shown, List<QuestionResult> lines) {

        /** Responses as a share of the audience (0–100). */
        public double rate() {
            return audience == 0 ? 0 : Math.min(100, responded * 100.0 / audience);
        }

        /** The rate in whole percent, for a bar's width. */
        public int rateWidth() {
            return (int) Math.round(rate());
        }
    }

    /** One response as exported: who and when on a named survey (nulls on an anonymous one), then one cell a question. */
    public record Row(String name, String employeeNo, String unitName, OffsetDateTime at, List<Object> cells) {
    }

    /** What the export holds: the results and, when shown, the responses. */
    public record Export(Results results, List<Row> rows) {
    }

    /** A counted response: its answers, and on a named survey who gave them and when. */
    private record Response(Long employeeId, OffsetDateTime at, Map<String, Object> answers) {
    }

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final OrgDirectory org;
    private final AuditTrail audit;

    SurveyResults(JdbcClient jdbc, Surveys surveys, OrgDirectory org, AuditTrail audit) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.org = org;
        this.audit = audit;
    }

    public Results results(Viewer officer, long surveyId) {
        Survey s = surveys.forOfficer(officer, surveyId);
        List<Response> responses = responses(s);
        return results(s, responses, names(responses));
    }

    /** The results and the responses for the spreadsheet, recorded in the audit trail. */
    @Transactional
    public Export export(Viewer officer, long surveyId) {
        Survey s = surveys.forOfficer(officer, surveyId);
        List<Response> responses = responses(s);
        Map<Long, EmployeeSummary> people = names(responses);
        Results r = results(s, responses, people);
        List<Row> rows = new ArrayList<>();
        if (r.shown()) {
            Map<Long, String> unitNames = new HashMap<>();
            for (Response response : responses) {
                List<Object> cells = new ArrayList<>();
                for (Question q : r.questions()) {
                    cells.add(cell(q, response.answers().get(Long.toString(q.id()))));
                }
                EmployeeSummary e = response.employeeId() == null ? null : people.get(response.employeeId());
                rows.add(e == null ? new Row(null, null, null, response.at(), cells)
                        : new Row(e.name(), e.employeeNo(), unitNames.computeIfAbsent(e.unitId(),
                        u -> org.unit(u).map(OrgUnit::name).orElse("")), response.at(), cells));
            }
        }
        audit.record(officer, "voice.survey.export", "voice_survey", surveyId, s.unitId(), s.title(), Map.of(),
                Map.of("responses", rows.size(), "anonymous", s.anonymous()));
        return new Export(r, rows);
    }

    /**
     * The counted responses: a named survey's with the respondent, in the order given; an anonymous survey's from
     * the counted table only, without anyone, shuffled.
     */
    private List<Response> responses(Survey s) {
        if (s.anonymous()) {
            List<Response> out = new ArrayList<>(jdbc.sql("""
                            SELECT answers::text FROM voice_survey_ballot WHERE survey_id = ?""")
                    .param(s.id()).query((rs, i) -> new Response(null, null, parse(rs.getString(1)))).list());
            Collections.shuffle(out);
            return out;
        }
        return jdbc.sql("""
                        SELECT employee_id, submitted_at, answers::text FROM voice_survey_response WHERE survey_id = ?
                        ORDER BY submitted_at, id""")
                .param(s.id()).query((rs, i) -> new Response(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        parse(rs.getString(3)))).list();
    }

    private Map<Long, EmployeeSummary> names(List<Response> responses) {
        List<Long> ids = responses.stream().map(Response::employeeId).filter(id -> id != null).toList();
        return ids.isEmpty() ? Map.of() : org.employees(ids);
    }

    private static Map<String, Object> parse(String json) {
        return Surveys.JSON.readValue(json, Surveys.ANSWERS);
    }

    private Results results(Survey s, List<Response> responses, Map<Long, EmployeeSummary> people) {
        List<Question> questions = surveys.questions(s.id());
        boolean shown = !s.anonymous() || responses.size() >= SecretPool.MIN_GROUP;
        List<QuestionResult> lines = new ArrayList<>();
        if (shown) {
            for (Question q : questions) {
                lines.add(result(q, responses, people));
            }
        }
        return new Results(s, questions, surveys.responded(s.id()), responses.size(), surveys.audienceSize(s), shown,
                lines);
    }

    private static QuestionResult result(Question q, List<Response> responses, Map<Long, EmployeeSummary> people) {
        String key = Long.toString(q.id());
        int slots = q.choice() ? q.options().size() : q.scaleMax() == null ? 0 : q.scaleMax();
        int[] counts = new int[slots];
        int answered = 0;
        long sum = 0;
        List<Text> texts = new ArrayList<>();
        for (Response r : responses) {
            Object a = r.answers().get(key);
            if (a == null) {
                continue;
            }
            answered++;
            switch (q.kind()) {
                case "SINGLE" -> count(counts, ((Number) a).intValue());
                case "MULTIPLE" -> ((List<?>) a).forEach(i -> count(counts, ((Number) i).intValue()));
                case "SCALE" -> {
                    int score = ((Number) a).intValue();
                    count(counts, score - 1);
                    sum += score;
                }
                default -> {
                    EmployeeSummary e = r.employeeId() == null ? null : people.get(r.employeeId());
                    texts.add(new Text(r.employeeId() == null ? null : e == null ? "#" + r.employeeId() : e.name(),
                            a.toString()));
                }
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            String label = q.choice() ? q.options().get(i) : Integer.toString(i + 1);
            bars.add(new Bar(label, counts[i], answered == 0 ? 0 : counts[i] * 100.0 / answered));
        }
        Double mean = q.kind().equals("SCALE") && answered > 0 ? (double) sum / answered : null;
        return new QuestionResult(q, answered, bars, mean, texts);
    }

    private static void count(int[] counts, int i) {
        if (i >= 0 && i < counts.length) {
            counts[i]++;
        }
    }

    /** An answer as a spreadsheet cell: the option's text (several joined), the score, the text; empty if none. */
    private static Object cell(Question q, Object a) {
        if (a == null) {
            return "";
        }
        return switch (q.kind()) {
            case "SINGLE" -> option(q, ((Number) a).intValue());
            case "MULTIPLE" -> String.join("；", ((List<?>) a).stream().map(i -> option(q, ((Number) i).intValue()))
                    .toList());
            case "SCALE" -> ((Number) a).intValue();
            default -> a.toString();
        };
    }

    private static String option(Question q, int i) {
        return i >= 0 && i < q.options().size() ? q.options().get(i) : "";
    }
}
