package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.tongxin.support.Fixtures.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongxin.activity.ActivitySetup;
import org.tongxin.activity.ResultsSetup;
import org.tongxin.activity.VenueSetup;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.VenueService;
import org.tongxin.benefits.DuesSetup;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.care.internal.AidService;
import org.tongxin.care.internal.CareService;
import org.tongxin.care.internal.Projects;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Policies;
import org.tongxin.library.internal.Suggestions;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.UnitKind;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.AppealFiles;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.rights.internal.LegalAid;
import org.tongxin.rights.internal.Letters;
import org.tongxin.rights.internal.Mediations;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;
import org.tongxin.training.TrainingSetup;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.Surveys;

/**
 * Walks every mapped endpoint that takes a record id and proves that an officer of unit A gets 403 or
 * 404 for unit B's records, by URL and by form post, while the same endpoints answer for A's own
 * records. A new endpoint with an id this test does not know fails the test until it is covered.
 */
class DataScopeTests extends IntegrationTestSupport {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Shared with every officer on purpose (阵地一起用): any body may find a venue and look at its calendar. */
    private static final Set<String> SHARED_WITH_EVERY_OFFICER = Set.of("/activity-venues/{venueId}",
            "/activity-venues/{venueId}/photo", "/library-admin/titles/{titleId}/edit");
    /**
     * The library's catalogue is one for the whole enterprise: every officer running a reading room corrects any
     * title (LibraryAdminTests shows that an officer running none cannot).
     */
    private static final Set<String> CATALOGUE_OF_EVERY_ROOM = Set.of("/library-admin/titles/{titleId}");
    /** The question bank is the whole enterprise's (any officer may correct or retire a question), so not scoped. */
    private static final String SHARED_BANK = "/training-admin/questions/{questionId}";
    /**
     * The company level's rights desks (mediation committee, legal-aid desk, chair's office): no unit officer reaches
     * them, so their pages answer the committee (RightsDeskPagesTests shows an officer of the root too).
     */
    private static final List<String> COMPANY_LEVEL = List.of("/rights/mediation", "/rights/legal-aid/desk",
            "/rights/mailbox/office");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};

    @Autowired
    MembershipSetup membershipSetup;
    @Autowired
    DuesSetup duesSetup;
    @Autowired
    MembershipService membership;
    @Autowired
    AidService aid;
    @Autowired
    CareService care;
    @Autowired
    Projects projects;
    @Autowired
    ResultsSetup results;
    @Autowired
    ActivitySetup activitySetup;
    @Autowired
    ActivityService activities;
    @Autowired
    VenueService venues;
    @Autowired
    VenueSetup venueSetup;
    @Autowired
    VolunteerSetup volunteering;
    @Autowired
    TrainingAdmin trainingAdmin;
    @Autowired
    CatalogueService catalogueService;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Policies policies;
    @Autowired
    TrainingSetup training;
    @Autowired
    Suggestions suggestions;
    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia publicityMedia;
    @Autowired
    Pushes publicityPushes;
    @Autowired
    LiveService live;
    @Autowired
    SuggestionScheme voiceSuggestions;
    @Autowired
    Evaluations evaluations;
    @Autowired
    Motions motions;
    @Autowired
    Discussions discussions;
    @Autowired
    Surveys surveys;
    @Autowired
    AppealFiles appealFiles;
    @Autowired
    Mediations mediations;
    @Autowired
    LegalAid legalAid;
    @Autowired
    Letters letters;
    @Autowired
    Offers offers;
    @Autowired
    Welfare welfare;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixtures.UnitWithDepartment unitA;
    Fixtures.UnitWithDepartment unitB;
    Viewer officerA;
    Viewer committee;
    Map<String, String> idsOfA = new HashMap<>();
    Map<String, String> idsOfB = new HashMap<>();

    @BeforeEach
    void twoUnitsWithAnOfficerEach() throws Exception {
        committee = Fixtures.committee(fixtures.adminAccountId());
        unitA = fixtures.grassroots("甲站工会");
        unitB = fixtures.grassroots("乙站工会");
        OrgSetup.HrRow a = Fixtures.row(unitA.departmentCode());
        OrgSetup.HrRow b = Fixtures.row(unitB.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "scope-a.csv", List.of(a));
        orgSetup.importEmployees(admin, "scope-b.csv", List.of(b));
        long employeeA = fixtures.employeeId(a.employeeNo());
        long employeeB = fixtures.employeeId(b.employeeNo());
        officerA = Fixtures.officer(fixtures.accountId(employeeA), unitA.unit().id());
        Viewer officerB = Fixtures.officer(fixtures.accountId(employeeB), unitB.unit().id());

        mvc.perform(multipart("/org/import")
                .file("file", Fixtures.csv(List.of(Fixtures.row(unitB.departmentCode()))).getBytes(StandardCharsets.UTF_8))
                .with(csrf()).with(as(officerB)));
        mvc.perform(multipart("/org/import")
                .file("file", Fixtures.csv(List.of(Fixtures.row(unitA.departmentCode()))).getBytes(StandardCharsets.UTF_8))
                .with(csrf()).with(as(officerA)));
        long runB = jdbc.sql("SELECT max(id) FROM import_run WHERE actor_id = ?").param(officerB.accountId())
                .query(Long.class).single();
        long runA = jdbc.sql("SELECT max(id) FROM import_run WHERE actor_id = ?").param(officerA.accountId())
                .query(Long.class).single();

        idsOfA.put("flagId", Long.toString(flagFor(employeeA, unitA.unit().id())));
        idsOfB.put("flagId", Long.toString(flagFor(employeeB, unitB.unit().id())));
        idsOfA.put("applicationId", Long.toString(
                membershipSetup.pendingApplication(employeeA, unitA.unit().id(), java.time.LocalDate.now())));
        idsOfB.put("applicationId", Long.toString(
                membershipSetup.pendingApplication(employeeB, unitB.unit().id(), java.time.LocalDate.now())));
        idsOfA.put("ceremonyId", Long.toString(membershipSetup.ceremony(unitA.unit().id(), "仪式", java.time.OffsetDateTime.now(),
                "职工之家", officerA.accountId(), java.time.LocalDate.now().minusYears(5), false)));
        idsOfB.put("ceremonyId", Long.toString(membershipSetup.ceremony(unitB.unit().id(), "仪式", java.time.OffsetDateTime.now(),
                "职工之家", officerB.accountId(), java.time.LocalDate.now().minusYears(5), false)));
        idsOfA.put("departmentId", jdbc.sql("SELECT id::text FROM department WHERE code = ?")
                .param(unitA.departmentCode()).query(String.class).single());
        idsOfB.put("departmentId", jdbc.sql("SELECT id::text FROM department WHERE code = ?")
                .param(unitB.departmentCode()).query(String.class).single());
        idsOfA.put("projectId", Long.toString(projects.create(committee, unitA.unit().name() + "撤并", "CLOSURE", LocalDate.now(), null)));
        idsOfB.put("projectId", Long.toString(projects.create(committee, unitB.unit().name() + "撤并", "CLOSURE", LocalDate.now(), null)));
        idsOfA.put("caseId", Long.toString(caseFor(employeeA, Long.parseLong(idsOfA.get("projectId")))));
        idsOfB.put("caseId", Long.toString(caseFor(employeeB, Long.parseLong(idsOfB.get("projectId")))));
        for (Map<String, String> ids : List.of(idsOfA, idsOfB)) {
            ids.put("moveId", jdbc.sql("SELECT move_id::text FROM care_case WHERE id = ?")
                    .param(Long.parseLong(ids.get("caseId"))).query(String.class).single());
        }
        idsOfA.put("unitId", Long.toString(unitA.unit().id()));
        idsOfA.put("employeeId", Long.toString(employeeA));
        idsOfA.put("runId", Long.toString(runA));
        idsOfB.put("unitId", Long.toString(unitB.unit().id()));
        idsOfB.put("employeeId", Long.toString(employeeB));
        idsOfB.put("runId", Long.toString(runB));
        idsOfA.put("activityId", Long.toString(activityOf(officerA, unitA.unit().id())));
        idsOfB.put("activityId", Long.toString(activityOf(officerB, unitB.unit().id())));
        idsOfA.put("aidId", Long.toString(aidFor(employeeA)));
        idsOfB.put("aidId", Long.toString(aidFor(employeeB)));
        idsOfA.put("fileId", evidenceOf(idsOfA.get("aidId")));
        idsOfB.put("fileId", evidenceOf(idsOfB.get("aidId")));
        idsOfA.put("venueId", Long.toString(venues.create(officerA, unitA.unit().id(),
                new VenueService.VenueForm("甲站职工之家", "WORKERS_HOME", "甲站二楼", "30", ""), PNG)));
        idsOfB.put("venueId", Long.toString(venues.create(officerB, unitB.unit().id(),
                new VenueService.VenueForm("乙站职工之家", "WORKERS_HOME", "乙站二楼", "30", ""), PNG)));
        LocalDate inAWeek = LocalDate.now().plusDays(7);
        idsOfA.put("bookingId", Long.toString(venues.request(officerA, Long.parseLong(idsOfA.get("venueId")),
                new VenueService.RequestForm(unitA.unit().id(), "班组学习", inAWeek + "T09:00", inAWeek + "T11:00"))));
        idsOfB.put("bookingId", Long.toString(venueSetup.booking(Long.parseLong(idsOfB.get("venueId")),
                unitB.unit().id(), "班组学习", inAWeek.atTime(9, 0).atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime(),
                inAWeek.atTime(11, 0).atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime(), officerB.accountId(),
                employeeB, "乙站主席", null)));
        resultsOf(unitA.unit().id(), idsOfA);
        resultsOf(unitB.unit().id(), idsOfB);
        idsOfA.put("volunteerProjectId", Long.toString(volunteerProject(unitA.unit().id(), officerA.accountId())));
        idsOfB.put("volunteerProjectId", Long.toString(volunteerProject(unitB.unit().id(), officerB.accountId())));
        idsOfA.put("shiftId", Long.toString(recordedShift(idsOfA.get("volunteerProjectId"), employeeA, officerA)));
        idsOfB.put("shiftId", Long.toString(recordedShift(idsOfB.get("volunteerProjectId"), employeeB, officerB)));
        examOf(officerA, unitA.unit().id(), idsOfA);
        examOf(officerB, unitB.unit().id(), idsOfB);
        courseOf(officerA, unitA.unit().id(), idsOfA);
        courseOf(officerB, unitB.unit().id(), idsOfB);
        idsOfA.put("roomId", Long.toString(catalogueService.addRoom(officerA, unitA.unit().name() + "书屋",
                unitA.unit().id(), "甲站", "")));
        idsOfB.put("roomId", Long.toString(catalogueService.addRoom(officerB, unitB.unit().name() + "书屋",
                unitB.unit().id(), "乙站", "")));
        String titleId = Long.toString(catalogueService.addTitle(officerB, new Catalogue.TitleDraft(null, "范围测试书目", "",
                "", null, catalogue.categories().getFirst().id(), ""), null));
        idsOfA.put("titleId", titleId);
        idsOfB.put("titleId", titleId);
        idsOfA.put("assessmentId", Long.toString(assessmentOf(officerA, unitA.unit().id())));
        idsOfB.put("assessmentId", Long.toString(assessmentOf(officerB, unitB.unit().id())));
        readingRoomOf(officerA, unitA.unit(), employeeA, idsOfA);
        readingRoomOf(officerB, unitB.unit(), employeeB, idsOfB);
        publicityOf(officerA, unitA.unit().id(), idsOfA);
        publicityOf(officerB, unitB.unit().id(), idsOfB);
        idsOfA.put("sessionId", Long.toString(liveSessionOf(officerA, unitA.unit().id())));
        idsOfB.put("sessionId", Long.toString(liveSessionOf(officerB, unitB.unit().id())));
        voiceOf(officerA, unitA.unit().id(), employeeA, idsOfA);
        voiceOf(officerB, unitB.unit().id(), employeeB, idsOfB);
        talkOf(officerA, unitA.unit().id(), employeeA, idsOfA);
        talkOf(officerB, unitB.unit().id(), employeeB, idsOfB);
        surveyOf(officerA, unitA.unit().id(), idsOfA);
        surveyOf(officerB, unitB.unit().id(), idsOfB);
        appealOf(employeeA, idsOfA);
        appealOf(employeeB, idsOfB);
        rightsOf(employeeA, idsOfA);
        rightsOf(employeeB, idsOfB);
        offersOf(officerA, unitA.unit().id(), employeeA, idsOfA);
        offersOf(officerB, unitB.unit().id(), employeeB, idsOfB);
        duesOf(officerA, unitA.unit().id(), employeeA, idsOfA);
        duesOf(officerB, unitB.unit().id(), employeeB, idsOfB);
        welfareOf(officerA, unitA.unit().id(), employeeA, idsOfA);
        welfareOf(officerB, unitB.unit().id(), employeeB, idsOfB);
        // Admin pages and the committee's loan rules are refused by role; any existing ids will do.
        for (Map<String, String> ids : List.of(idsOfA, idsOfB)) {
            ids.put("accountId", Long.toString(officerB.accountId()));
            ids.put("grantId", "1");
            ids.put("id", "1");
            ids.put("policyId", Long.toString(policies.policies().getFirst().id()));
            ids.put("ruleId", Long.toString(policies.rules().getFirst().id()));
        }
    }

    /**
     * A reading room run by the unit (the one already made for {@code roomId}, if any), with a suggestion (荐购) from
     * one of its employees waiting for review.
     */
    private void readingRoomOf(Viewer officer, org.tongxin.org.OrgUnit unit, long employeeId, Map<String, String> ids) {
        long room = Long.parseLong(ids.computeIfAbsent("roomId", k -> Long.toString(
                catalogueService.addRoom(officer, unit.name() + "职工书屋", unit.id(), "", ""))));
        ids.put("suggestionId", Long.toString(suggestions.suggest(Fixtures.employee(fixtures.accountId(employeeId),
                employeeId), room, "范围测试荐购", "", "", "")));
    }

    /**
     * An internal draft article of the unit with its cover, and a published one whose card waits to be pushed to the
     * unit's chat-group robot.
     */
    private void publicityOf(Viewer officer, long unitId, Map<String, String> ids) {
        long draft = publicity.create(officer, new Items.Draft("ARTICLE", "范围测试稿件", "", "<p>正文</p>", "NEWS", unitId,
                null, true), null);
        publicityMedia.setCover(officer, draft, Pictures.picture(64, 48, "png"));
        ids.put("itemId", Long.toString(draft));
        ids.put("webhookId", Long.toString(publicityPushes.add(officer, unitId, "WECOM", "范围测试群",
                "http://localhost:9/cgi-bin/webhook/send?key=scope", null)));
        long published = publicity.create(officer, new Items.Draft("ARTICLE", "范围测试发布", "", "<p>正文</p>", "NEWS",
                unitId, null, false), null);
        publicityMedia.setCover(officer, published, Pictures.picture(64, 48, "png"));
        publicity.submit(officer, published);
        publicity.approve(committee, published, null);
        ids.put("publishedItemId", Long.toString(published));
        ids.put("pushId", Long.toString(publicityPushes.ofItem(published).getFirst().id()));
    }

    /** A live session of the unit for its employees tomorrow, organised and presented by the unit's officer. */
    private long liveSessionOf(Viewer officer, long unitId) {
        OffsetDateTime start = OffsetDateTime.now().plusDays(1);
        return live.schedule(officer, new Sessions.Draft("范围测试直播", "", unitId, officer.accountId(), start,
                start.plusHours(1), "SUBTREE", unitId, List.of(), null, 80));
    }

    /**
     * A suggestion of the unit's employee waiting for its officers, and a round of democratic evaluation over the unit's
     * officers (the officer made its chair).
     */
    private void voiceOf(Viewer officer, long unitId, long employeeId, Map<String, String> ids) {
        ids.put("voiceSuggestionId", Long.toString(voiceSuggestions.submit(Fixtures.employee(fixtures.accountId(employeeId),
                employeeId), new SuggestionScheme.Draft("范围测试建议", "问题", "建议", "", false))));
        fixtures.chair(officer.accountId(), unitId, false);
        ids.put("evaluationId", Long.toString(evaluations.create(officer, unitId, "范围测试评议", List.of("作风"),
                LocalDate.now(), LocalDate.now().plusDays(7))));
        // A congress session of the unit with its employee as representative, and a motion accepted and assigned to
        // the unit to answer.
        long congress = motions.createCongress(officer, unitId, "范围测试职代会", LocalDate.now(),
                LocalDate.now().plusDays(7), 0);
        motions.addRepresentatives(officer, congress, jdbc.sql("SELECT emp_no FROM employee WHERE id = ?")
                .param(employeeId).query(String.class).single());
        long motion = motions.file(Fixtures.employee(fixtures.accountId(employeeId), employeeId), congress,
                new Motions.Draft("范围测试提案", "案由", "办法", "OTHER"));
        motions.accept(officer, motion, "");
        motions.assign(officer, motion, unitId, LocalDate.now().plusDays(10));
        ids.put("congressId", Long.toString(congress));
        ids.put("motionId", Long.toString(motion));
    }

    /** A discussion topic of the unit with a post of its employee held for review (a listed word in it). */
    private void talkOf(Viewer officer, long unitId, long employeeId, Map<String, String> ids) {
        long topic = discussions.create(officer, unitId, "范围测试话题", "", null, false);
        ids.put("talkTopicId", Long.toString(topic));
        ids.put("talkPostId", Long.toString(discussions.post(Fixtures.employee(fixtures.accountId(employeeId),
                employeeId), topic, null, "范围测试：加微信").id()));
    }

    /** A mediation case, a legal-aid request and a letter to the chair of the unit's employee. */
    private void rightsOf(long employeeId, Map<String, String> ids) {
        Viewer employee = Fixtures.employee(fixtures.accountId(employeeId), employeeId);
        String number = jdbc.sql("SELECT emp_no FROM employee WHERE id = ?").param(employeeId).query(String.class).single();
        ids.put("mediationId", Long.toString(mediations.open(committee, new Mediations.Opening(null, number, "范围测试站",
                "范围测试请求"))));
        ids.put("legalAidId", Long.toString(legalAid.request(employee, new LegalAid.Ask("范围测试咨询", "问题",
                LegalAid.Provider.HOTLINE))));
        ids.put("letterId", Long.toString(letters.write(employee, new Letters.Draft("范围测试来信", "内容", true))));
    }

    /** An offer of the unit for its members, with a voucher its employee holds. */
    private void offersOf(Viewer officer, long unitId, long employeeId, Map<String, String> ids) {
        long offer = offers.publish(officer, new Offers.Draft(unitId, "范围测试商家", "范围测试优惠", "", "OTHER",
                LocalDate.now().toString(), LocalDate.now().plusDays(30).toString(), "5")).id();
        ids.put("offerId", Long.toString(offer));
        ids.put("voucherId", jdbc.sql("INSERT INTO benefits_voucher (code, employee_id, offer_id, valid_from, valid_until)"
                        + " VALUES (?, ?, ?, current_date, current_date + 30) RETURNING id::text")
                .params("SCOPE" + offer + "X" + System.nanoTime() % 1_000_000, employeeId, offer).query(String.class)
                .single());
    }

    /**
     * A holiday welfare round of the unit, opened for its member (enrolled above), with one package; the unit is the
     * site where the member collects.
     */
    private void welfareOf(Viewer officer, long unitId, long employeeId, Map<String, String> ids) {
        int year = welfare.today().getYear();
        if (welfare.cap(year).filter(c -> c.compareTo(java.math.BigDecimal.valueOf(100)) >= 0).isEmpty()) {
            welfare.setCap(committee, year, java.math.BigDecimal.valueOf(1800));
        }
        OffsetDateTime now = welfare.now();
        long round = welfare.create(officer, new Welfare.Draft(unitId, WelfareRound.Occasion.MID_AUTUMN, "范围测试福利",
                java.math.BigDecimal.valueOf(100), LocalDate.now(), now.minusMinutes(1), now.plusDays(7)));
        long pack = welfare.addPackage(officer, round, new Welfare.PackageDraft("范围测试礼包", "", java.math.BigDecimal.TEN,
                "范围测试供应商", 10));
        welfare.open(officer, round);
        ids.put("roundId", Long.toString(round));
        ids.put("packageId", Long.toString(pack));
        ids.put("siteId", Long.toString(unitId));
        ids.put("entitlementId", jdbc.sql("SELECT id::text FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?")
                .params(round, employeeId).query(String.class).single());
    }

    /** A draft survey of the unit with a required choice and an optional text question. */
    private void surveyOf(Viewer officer, long unitId, Map<String, String> ids) {
        long survey = surveys.create(officer, unitId, new Surveys.Settings("范围测试问卷", "", "EMPLOYEES", LocalDate.now(),
                LocalDate.now().plusDays(7), false));
        ids.put("surveyId", Long.toString(survey));
        ids.put("surveyQuestionId", Long.toString(surveys.addQuestion(officer, survey, new Surveys.QuestionDraft("SINGLE",
                "范围测试题目", true, List.of("是", "否"), null, null, null, null))));
        surveys.addQuestion(officer, survey, new Surveys.QuestionDraft("TEXT", "范围测试意见", false, List.of(), null, null,
                null, null));
    }

    /**
     * A wage appeal of the unit's employee, with a picture, waiting at the unit (its officer is made its chair above,
     * so the appeal goes to the unit itself).
     */
    private void appealOf(long employeeId, Map<String, String> ids) {
        long appeal = appealFiles.raise(Fixtures.employee(fixtures.accountId(employeeId), employeeId),
                new Appeals.Raise(AppealCategory.WAGES, Appeal.Identity.CONFIDENTIAL, "范围测试诉求", "补发"),
                appealFiles.check(List.of(Pictures.picture(64, 48, "png"))));
        ids.put("appealId", Long.toString(appeal));
        ids.put("appealFileId", jdbc.sql("SELECT id::text FROM rights_appeal_file WHERE appeal_id = ?").param(appeal)
                .query(String.class).single());
    }

    /** A draft exam of the unit with one rule, over a question the unit's officer wrote for it. */
    private void examOf(Viewer officer, long unitId, Map<String, String> ids) {
        String skill = "范围" + unitId;
        ids.put("questionId", Long.toString(trainingAdmin.addQuestion(officer, new Questions.Draft("TRUE_FALSE", "范围测试题",
                List.of(), new int[]{0}, List.of(), skill, 1, ""))));
        ids.put("examId", Long.toString(trainingAdmin.createExam(officer, new Exams.Draft("范围测试考试", unitId, 10, 60, null,
                0, true, true, "NONE", Grading.MultipleScoring.ALL_OR_NOTHING, null, null),
                List.of(new Exams.Part(1, "TRUE_FALSE", skill, null, null, 1, java.math.BigDecimal.ONE)))));
    }

    /** A published volunteer project of the unit, open to its employees, with a shift to come. */
    private long volunteerProject(long unitId, long createdBy) {
        long id = volunteering.project("志愿服务", "", "收费站", "EMPLOYEES", unitId, unitId, List.of(), "PUBLISHED",
                createdBy);
        OffsetDateTime start = OffsetDateTime.now().plusDays(3);
        volunteering.shift(id, start, start.plusHours(4), null, 5);
        return id;
    }

    /** A past shift of the project with the employee's hours recorded by the unit's officer, waiting for confirmation. */
    private long recordedShift(String projectId, long employeeId, Viewer recordedBy) {
        OffsetDateTime start = OffsetDateTime.now().minusDays(2);
        long shift = volunteering.shift(Long.parseLong(projectId), start, start.plusHours(4), null, 5);
        volunteering.signUp(shift, List.of(employeeId));
        volunteering.hours(shift, List.of(), recordedBy.accountId(), null, start.plusHours(5));
        return shift;
    }

    /** A draft course of the unit with one text lesson. */
    private void courseOf(Viewer officer, long unitId, Map<String, String> ids) {
        long course = trainingAdmin.createCourse(officer, new Courses.Draft("范围测试课程", "", "EMPLOYEES", unitId,
                unitId, null));
        ids.put("courseId", Long.toString(course));
        ids.put("lessonId", Long.toString(trainingAdmin.addLesson(officer, course, "范围测试课时", "TEXT", "正文", null,
                null, null)));
    }

    /** An assessment of the unit on a published exam and retraining course of its own. */
    private long assessmentOf(Viewer officer, long unitId) {
        String skill = "范围" + unitId;
        training.questions(officer, List.of(TrainingSetup.Question.trueFalse(skill, 1, "范围判断题", true, "")));
        long exam = training.exam(officer, unitId, "范围测验", 10, 60,
                List.of(new TrainingSetup.Rule("TRUE_FALSE", skill, 1, java.math.BigDecimal.TEN)));
        long course = training.course(officer, unitId, "范围补训", "", "EMPLOYEES", unitId, null,
                List.of(new TrainingSetup.Lesson("第一课", "正文")));
        return training.assessment(officer, "范围考核", exam, course, unitId, 60, LocalDate.now(),
                LocalDate.now().plusDays(7), null);
    }

    /** A care case opened by a downward move. */
    private long caseFor(long employeeId, long projectId) {
        care.recordMove(committee, new CareService.MoveForm(employeeId, LocalDate.now(), "G5", "养护工区", "养护工",
                "G2", "", "撤并", projectId));
        return jdbc.sql("SELECT id FROM care_case WHERE employee_id = ?").param(employeeId).query(Long.class).single();
    }

    /** A hardship aid application the employee made with one PDF of evidence. */
    private long aidFor(long employeeId) {
        return aid.applyForSelf(Fixtures.employee(fixtures.accountId(employeeId), employeeId),
                new AidService.AidForm("ILLNESS", "3000", "住院治疗"),
                List.of(new AidService.Upload("诊断证明.pdf", "%PDF-1.4 证明".getBytes(StandardCharsets.UTF_8))));
    }

    private String evidenceOf(String aidId) {
        return jdbc.sql("SELECT id::text FROM care_aid_file WHERE aid_id = ?").param(Long.parseLong(aidId))
                .query(String.class).single();
    }

    /** A published activity led by the unit, open to its members. */
    private long activityOf(Viewer officer, long unitId) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        long id = activities.create(officer, new Activities.Draft("范围测试活动", "OTHER", "", null, null, now.plusDays(1),
                now.plusDays(1).plusHours(2), now.minusHours(1), now.plusHours(20), 5, "MEMBERS", unitId, false, unitId),
                List.of(), List.of(), null);
        activities.publish(officer, id);
        return id;
    }

    /** A held activity of the unit with its summary and one photo, and an honour of the unit with a photo. */
    private void resultsOf(long unitId, Map<String, String> ids) {
        java.time.OffsetDateTime held = java.time.OffsetDateTime.now().minusDays(3);
        long activity = activitySetup.activity("范围测试成果", "OTHER", "", "职工之家", held, held.plusHours(2),
                held.minusDays(5), held.minusDays(1), 5, "EMPLOYEES", unitId, false, unitId, List.of(), "HELD",
                fixtures.adminAccountId());
        results.summary(activity, "范围测试成果", List.of(Pictures.picture(64, 48, "png")), fixtures.adminAccountId(),
                held.plusDays(1));
        ids.put("summarisedId", Long.toString(activity));
        ids.put("photoId", jdbc.sql("SELECT id::text FROM activity_photo WHERE activity_id = ?").param(activity)
                .query(String.class).single());
        ids.put("honourId", Long.toString(results.honour(unitId, "ADVANCED_TEAM", null, 2025, "范围测试集体", null, unitId,
                Pictures.picture(48, 64, "png"), fixtures.adminAccountId())));
    }

    /** A month of payroll dues imported by the unit's officer (its run) and an open hardship exemption. */
    private void duesOf(Viewer officer, long unitId, long employeeId, Map<String, String> ids) {
        YearMonth month = YearMonth.now().minusMonths(1);
        ids.put("duesRunId", Long.toString(duesSetup.payroll(officer.accountId(), officer.displayName(), month,
                List.of(new DuesSetup.Month(employeeId, unitId, new BigDecimal("6000.00"), duesSetup.defaultRate())))));
        ids.put("duesExemptionId", Long.toString(duesSetup.exemption(employeeId, unitId, "HARDSHIP", null,
                YearMonth.now(), null, officer.accountId())));
    }

    /** A member HR reported as gone, waiting in the unit's queue. */
    private long flagFor(long employeeId, long unitId) {
        membershipSetup.enrol(employeeId, unitId, java.time.LocalDate.now().minusYears(1));
        membership.flagLeft(employeeId);
        return jdbc.sql("SELECT f.id FROM membership_flag f JOIN member m ON m.id = f.member_id WHERE m.employee_id = ?")
                .param(employeeId).query(Long.class).single();
    }

    /** Endpoints an officer uses, with the form fields a real form would send. */
    private List<Endpoint> officerFacingEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/org/") && !pattern.startsWith("/admin/")
                        && !pattern.startsWith("/membership/applications") && !pattern.startsWith("/membership/window")
                        && !pattern.startsWith("/membership/flags") && !pattern.startsWith("/membership/coverage")
                        && !pattern.startsWith("/membership/ceremonies") && !pattern.startsWith("/care/")
                        && !pattern.startsWith("/activity-admin/") && !pattern.startsWith("/activity-venues")
                        && !pattern.startsWith("/activity-results") && !pattern.startsWith("/honours")
                        && !pattern.startsWith("/volunteering") && !pattern.startsWith("/training-admin")
                        && !pattern.startsWith("/library-admin") && !pattern.startsWith("/publicity-admin")
                        && !pattern.startsWith("/live-admin") && !pattern.startsWith("/voice-admin")
                        && !pattern.startsWith("/rights/handle")
                        && !pattern.startsWith("/benefits/offers/manage") && !pattern.startsWith("/benefits/birthday/manage")
                        && !pattern.startsWith("/benefits/dues/manage") && !pattern.startsWith("/benefits/welfare-admin")
                        && COMPANY_LEVEL.stream().noneMatch(pattern::startsWith)) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
                }
            }
        }
        return endpoints;
    }

    record Endpoint(HttpMethod method, String pattern) {
        boolean hasIds() {
            return pattern.contains("{");
        }

        String expand(Map<String, String> ids) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = ids.get(m.group(1));
                assertThat(value).as("DataScopeTests does not know the path variable {%s} of %s: cover it",
                        m.group(1), pattern).isNotNull();
                m.appendReplacement(out, value);
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private long signupOf(String shiftId) {
        return jdbc.sql("SELECT id FROM volunteer_signup WHERE shift_id = ?").param(Long.parseLong(shiftId))
                .query(Long.class).single();
    }

    private MockHttpServletRequestBuilder call(Endpoint endpoint, String url) {
        return request(endpoint.method(), url).with(csrf()).with(as(officerA))
                .param("name", "越权改名").param("kind", "BRANCH").param("parentId", idsOfA.get("unitId"))
                .param("role", "OFFICER").param("unitId", idsOfB.get("unitId")).param("post", "主席")
                .param("code", "SCOPE" + System.nanoTime() % 100000).param("declaration", "true")
                .param("reason", "LEFT").param("outcome", "END").param("title", "越权仪式").param("place", "别处")
                .param("decision", "APPROVE").param("amount", "100").param("comment", "越权审核")
                .param("paidOn", "2026-01-01").param("method", "CASH")
                .param("startsAt", "2030-01-01T10:00").param("present", "1").param("toUnitId", idsOfA.get("unitId"))
                .param("days", "30").param("employeeId", idsOfB.get("employeeId")).param("month", "2026-11")
                .param("kind", "TALK").param("happenedOn", "2026-01-01").param("content", "越权记录")
                .param("direction", "DOWN").param("note", "越权调整").param("plan", "越权计划")
                .param("followUpDue", LocalDate.now().plusDays(7).toString()).param("ownerId", idsOfA.get("employeeId"))
                .param("outcomes", "越权成果").param("year", "2025").param("citation", "越权事迹")
                .param("employeeNo", "越权").param("teamUnitId", idsOfA.get("unitId"))
                .param("endsAt", "2030-01-01T14:00").param("needed", "1").param("audience", "EMPLOYEES")
                .param("audienceUnitId", idsOfA.get("unitId"))
                .param("hours-" + signupOf(idsOfB.get("shiftId")), "24")
                .param("present-" + signupOf(idsOfB.get("shiftId")), "on");
    }

    @Test
    void anOfficerGetsNothingOfAnotherUnitByUrlOrByForm() throws Exception {
        List<Endpoint> endpoints = officerFacingEndpoints().stream().filter(Endpoint::hasIds).toList();
        assertThat(endpoints).extracting(Endpoint::pattern)
                .contains("/org/units/{unitId}", "/org/employees/{employeeId}", "/org/import/{runId}",
                        "/membership/applications/{applicationId}/approve", "/membership/coverage/{unitId}",
                        "/membership/ceremonies/{ceremonyId}", "/care/cases/{caseId}", "/care/moves/{moveId}/reclassify",
                        "/care/projects/{projectId}", "/activity-admin/{activityId}/cancel", "/care/cases/{caseId}/plan", "/care/cases/{caseId}/owner");
        for (Endpoint endpoint : endpoints) {
            if (CATALOGUE_OF_EVERY_ROOM.contains(endpoint.pattern())) {
                continue;
            }
            String url = endpoint.expand(idsOfB);
            int status = mvc.perform(call(endpoint, url)).andReturn().getResponse().getStatus();
            if (endpoint.pattern().startsWith(SHARED_BANK)) {
                assertThat(status).as("%s %s: the bank is shared by every officer", endpoint.method(), url).isIn(200, 302);
                continue;
            }
            if (endpoint.method() == HttpMethod.GET && SHARED_WITH_EVERY_OFFICER.contains(endpoint.pattern())) {
                assertThat(status).as("%s %s is shared with every officer", endpoint.method(), url).isEqualTo(200);
                continue;
            }
            assertThat(status).as("%s %s as officer of another unit", endpoint.method(), url).isIn(403, 404);
        }
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/benefits/offers/manage/{offerId}",
                "/benefits/offers/manage/{offerId}/withdraw", "/benefits/offers/manage/{offerId}/pin",
                "/benefits/offers/manage/{offerId}/vouchers/{voucherId}/redeem");
        assertThat(jdbc.sql("SELECT title || ' ' || status || ' ' || quota FROM benefits_offer WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("offerId"))).query(String.class).single())
                .isEqualTo("范围测试优惠 OPEN 5");
        assertThat(jdbc.sql("SELECT redeemed_at IS NULL FROM benefits_voucher WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("voucherId"))).query(Boolean.class).single()).isTrue();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/activity-venues/{venueId}/bookings",
                "/activity-venues/bookings/{bookingId}", "/activity-venues/bookings/{bookingId}/approve",
                "/activity-venues/bookings/{bookingId}/decline", "/activity-venues/bookings/{bookingId}/cancel");
        assertThat(jdbc.sql("SELECT name || ' ' || site FROM activity_venue WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("venueId"))).query(String.class).single()).isEqualTo("乙站职工之家 乙站二楼");
        assertThat(jdbc.sql("SELECT status FROM activity_booking WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("bookingId"))).query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM activity_booking WHERE venue_id = ?")
                .param(Long.parseLong(idsOfB.get("venueId"))).query(Long.class).single()).isEqualTo(1);
        String sharedVenue = mvc.perform(get("/activity-venues/" + idsOfB.get("venueId")).with(as(officerA)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sharedVenue).contains("乙站职工之家").doesNotContain("venue-edit").doesNotContain("乙站主席")
                .doesNotContain("/activity-venues/bookings/" + idsOfB.get("bookingId"));
        int venueElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/activity-venues"), "/activity-venues"))
                .andReturn().getResponse().getStatus();
        assertThat(venueElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_venue WHERE name = '越权改名'").query(Long.class).single()).isZero();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/care/aid/{aidId}", "/care/aid/{aidId}/review",
                "/care/aid/{aidId}/payment", "/care/aid/{aidId}/files/{fileId}");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/activity-results/{activityId}",
                "/activity-results/photos/{photoId}/thumb", "/honours/units/{unitId}", "/honours/{honourId}/revoke",
                "/honours/{honourId}/photo");
        assertThat(jdbc.sql("SELECT outcomes || ' ' || (SELECT count(*) FROM activity_photo p"
                        + " WHERE p.activity_id = s.activity_id) FROM activity_summary s WHERE activity_id = ?")
                .param(Long.parseLong(idsOfB.get("summarisedId"))).query(String.class).single()).isEqualTo("范围测试成果 1");
        assertThat(jdbc.sql("SELECT count(*) FROM activity_summary WHERE activity_id = ?")
                .param(Long.parseLong(idsOfB.get("activityId"))).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM honour WHERE (recipient_unit_id = ? OR awarded_by_unit_id = ?)"
                        + " AND revoked_at IS NULL").params(unitB.unit().id(), unitB.unit().id()).query(Long.class)
                .single()).isOne();
        assertThat(jdbc.sql("SELECT name FROM org_unit WHERE id = ?").param(unitB.unit().id()).query(String.class)
                .single()).isEqualTo(unitB.unit().name());
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit WHERE parent_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM department WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isEqualTo(1);
        int movedInto = mvc.perform(request(HttpMethod.POST, "/org/units/" + idsOfA.get("unitId") + "/departments/"
                + idsOfA.get("departmentId") + "/move").param("toUnitId", idsOfB.get("unitId")).with(csrf())
                .with(as(officerA))).andReturn().getResponse().getStatus();
        assertThat(movedInto).isEqualTo(404);
        assertThat(jdbc.sql("SELECT unit_id FROM department WHERE code = ?").param(unitA.departmentCode())
                .query(Long.class).single()).isEqualTo(unitA.unit().id());
        assertThat(jdbc.sql("""
                        SELECT p.unit_id FROM membership_period p JOIN member m ON m.id = p.member_id
                        WHERE m.employee_id = ? AND p.ended_on IS NULL""")
                .param(Long.parseLong(idsOfB.get("employeeId"))).query(Long.class).single())
                .isEqualTo(unitB.unit().id());
        assertThat(jdbc.sql("SELECT count(*) FROM care_note WHERE case_id = ?")
                .param(Long.parseLong(idsOfB.get("caseId"))).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM care_case WHERE id = ?").param(Long.parseLong(idsOfB.get("caseId")))
                .query(String.class).single()).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT plan_enc IS NULL AND owner_employee_id IS NULL FROM care_case WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("caseId"))).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT reclassify_note_enc IS NULL FROM care_move WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("moveId"))).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT status || title FROM activity WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("activityId"))).query(String.class).single())
                .isEqualTo("PUBLISHED范围测试活动");
        assertThat(jdbc.sql("SELECT status FROM ceremony WHERE id = ?").param(Long.parseLong(idsOfB.get("ceremonyId")))
                .query(String.class).single()).isEqualTo("SCHEDULED");
        int scheduleElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/membership/ceremonies"),
                "/membership/ceremonies")).andReturn().getResponse().getStatus();
        assertThat(scheduleElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM ceremony WHERE title = '越权仪式'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM membership_application WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("applicationId"))).query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT status || ' ' || (SELECT count(*) FROM care_aid_review WHERE aid_id = care_aid.id)"
                        + " FROM care_aid WHERE id = ?").param(Long.parseLong(idsOfB.get("aidId"))).query(String.class)
                .single()).isEqualTo("SUBMITTED 0");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/volunteering/projects/{volunteerProjectId}",
                "/volunteering/shifts/{shiftId}/signup", "/volunteering/manage/projects/{volunteerProjectId}/shifts",
                "/volunteering/manage/shifts/{shiftId}/hours", "/volunteering/manage/shifts/{shiftId}/confirm");
        long volunteerProjectB = Long.parseLong(idsOfB.get("volunteerProjectId"));
        assertThat(jdbc.sql("SELECT title || ' ' || status || ' ' || audience_unit_id FROM volunteer_project WHERE id = ?")
                .param(volunteerProjectB).query(String.class).single())
                .isEqualTo("志愿服务 PUBLISHED " + unitB.unit().id());
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer_shift WHERE project_id = ?").param(volunteerProjectB)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT s.status || ' ' || s.needed || ' ' || (s.confirmed_by IS NULL) || ' ' || g.minutes
                        FROM volunteer_shift s JOIN volunteer_signup g ON g.shift_id = s.id WHERE s.id = ?""")
                .param(Long.parseLong(idsOfB.get("shiftId"))).query(String.class).single()).isEqualTo("RECORDED 5 true 240");
        int organiseElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/volunteering/manage/projects"),
                "/volunteering/manage/projects").param("leadUnitId", idsOfB.get("unitId"))).andReturn().getResponse()
                .getStatus();
        assertThat(organiseElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer_project WHERE lead_unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/training-admin/courses/{courseId}",
                "/training-admin/courses/{courseId}/lessons/pdf", "/training-admin/courses/{courseId}/lessons/{lessonId}/move",
                "/training-admin/courses/{courseId}/assign", "/training-admin/courses/{courseId}/publish");
        assertThat(jdbc.sql("SELECT title || ' ' || status || ' ' || (SELECT count(*) FROM training_lesson l"
                        + " WHERE l.course_id = c.id) FROM training_course c WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("courseId"))).query(String.class).single()).isEqualTo("范围测试课程 DRAFT 1");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/library-admin/rooms/{roomId}",
                "/library-admin/rooms/{roomId}/lend", "/library-admin/rooms/{roomId}/return",
                "/library-admin/rooms/{roomId}/receive", "/library-admin/rooms/{roomId}/retire",
                "/library-admin/rooms/{roomId}/copies", "/library-admin/rooms/{roomId}/labels",
                "/library-admin/titles/{titleId}/copies", "/library-admin/rules/lines/{ruleId}/remove");
        long roomB = Long.parseLong(idsOfB.get("roomId"));
        assertThat(jdbc.sql("SELECT name FROM library_room WHERE id = ?").param(roomB).query(String.class).single())
                .isEqualTo(unitB.unit().name() + "书屋");
        assertThat(jdbc.sql("SELECT count(*) FROM library_copy WHERE home_room_id = ?").param(roomB).query(Long.class)
                .single()).isZero();
        int roomElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/library-admin/rooms"), "/library-admin/rooms"))
                .andReturn().getResponse().getStatus();
        assertThat(roomElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM library_room WHERE name = '越权改名'").query(Long.class).single()).isZero();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/training-admin/assessments/{assessmentId}",
                "/training-admin/assessments/{assessmentId}/assign", "/training-admin/assessments/{assessmentId}/board.xlsx",
                "/training-admin/selection/shortlist/{employeeId}");
        assertThat(jdbc.sql("SELECT count(*) FROM training_assessee WHERE assessment_id = ?")
                .param(Long.parseLong(idsOfB.get("assessmentId"))).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM training_shortlist WHERE employee_id = ?")
                .param(Long.parseLong(idsOfB.get("employeeId"))).query(Long.class).single()).isZero();
        int assessElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/training-admin/assessments"),
                "/training-admin/assessments").param("ownerUnitId", idsOfB.get("unitId"))
                .param("examId", "1").param("retrainingCourseId", "1").param("passPercent", "60")).andReturn()
                .getResponse().getStatus();
        assertThat(assessElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM training_assessment WHERE owner_unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isOne();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/library-admin/rooms/{roomId}/stats",
                "/library-admin/rooms/{roomId}/suggestions", "/library-admin/rooms/{roomId}/suggestions/{suggestionId}");
        assertThat(jdbc.sql("SELECT status FROM library_suggestion WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("suggestionId"))).query(String.class).single()).isEqualTo("NEW");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/training-admin/exams/{examId}",
                "/training-admin/exams/{examId}/publish", "/training-admin/exams/{examId}/results");
        assertThat(jdbc.sql("SELECT status || ' ' || title || ' ' || (SELECT count(*) FROM training_exam_part p"
                        + " WHERE p.exam_id = e.id) FROM training_exam e WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("examId"))).query(String.class).single()).isEqualTo("DRAFT 范围测试考试 1");
        long examsOfB = jdbc.sql("SELECT count(*) FROM training_exam WHERE owner_unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single();
        int examElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/training-admin/exams"), "/training-admin/exams")
                .param("ownerUnitId", idsOfB.get("unitId")).param("timeLimitMin", "10").param("passPercent", "60")
                .param("review", "NONE").param("multipleScoring", "ALL_OR_NOTHING")).andReturn().getResponse().getStatus();
        assertThat(examElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM training_exam WHERE owner_unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isEqualTo(examsOfB);
        assertThat(mvc.perform(get("/training-admin/exams").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/training-admin/exams/" + idsOfA.get("examId") + "\"")
                .doesNotContain("/training-admin/exams/" + idsOfB.get("examId") + "\"");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/publicity-admin/items/{itemId}",
                "/publicity-admin/items/{itemId}/pictures", "/publicity-admin/items/{itemId}/cover",
                "/publicity-admin/items/{itemId}/submit", "/publicity-admin/items/{itemId}/approve",
                "/publicity-admin/items/{itemId}/send-back", "/publicity-admin/items/{itemId}/withdraw",
                "/publicity-admin/items/{itemId}/reach", "/publicity-admin/robots/{webhookId}/deactivate",
                "/publicity-admin/pushes/{pushId}/retry");
        assertThat(jdbc.sql("SELECT title || ' ' || status || ' ' || (cover_key IS NOT NULL) FROM publicity_item WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("itemId"))).query(String.class).single()).isEqualTo("范围测试稿件 DRAFT true");
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_picture WHERE item_id = ?")
                .param(Long.parseLong(idsOfB.get("itemId"))).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM publicity_item WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("publishedItemId"))).query(String.class).single()).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("SELECT active FROM publicity_webhook WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("webhookId"))).query(Boolean.class).single()).isTrue();
        int writeElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/publicity-admin/items"), "/publicity-admin/items")
                .param("category", "NEWS").param("body", "<p>越权</p>")).andReturn().getResponse().getStatus();
        assertThat(writeElsewhere).isEqualTo(404);
        int robotElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/publicity-admin/robots"), "/publicity-admin/robots")
                .param("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x")).andReturn().getResponse().getStatus();
        assertThat(robotElsewhere).isEqualTo(404);
        int reviewerElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/publicity-admin/reviewers"),
                "/publicity-admin/reviewers").param("accountId", Long.toString(officerA.accountId()))).andReturn()
                .getResponse().getStatus();
        assertThat(reviewerElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_item WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_webhook WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_reviewer WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isZero();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/live-admin/sessions/{sessionId}",
                "/live-admin/sessions/{sessionId}/key", "/live-admin/sessions/{sessionId}/end",
                "/live-admin/sessions/{sessionId}/cancel", "/live-admin/sessions/{sessionId}/cover",
                "/live-admin/sessions/{sessionId}/attendance", "/live-admin/sessions/{sessionId}/attendance.xlsx");
        assertThat(jdbc.sql("SELECT state || ' ' || (cover_key IS NULL) FROM live_session WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("sessionId"))).query(String.class).single()).isEqualTo("SCHEDULED true");
        long liveOfB = jdbc.sql("SELECT count(*) FROM live_session WHERE host_unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single();
        int liveElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/live-admin/sessions"), "/live-admin/sessions")
                .param("audience", "SUBTREE")).andReturn().getResponse().getStatus();
        assertThat(liveElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM live_session WHERE host_unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isEqualTo(liveOfB);
        assertThat(mvc.perform(get("/live-admin").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/live-admin/sessions/" + idsOfA.get("sessionId") + "\"")
                .doesNotContain("/live-admin/sessions/" + idsOfB.get("sessionId") + "\"");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/voice-admin/suggestions/{voiceSuggestionId}",
                "/voice-admin/suggestions/{voiceSuggestionId}/accept", "/voice-admin/suggestions/{voiceSuggestionId}/assign",
                "/voice-admin/suggestions/{voiceSuggestionId}/adopt", "/voice-admin/suggestions/{voiceSuggestionId}/value",
                "/voice-admin/suggestions/{voiceSuggestionId}/recognise", "/voice-admin/evaluations/{evaluationId}");
        assertThat(jdbc.sql("SELECT status || ' ' || holder_unit_id || ' ' || (owner_unit_id IS NULL) FROM voice_suggestion"
                        + " WHERE id = ?").param(Long.parseLong(idsOfB.get("voiceSuggestionId"))).query(String.class).single())
                .isEqualTo("SUBMITTED " + unitB.unit().id() + " true");
        int roundElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/voice-admin/evaluations"),
                "/voice-admin/evaluations").param("criteria", "作风").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().toString())).andReturn().getResponse().getStatus();
        assertThat(roundElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_evaluation WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isOne();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/voice-admin/congress/sessions/{congressId}",
                "/voice-admin/congress/sessions/{congressId}/representatives",
                "/voice-admin/congress/motions/{motionId}", "/voice-admin/congress/motions/{motionId}/answer",
                "/voice-admin/congress/motions/{motionId}/assign");
        assertThat(jdbc.sql("SELECT status || ' ' || handling_unit_id FROM voice_motion WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("motionId"))).query(String.class).single())
                .isEqualTo("ASSIGNED " + unitB.unit().id());
        assertThat(jdbc.sql("SELECT count(*) FROM voice_motion_answer WHERE motion_id = ?")
                .param(Long.parseLong(idsOfB.get("motionId"))).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) || ' ' || (SELECT cosigners_needed FROM voice_congress WHERE id = ?)"
                        + " FROM voice_congress_rep WHERE congress_id = ?")
                .params(Long.parseLong(idsOfB.get("congressId")), Long.parseLong(idsOfB.get("congressId")))
                .query(String.class).single()).isEqualTo("1 0");
        int congressElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/voice-admin/congress"),
                "/voice-admin/congress").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().toString())).andReturn().getResponse().getStatus();
        assertThat(congressElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_congress WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isOne();
        assertThat(mvc.perform(get("/voice-admin/congress").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("/voice-admin/congress/sessions/" + idsOfA.get("congressId") + "\"")
                .doesNotContain("/voice-admin/congress/sessions/" + idsOfB.get("congressId") + "\"")
                .contains("/voice-admin/congress/motions/" + idsOfA.get("motionId") + "\"")
                .doesNotContain("/voice-admin/congress/motions/" + idsOfB.get("motionId") + "\"");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/voice-admin/surveys/{surveyId}",
                "/voice-admin/surveys/{surveyId}/settings", "/voice-admin/surveys/{surveyId}/questions",
                "/voice-admin/surveys/{surveyId}/questions/{surveyQuestionId}",
                "/voice-admin/surveys/{surveyId}/questions/{surveyQuestionId}/remove",
                "/voice-admin/surveys/{surveyId}/questions/{surveyQuestionId}/move",
                "/voice-admin/surveys/{surveyId}/publish", "/voice-admin/surveys/{surveyId}/close",
                "/voice-admin/surveys/{surveyId}/delete", "/voice-admin/surveys/{surveyId}/results",
                "/voice-admin/surveys/{surveyId}/results.xlsx");
        assertThat(jdbc.sql("""
                        SELECT s.status || ' ' || s.title || ' ' || string_agg(q.prompt, ',' ORDER BY q.position)
                        FROM voice_survey s JOIN voice_survey_question q ON q.survey_id = s.id WHERE s.id = ?
                        GROUP BY s.id""").param(Long.parseLong(idsOfB.get("surveyId"))).query(String.class).single())
                .isEqualTo("DRAFT 范围测试问卷 范围测试题目,范围测试意见");
        int surveyElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/voice-admin/surveys"),
                "/voice-admin/surveys").param("opensOn", LocalDate.now().toString())
                .param("closesOn", LocalDate.now().toString())).andReturn().getResponse().getStatus();
        assertThat(surveyElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_survey WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isOne();
        assertThat(mvc.perform(get("/voice-admin/surveys").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/voice-admin/surveys/" + idsOfA.get("surveyId") + "\"")
                .doesNotContain("/voice-admin/surveys/" + idsOfB.get("surveyId") + "\"");
        String voiceQueue = mvc.perform(get("/voice-admin").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(voiceQueue).contains("/voice-admin/suggestions/" + idsOfA.get("voiceSuggestionId") + "\"")
                .doesNotContain("/voice-admin/suggestions/" + idsOfB.get("voiceSuggestionId") + "\"");
        assertThat(mvc.perform(get("/voice-admin/talk/review").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"held-" + idsOfA.get("talkPostId") + "\"")
                .doesNotContain("id=\"held-" + idsOfB.get("talkPostId") + "\"");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/rights/handle/{appealId}",
                "/rights/handle/{appealId}/accept", "/rights/handle/{appealId}/step", "/rights/handle/{appealId}/reply",
                "/rights/handle/{appealId}/mediation", "/rights/handle/{appealId}/files/{appealFileId}");
        assertThat(jdbc.sql("SELECT status || ' ' || route_unit_id || ' ' || (SELECT count(*) FROM rights_appeal_step s"
                        + " WHERE s.appeal_id = a.id) FROM rights_appeal a WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("appealId"))).query(String.class).single())
                .isEqualTo("SUBMITTED " + unitB.unit().id() + " 1");
        assertThat(mvc.perform(get("/rights/handle").param("all", "true").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/rights/handle/" + idsOfA.get("appealId") + "\"")
                .doesNotContain("/rights/handle/" + idsOfB.get("appealId") + "\"");
        assertThat(mvc.perform(get("/care/aid").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/care/aid/" + idsOfA.get("aidId"))
                .doesNotContain("/care/aid/" + idsOfB.get("aidId") + "\"");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/rights/mediation/{mediationId}",
                "/rights/mediation/{mediationId}/sessions", "/rights/mediation/{mediationId}/extend",
                "/rights/mediation/{mediationId}/close", "/rights/legal-aid/desk/{legalAidId}",
                "/rights/legal-aid/desk/{legalAidId}/book", "/rights/legal-aid/desk/{legalAidId}/done",
                "/rights/legal-aid/desk/{legalAidId}/cancel", "/rights/mailbox/office/{letterId}",
                "/rights/mailbox/office/{letterId}/answer", "/rights/mailbox/office/{letterId}/publish",
                "/rights/mailbox/office/{letterId}/unpublish");
        assertThat(jdbc.sql("""
                        SELECT m.status || ' ' || m.extended_days || ' ' || (SELECT count(*) FROM rights_mediation_session s
                          WHERE s.mediation_id = m.id) FROM rights_mediation m WHERE m.id = ?""")
                .param(Long.parseLong(idsOfB.get("mediationId"))).query(String.class).single()).isEqualTo("OPEN 0 0");
        assertThat(jdbc.sql("SELECT status FROM rights_legal_aid WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("legalAidId"))).query(String.class).single()).isEqualTo("REQUESTED");
        assertThat(jdbc.sql("SELECT status || ' ' || (published_at IS NULL) FROM rights_letter WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("letterId"))).query(String.class).single()).isEqualTo("SENT true");
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/benefits/dues/manage/people/{employeeId}",
                "/benefits/dues/manage/people/{employeeId}/cash", "/benefits/dues/manage/people/{employeeId}/exemptions",
                "/benefits/dues/manage/exemptions/{duesExemptionId}/end",
                "/benefits/dues/manage/exemptions/{duesExemptionId}/revoke", "/benefits/dues/manage/runs/{duesRunId}");
        assertThat(jdbc.sql("""
                        SELECT (SELECT count(*) FROM benefits_dues WHERE employee_id = ?) || ' '
                          || (SELECT string_agg((to_month IS NULL AND revoked_at IS NULL)::text, ',')
                              FROM benefits_dues_exemption WHERE employee_id = ?)""")
                .params(Long.parseLong(idsOfB.get("employeeId")), Long.parseLong(idsOfB.get("employeeId")))
                .query(String.class).single()).isEqualTo("1 true");
        long cases = jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single();
        int mediationElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/rights/mediation"), "/rights/mediation")
                .param("applicantNo", "X").param("respondent", "越权").param("claim", "越权")).andReturn().getResponse()
                .getStatus();
        assertThat(mediationElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_mediation").query(Long.class).single()).isEqualTo(cases);
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/benefits/welfare-admin/{roundId}",
                "/benefits/welfare-admin/{roundId}/open", "/benefits/welfare-admin/{roundId}/packages/{packageId}/stock",
                "/benefits/welfare-admin/{roundId}/totals.xlsx", "/benefits/welfare-admin/{roundId}/sites/{siteId}",
                "/benefits/welfare-admin/{roundId}/sites/{siteId}/delivery",
                "/benefits/welfare-admin/{roundId}/sites/{siteId}/entitlements/{entitlementId}/collected",
                "/benefits/welfare-admin/{roundId}/sites/{siteId}/entitlements/{entitlementId}/exception");
        long roundB = Long.parseLong(idsOfB.get("roundId"));
        assertThat(jdbc.sql("SELECT status || ' ' || title || ' ' || budget_per_member FROM welfare_round WHERE id = ?")
                .param(roundB).query(String.class).single()).isEqualTo("OPEN 范围测试福利 100.00");
        assertThat(jdbc.sql("SELECT stock || ' ' || taken FROM welfare_package WHERE round_id = ?").param(roundB)
                .query(String.class).single()).isEqualTo("10 0");
        assertThat(jdbc.sql("SELECT count(*) FROM welfare_delivery WHERE round_id = ?").param(roundB).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT (collected_at IS NULL AND exception IS NULL)::text FROM welfare_entitlement WHERE id = ?")
                .param(Long.parseLong(idsOfB.get("entitlementId"))).query(String.class).single()).isEqualTo("true");
        long roundsOfB = jdbc.sql("SELECT count(*) FROM welfare_round WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single();
        int welfareElsewhere = mvc.perform(call(new Endpoint(HttpMethod.POST, "/benefits/welfare-admin"),
                "/benefits/welfare-admin").param("occasion", "MID_AUTUMN").param("budgetPerMember", "100")
                .param("eligibleOn", LocalDate.now().toString()).param("opensAt", "2030-01-01T10:00")
                .param("closesAt", "2030-01-02T10:00")).andReturn().getResponse().getStatus();
        assertThat(welfareElsewhere).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM welfare_round WHERE unit_id = ?").param(unitB.unit().id())
                .query(Long.class).single()).isEqualTo(roundsOfB);
        assertThat(mvc.perform(get("/benefits/welfare-admin").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/benefits/welfare-admin/" + idsOfA.get("roundId") + "\"")
                .doesNotContain("/benefits/welfare-admin/" + roundB + "\"");
    }

    @Test
    void theSameOfficerPagesAnswerForTheOfficersOwnUnit() throws Exception {
        for (Endpoint endpoint : officerFacingEndpoints()) {
            if (endpoint.method() != HttpMethod.GET || endpoint.pattern().startsWith("/admin/")
                    || endpoint.pattern().startsWith("/care/moves") || endpoint.pattern().startsWith("/library-admin/rules")) {
                continue;
            }
            String url = endpoint.hasIds() ? endpoint.expand(idsOfA) : endpoint.pattern();
            Viewer who = COMPANY_LEVEL.stream().anyMatch(endpoint.pattern()::startsWith) ? committee : officerA;
            int status = mvc.perform(get(url).with(as(who))).andReturn().getResponse().getStatus();
            assertThat(status).as("GET %s as officer of the unit", url).isEqualTo(200);
        }
    }

    @Test
    void anOfficerCannotMoveOwnUnitsUnderAnotherUnit() throws Exception {
        Long child = orgSetup.createUnit(unitA.unit().id(), "甲站一组", UnitKind.GROUP).id();
        int status = mvc.perform(request(HttpMethod.POST, "/org/units/" + child + "/move").with(csrf())
                .with(as(officerA)).param("parentId", idsOfB.get("unitId"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        assertThat(jdbc.sql("SELECT parent_id FROM org_unit WHERE id = ?").param(child).query(Long.class).single())
                .isEqualTo(unitA.unit().id());
    }

    @Test
    void theTreeAndItsSearchShowOnlyTheOfficersSubtree() throws Exception {
        String tree = mvc.perform(get("/org/tree").with(as(officerA))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tree).contains(unitA.unit().name()).doesNotContain(unitB.unit().name());
        String search = mvc.perform(get("/org/tree").param("q", unitB.unit().name()).with(as(officerA)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String results = search.substring(search.indexOf("id=\"tree-results\""));
        assertThat(results).contains("没有找到匹配的组织").doesNotContain(unitB.unit().name());
        String own = mvc.perform(get("/org/tree").param("q", "站工会").with(as(officerA)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own.substring(own.indexOf("id=\"tree-results\""))).contains(unitA.unit().name())
                .doesNotContain(unitB.unit().name());
    }
}
