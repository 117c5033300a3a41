package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.benefits.internal.Birthdays;
import org.tongxin.benefits.internal.Vouchers;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

/**
 * Birthday benefits: the committee's setting (only theirs, bad values refused with nothing changed, audited), the daily
 * job run on two threads at once giving each member born this month exactly one benefit with a voucher and a notice,
 * the member's page, the shop redeeming on the voucher check page, and the officers' month list and its Excel.
 */
class BirthdaysTests extends PageTestSupport {

    @Autowired
    Birthdays birthdays;
    @Autowired
    Vouchers vouchers;
    @Autowired
    MembershipSetup membership;

    private Viewer committee() {
        return Fixtures.committee(fixtures.adminAccountId());
    }

    private String savePin(String kind, String amount) throws Exception {
        MvcResult r = mvc.perform(post("/benefits/birthday/admin").param("enabled", "on").param("kind", kind)
                .param("amount", amount).param("partner", "鲜之语蛋糕坊").param("note", "生日快乐").param("newPin", "on")
                .with(csrf()).with(Fixtures.as(committee()))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        return (String) r.getFlashMap().get("pin");
    }

    @Test
    void onlyTheCommitteeSetsTheBenefitAndBadValuesChangeNothing() throws Exception {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "生日设置工会", 1);
        assertThat(status(get("/benefits/birthday/admin"), p.chair())).isEqualTo(403);
        assertThat(status(post("/benefits/birthday/admin").param("kind", "CARD").param("amount", "1"), p.chair()))
                .isEqualTo(403);
        assertThatThrownBy(() -> birthdays.save(p.chair(), new Birthdays.Form(true, "CAKE", "1", "店", "", false)))
                .isInstanceOf(NotFoundException.class);
        assertThat(page("/benefits/birthday/admin", committee())).contains("birthday-form");

        String pin = savePin("CAKE", "100");
        assertThat(pin).matches("\\d{6}");
        Birthdays.Setting before = birthdays.setting().orElseThrow();
        String[][] bad = {{"amount", "-5", "请填写面值"}, {"amount", "abc", "请填写面值"}, {"amount", "5000", "请填写面值"},
                {"amount", "1.005", "请填写面值"}, {"kind", "MONEY", "请选择蛋糕券或生日卡"}, {"partner", "", "请填写合作商家"}};
        for (String[] b : bad) {
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("enabled", "on");
            form.put("kind", "CARD");
            form.put("amount", "88");
            form.put("partner", "别的店");
            form.put(b[0], b[1]);
            var request = post("/benefits/birthday/admin");
            form.forEach(request::param);
            MockHttpServletResponse r = perform(request.with(csrf()).with(Fixtures.as(committee())));
            assertThat(r.getStatus()).as("%s=%s", b[0], b[1]).isEqualTo(200);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as("%s=%s", b[0], b[1]).contains(b[2]);
        }
        assertThat(birthdays.setting().orElseThrow()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'benefits.birthday.settings'"
                + " AND at > now() - interval '1 minute'").query(Long.class).single()).isPositive();
    }

    @Test
    void theJobOnTwoThreadsGivesEachMemberBornThisMonthExactlyOneAndTheShopRedeemsIt() throws Exception {
        String pin = savePin("CAKE", "100");
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "生日工会", 4);
        LocalDate today = birthdays.today();
        List<Long> born = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = p.members().get(i).employeeId();
            jdbc.sql("UPDATE employee SET birth_date = ? WHERE id = ?").params(LocalDate.of(1988, today.getMonth(), 1),
                    id).update();
            born.add(id);
        }
        long otherMonth = p.members().get(3).employeeId();
        jdbc.sql("UPDATE employee SET birth_date = ? WHERE id = ?")
                .params(LocalDate.of(1988, today.getMonth(), 1).plusMonths(1), otherMonth).update();
        jdbc.sql("UPDATE employee SET birth_date = ? WHERE id = ?")
                .params(LocalDate.of(1990, today.getMonth(), 1), p.outsider().employeeId()).update();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return birthdays.issue(today);
            }));
        }
        start.countDown();
        int issued = 0;
        for (Future<Integer> r : runs) {
            issued += r.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(issued).isGreaterThanOrEqualTo(3);
        for (long id : born) {
            assertThat(jdbc.sql("SELECT count(*) FROM benefits_birthday WHERE employee_id = ? AND year = ?")
                    .params(id, today.getYear()).query(Long.class).single()).as("member %s", id).isOne();
            assertThat(jdbc.sql("SELECT count(*) FROM benefits_voucher v JOIN benefits_birthday b ON b.id = v.birthday_id"
                    + " WHERE b.employee_id = ?").param(id).query(Long.class).single()).isOne();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM benefits_birthday WHERE employee_id IN (?, ?)")
                .params(otherMonth, p.outsider().employeeId()).query(Long.class).single())
                .as("another month's birthday, and someone not a member").isZero();
        assertThat(birthdays.issue(today)).as("a second run finds nobody left").isZero();
        Awaitility.await("the member is told").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = ?")
                .params(born.get(0), "生日快乐！你的生日蛋糕券到了").query(Long.class).single() == 1);

        Viewer member = p.members().get(0);
        String mine = page("/benefits/birthday", member);
        assertThat(mine).contains("蛋糕券 ¥100.00", "鲜之语蛋糕坊", "birthday-voucher-");
        assertThat(page("/benefits/birthday", p.outsider())).contains("no-birthday");
        long voucherId = jdbc.sql("SELECT v.id FROM benefits_voucher v JOIN benefits_birthday b ON b.id = v.birthday_id"
                + " WHERE b.employee_id = ?").param(born.get(0)).query(Long.class).single();
        assertThat(page("/benefits/vouchers/" + voucherId, member)).contains("<svg", "蛋糕券");
        String code = vouchers.find(voucherId).orElseThrow().code();
        String check = perform(get("/benefits/vouchers/check/" + code)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(check).contains("生日福利", "鲜之语蛋糕坊", "redeem-form").doesNotContain(p.rows().get(1).name());
        assertThat(perform(post("/benefits/vouchers/check/" + code).param("pin", pin).with(csrf()))
                .getContentAsString(StandardCharsets.UTF_8)).contains("核销成功");

        // The officers' list: the chair sees their members by name; another unit's chair sees none of them.
        OfferPeople other = OfferPeople.of(fixtures, orgSetup, membership, "生日他人工会", 1);
        String month = YearMonth.from(today).toString();
        String list = page("/benefits/birthday/manage?month=" + month, p.chair());
        assertThat(list).contains(p.rows().get(1).name(), p.rows().get(2).name(), "given-");
        assertThat(list).doesNotContain(p.rows().get(4).name());
        assertThat(page("/benefits/birthday/manage?month=" + month, other.chair())).doesNotContain(p.rows().get(1).name());
        assertThat(status(get("/benefits/birthday/manage").param("unitId", Long.toString(p.unitId())), other.chair()))
                .isEqualTo(404);
        assertThat(status(get("/benefits/birthday/manage"), member)).isEqualTo(403);
        MockHttpServletResponse xlsx = perform(get("/benefits/birthday/manage/export").param("month", month)
                .param("unitId", Long.toString(p.unitId())).with(Fixtures.as(p.chair())));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(names).containsExactlyInAnyOrder(p.rows().get(1).name(), p.rows().get(2).name(),
                    p.rows().get(3).name());
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
        }
        assertThat(status(get("/benefits/birthday/manage/export").param("unitId", Long.toString(p.unitId())),
                other.chair())).isEqualTo(404);
    }

    @Test
    void nothingIsIssuedWhileTheBenefitIsOff() throws Exception {
        OfferPeople p = OfferPeople.of(fixtures, orgSetup, membership, "生日关闭工会", 1);
        LocalDate today = birthdays.today();
        jdbc.sql("UPDATE employee SET birth_date = ? WHERE id = ?").params(LocalDate.of(1985, today.getMonth(), 2),
                p.members().get(0).employeeId()).update();
        birthdays.save(committee(), new Birthdays.Form(false, "CARD", "50", "书店", "", false));
        try {
            birthdays.issue(today);
            assertThat(jdbc.sql("SELECT count(*) FROM benefits_birthday WHERE employee_id = ?")
                    .param(p.members().get(0).employeeId()).query(Long.class).single()).isZero();
            assertThat(page("/benefits/birthday", p.members().get(0))).contains("birthday-off");
            assertThatThrownBy(() -> birthdays.save(committee(), new Birthdays.Form(true, "CAKE", "0", "店", "",
                    false))).isInstanceOf(Refusal.class).hasMessage("benefits.birthday.error.amount");
        } finally {
            birthdays.save(committee(), new Birthdays.Form(true, "CAKE", "100", "鲜之语蛋糕坊", "", false));
        }
    }
}
