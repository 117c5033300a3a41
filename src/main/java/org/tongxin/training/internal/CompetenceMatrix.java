package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.MemberVoice;

/**
 * The competence matrix of union officers (skills × people): for each officer of the viewer's subtree, the share
 * of points scored per skill (the question's tag) in their latest graded attempt at each exam, as a level, and the
 * assessments passed. Only officers above see it, for the people they manage; it is ordered by name, never by
 * score, and nothing of it is public.
 */
@Service
public class CompetenceMatrix {

    /** A level of competence in one skill, from the share of points scored. */
    public enum Level {
        /** 熟练: 85 % or more. */
        PROFICIENT,
        /** 合格: 60 % or more. */
        COMPETENT,
        /** 待提高: below 60 %. */
        NEEDS_WORK,
        /** 未测: no graded question of the skill yet. */
        UNTESTED;

        static final BigDecimal PROFICIENT_FROM = BigDecimal.valueOf(85);
        static final BigDecimal COMPETENT_FROM = BigDecimal.valueOf(60);

        public static Level of(BigDecimal percent) {
            if (percent == null) {
                return UNTESTED;
            }
            if (percent.compareTo(PROFICIENT_FROM) >= 0) {
                return PROFICIENT;
            }
            return percent.compareTo(COMPETENT_FROM) >= 0 ? COMPETENT : NEEDS_WORK;
        }

        /** Below the standard or not known: what the matrix highlights. */
        public boolean gap() {
            return this == NEEDS_WORK || this == UNTESTED;
        }
    }

    /** One person's standing in one skill. */
    public record Cell(Level level, BigDecimal percent) {

        public static final Cell UNTESTED = new Cell(Level.UNTESTED, null);
    }

    /** A post an officer holds. */
    public record Post(long unitId, String unitName, String post) {
    }

    /** A row of the matrix. */
    public record Officer(long employeeId, String name, String employeeNo, List<Post> posts, Map<String, Cell> cells,
                          int assessmentsPassed, MemberVoice.Evaluation evaluation) {

        public Cell cell(String skill) {
            return cells.getOrDefault(skill, Cell.UNTESTED);
        }
    }

    /** The officers shown per level in one skill, and their average share where tested. */
    public record SkillRow(String skill, Map<Level, Integer> counts, BigDecimal average) {

        /** Officers at a level, by its name (as pages ask). */
        public int count(String level) {
            return counts.getOrDefault(Level.valueOf(level), 0);
        }
    }

    /** The matrix for a scope. */
    public record Matrix(OrgUnit chosen, List<OrgUnit> choices, List<String> skills, List<Officer> officers,
                         List<SkillRow> skillRows) {

        public List<Level> levels() {
            return List.of(Level.values());
        }
    }

    private static final Comparator<Object> BY_NAME = Collator.getInstance(Locale.CHINA);

    private final OfficerReach reach;
    private final UnitOfficers officers;
    private final Competences competences;
    private final AssessmentReads reads;
    private final MemberVoices voices;

    CompetenceMatrix(OfficerReach reach, UnitOfficers officers, Competences competences, AssessmentReads reads,
                     MemberVoices voices) {
        this.reach = reach;
        this.officers = officers;
        this.competences = competences;
        this.reads = reads;
        this.voices = voices;
    }

    /** The officers of a unit's subtree (one the viewer manages; 404 otherwise), or of everything they manage. */
    public Matrix of(Viewer viewer, Long unitId) {
        OfficerReach.Scope scope = reach.of(viewer, unitId);
        Map<Long, UnitOfficers.Officer> people = new LinkedHashMap<>();
        Map<Long, List<Post>> posts = new HashMap<>();
        for (OrgUnit u : scope.units()) {
            for (UnitOfficers.Officer o : officers.officersOf(u.id())) {
                people.putIfAbsent(o.employeeId(), o);
                posts.computeIfAbsent(o.employeeId(), k -> new ArrayList<>())
                        .add(new Post(u.id(), u.name(), o.post() == null ? "" : o.post()));
            }
        }
        Map<Long, Map<String, Cell>> levels = levels(people.keySet());
        Map<Long, Integer> passed = reads.passedCounts(people.keySet());
        Map<Long, MemberVoice.Evaluation> evaluations = voices.evaluations(people.keySet());
        List<Officer> rows = people.values().stream()
                .map(o -> new Officer(o.employeeId(), o.name(), o.employeeNo(), posts.get(o.employeeId()),
                        levels.getOrDefault(o.employeeId(), Map.of()), passed.getOrDefault(o.employeeId(), 0),
                        evaluations.get(o.employeeId())))
                .sorted(Comparator.comparing(Officer::name, BY_NAME).thenComparing(Officer::employeeNo))
                .toList();
        TreeSet<String> skills = new TreeSet<>(BY_NAME);
        levels.values().forEach(m -> skills.addAll(m.keySet()));
        List<SkillRow> skillRows = skills.stream().map(s -> skillRow(s, rows)).toList();
        return new Matrix(scope.chosen(), scope.choices(), List.copyOf(skills), rows, skillRows);
    }

    private static SkillRow skillRow(String skill, List<Officer> rows) {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        BigDecimal sum = BigDecimal.ZERO;
        int tested = 0;
        for (Officer o : rows) {
            Cell c = o.cell(skill);
            counts.merge(c.level(), 1, Integer::sum);
            if (c.percent() != null) {
                sum = sum.add(c.percent());
                tested++;
            }
        }
        return new SkillRow(skill, counts, tested == 0 ? null
                : sum.divide(BigDecimal.valueOf(tested), 1, RoundingMode.HALF_UP));
    }

    /** Each person's level per skill they have been tested in (people never tested are left out). */
    public Map<Long, Map<String, Cell>> levels(Collection<Long> employeeIds) {
        Map<Long, Map<String, Cell>> out = new HashMap<>();
        for (Competences.Share s : competences.latestShares(employeeIds)) {
            if (s.points().signum() <= 0) {
                continue;
            }
            BigDecimal percent = s.scored().multiply(BigDecimal.valueOf(100)).divide(s.points(), 1, RoundingMode.HALF_UP);
            out.computeIfAbsent(s.employeeId(), k -> new HashMap<>()).put(s.skill(), new Cell(Level.of(percent), percent));
        }
        return out;
    }
}
