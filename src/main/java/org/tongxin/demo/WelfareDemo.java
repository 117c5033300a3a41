package org.tongxin.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.benefits.WelfareSetup;
import org.tongxin.identity.AccountSetup;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Holiday welfare of the demo enterprise: the committee's cap of ¥1,800 per member for last year and this; this
 * year's Spring Festival round of the whole enterprise, finished — delivered to every site, most packages signed for
 * or handed over, a few exceptions (one returned to the supplier, one collected by a colleague, the others open); the
 * latest Labour Day round before this month (finished, for a year of figures); and the Mid-Autumn round open now for a
 * week with four packages from named suppliers, about half the members picked.
 * The demo logins have not picked, so each can try it (the demo employee 100090 is not a member yet, so is in no
 * round: they apply to join first).
 */
@Component
class WelfareDemo {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WelfareSetup welfare;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final MemberDirectory members;
    private final long seed;

    WelfareDemo(WelfareSetup welfare, AccountSetup accounts, OrgDirectory directory, MemberDirectory members,
                @Value("${tongxin.demo.seed:2026}") long seed) {
        this.welfare = welfare;
        this.accounts = accounts;
        this.directory = directory;
        this.members = members;
        this.seed = seed;
    }

    private static WelfareSetup.Pack pack(String name, String description, String price, String supplier, int stock,
                                          int weight) {
        return new WelfareSetup.Pack(name, description, new BigDecimal(price), supplier, stock, weight);
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(Collection<OrgUnit> units, long stationId, List<HrRow> demoLogins) {
        OrgUnit company = units.stream().filter(u -> u.kind() == UnitKind.COMPANY_UNION).findFirst().orElseThrow();
        Map<String, Long> logins = directory.employeeIdsByNumber(demoLogins.stream().map(HrRow::employeeNo).toList());
        HrRow committeeRow = demoLogins.get(2);
        Viewer committee = new Viewer(accounts.accountId(committeeRow.employeeNo()), logins.get(committeeRow.employeeNo()),
                committeeRow.name(), Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE), Set.of(company.id()), Set.of(),
                false);
        LocalDate today = LocalDate.now(BEIJING);
        int year = today.getYear();
        welfare.cap(committee, year - 1, new BigDecimal("1800"));
        welfare.cap(committee, year, new BigDecimal("1800"));
        Set<Long> demoPeople = new HashSet<>(logins.values());

        // Spring Festival, this year: picked 10–24 January, delivered, mostly collected.
        List<WelfareSetup.Pack> spring = List.of(
                pack("年货礼包", "腊肉香肠 2kg、五常大米 10kg、菜籽油 5L", "480.00", "四川蜀粮商贸有限公司", 0, 4),
                pack("坚果礼盒", "每日坚果 30 袋、手撕牛肉 500g", "398.00", "成都坚果仓食品有限公司", 600, 3),
                pack("超市购物卡", "红旗连锁 500 元购物卡", "500.00", "红旗连锁股份有限公司", 500, 3));
        List<Long> station = new ArrayList<>(members.membersOn(directory.activeEmployeesInSubtree(stationId),
                LocalDate.of(year, 1, 5)));
        station.removeAll(demoPeople);
        station.sort(Long::compare);
        welfare.pastRound(committee, company.id(), "SPRING_FESTIVAL", year + "年春节慰问品",
                new BigDecimal("500.00"), LocalDate.of(year, 1, 5),
                LocalDate.of(year, 1, 10).atTime(9, 0).atZone(BEIJING).toOffsetDateTime(),
                LocalDate.of(year, 1, 24).atTime(18, 0).atZone(BEIJING).toOffsetDateTime(), spring, 0.7,
                station.subList(0, Math.min(3, station.size())), seed);

        // Labour Day, the latest one finished at least ten days ago: picked in late April, delivered, collected.
        int mayYear = LocalDate.of(year, 5, 10).isBefore(today) ? year : year - 1;
        List<WelfareSetup.Pack> mayDay = List.of(
                pack("粮油礼包", "五常大米 10kg、菜籽油 5L", "260.00", "四川蜀粮商贸有限公司", 0, 3),
                pack("运动礼包", "运动水杯、速干毛巾、跳绳", "220.00", "成都体育用品有限公司", 800, 2));
        welfare.pastRound(committee, company.id(), "OTHER", mayYear + "年五一劳动节慰问品", new BigDecimal("300.00"),
                LocalDate.of(mayYear, 4, 15), LocalDate.of(mayYear, 4, 20).atTime(9, 0).atZone(BEIJING).toOffsetDateTime(),
                LocalDate.of(mayYear, 4, 28).atTime(18, 0).atZone(BEIJING).toOffsetDateTime(), mayDay, 0.6, List.of(),
                seed + 2);

        // Mid-Autumn, open now for a week: about half have picked; the film cards are nearly gone.
        List<WelfareSetup.Pack> midAutumn = List.of(
                pack("粮油礼包", "五常大米 10kg、菜籽油 5L（未选择的会员默认发放）", "268.00", "四川蜀粮商贸有限公司", 5000, 3),
                pack("水果礼盒", "猕猴桃、耙耙柑、丑橘各 2.5kg，当季鲜果", "258.00", "蒲江县果农专业合作社", 600, 3),
                pack("图书卡", "新华文轩书店 300 元购书卡，全省门店通用", "300.00", "四川新华文轩连锁股份有限公司", 400, 2),
                pack("电影卡", "太平洋影城 10 次观影兑换券", "280.00", "成都太平洋电影城有限公司", 150, 2));
        long open = welfare.openRound(committee, company.id(), "MID_AUTUMN", year + "年中秋节慰问品",
                new BigDecimal("300.00"), today.minusDays(1), today.plusDays(7).atTime(18, 0).atZone(BEIJING).toOffsetDateTime(),
                midAutumn);
        welfare.picks(open, midAutumn, 0.5, demoPeople, seed + 1);
    }
}
