package org.tongxin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongxin.identity.AccountSetup;
import org.tongxin.live.LiveSetup;
import org.tongxin.live.LiveSetup.StreamFile;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup.HrRow;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.TrainingSetup;

/**
 * Live sessions of the demo toll station, organised and presented by its chair:
 * <ul>
 * <li>two days ago, a two-minute session for the station's people, really pushed through the ingest from the files
 * under {@code demo/live/} (the shipped reading-room clip looped to two minutes as fMP4 HLS, made with {@code ffmpeg
 * -stream_loop 14 -i demo/publicity/reading-room.mp4 -t 120 -c copy -f hls -hls_time 8 -hls_list_size 0
 * -hls_playlist_type vod -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 -hls_segment_filename
 * 'live%d.m4s' live.m3u8}), now a replay; about half the station watched it live, for as long as each did, some of
 * them topped up with the replay, by heartbeats credited the way a phone's are; a few chat messages and two
 * questions, one answered. The demo employee has not watched: the replay is theirs to try.</li>
 * <li>in three days, an hour's fire-safety session that counts toward a new station course, so the course shows
 * it as a live lesson; the station's people have their invitation in the inbox.</li>
 * <li>before them, a session each month of the year, for the dashboards: the station's and the grassroots unions'
 * in turn, each watched by a share of its people.</li>
 * </ul>
 */
@Component
class LiveDemo {

    private static final int SEGMENTS = 15;

    private final LiveSetup live;
    private final TrainingSetup training;
    private final AccountSetup accounts;
    private final OrgDirectory directory;
    private final long seed;

    LiveDemo(LiveSetup live, TrainingSetup training, AccountSetup accounts, OrgDirectory directory,
             @Value("${tongxin.demo.seed:2026}") long seed) {
        this.live = live;
        this.training = training;
        this.accounts = accounts;
        this.directory = directory;
        this.seed = seed;
    }

    /**
     * @param demoLogins the demo officer, employee and committee member, in that order
     */
    void load(long stationId, List<HrRow> demoLogins) {
        Random random = new Random(seed * 17 + 9);
        HrRow officerRow = demoLogins.get(0);
        long officerEmployee = directory.employeeIdForLogin(officerRow.employeeNo()).orElseThrow();
        long demoEmployee = directory.employeeIdForLogin(demoLogins.get(1).employeeNo()).orElseThrow();
        long officerAccount = accounts.accountId(officerRow.employeeNo());
        Viewer officer = new Viewer(officerAccount, officerEmployee, officerRow.name(),
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(stationId), Set.of(), false);
        List<Long> people = new ArrayList<>(directory.activeEmployeesInSubtree(stationId));
        people.remove(demoEmployee);
        people.remove(officerEmployee);
        HrRow committeeRow = demoLogins.get(2);
        long committeeEmployee = directory.employeeIdForLogin(committeeRow.employeeNo()).orElseThrow();
        Viewer committee = new Viewer(accounts.accountId(committeeRow.employeeNo()), committeeEmployee,
                committeeRow.name(), Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE),
                Set.of(directory.unit(stationId).orElseThrow().pathIds().getFirst()), Set.of(), false);
        pastSessions(officer, committee, stationId, List.of(demoEmployee, officerEmployee, committeeEmployee),
                new Random(seed * 19 + 3));

        // Two days ago at 08:30, before the day shift: two minutes, 80 % to count as attended.
        OffsetDateTime start = LocalDate.now().minusDays(2).atTime(8, 30).atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        long past = live.schedule(officer, "两分钟学会职工书屋扫码借书（直播）",
                "站里的职工书屋开通了扫码借书：站长现场演示怎么找书、扫码借阅、到期续借和异地归还。错过了可以看回放。",
                stationId, officerAccount, start, start.plusMinutes(2), "SUBTREE", stationId, List.of(), null, 80);
        live.push(officer, past, stream());

        List<Long> viewers = people.subList(0, Math.min(people.size(), 24));
        Map<Long, OffsetDateTime> said = new LinkedHashMap<>();
        List<Long> watchedLive = new ArrayList<>();
        for (long employee : viewers) {
            if (random.nextInt(10) < 7) {
                // Joined in the first half-minute, stayed 30 s to the end.
                int joinS = random.nextInt(30);
                long ms = Math.min(120 - joinS, 30 + random.nextInt(91)) * 1000L;
                live.watch(person(employee), past, false, ms, start.plusSeconds(joinS));
                watchedLive.add(employee);
            }
        }
        String[][] chat = {
                {"站长早！今天人挺齐的", "n"}, {"异地归还是指在别的收费站书屋也能还吗？", "q"},
                {"扫码借书太方便了，点赞", "n"}, {"一次最多能借几本？续借要到书屋去吗？", "q"}, {"学会了，谢谢站长", "n"}};
        List<Long> questions = new ArrayList<>();
        for (int i = 0; i < chat.length && i < watchedLive.size(); i++) {
            long id = live.say(person(watchedLive.get(i)), past, chat[i][0], chat[i][1].equals("q"));
            said.put(id, start.plusSeconds(15 + i * 20L));
            if (chat[i][1].equals("q")) {
                questions.add(id);
            }
        }
        for (int i = chat.length; i < Math.min(watchedLive.size(), chat.length + 3) && !questions.isEmpty(); i++) {
            live.upvote(person(watchedLive.get(i)), questions.getLast());
        }
        if (!questions.isEmpty()) {
            long reply = live.say(officer, past, "对，公司所有职工书屋通借通还，就近还书就行。", false);
            said.put(reply, start.plusSeconds(75));
            live.answered(officer, questions.getFirst());
        }
        live.end(officer, past);

        // The next day, some who had missed part of it (or all) watched the replay.
        OffsetDateTime nextDay = start.plusDays(1).withHour(12);
        for (long employee : viewers) {
            if (random.nextInt(10) < 3) {
                live.watch(person(employee), past, true, (20 + random.nextInt(101)) * 1000L,
                        nextDay.plusMinutes(random.nextInt(240)));
            }
        }
        live.backdate(past, start, start.plusMinutes(2).plusSeconds(5), said);

        long course = training.course(officer, stationId, "安全生产月专题培训",
                "收费站安全生产月的学习：消防安全直播课加一篇应急处置要点，学完计入年度安全培训。", "EMPLOYEES", stationId, null,
                List.of(new TrainingSetup.Lesson("收费站应急处置要点", """
                        遇到车道火情：先报警、再疏散、后处置，不要为了抢救财物延误疏散。
                        灭火器使用口诀：提、拔、握、压——提起灭火器，拔掉保险销，握住喷管对准火焰根部，压下压把。
                        发现可疑危化品车辆：立即关闭车道，上报监控中心，不得擅自检查。""")));
        OffsetDateTime soon = LocalDate.now().plusDays(3).atTime(15, 0).atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
        live.schedule(officer, "安全生产月：收费站消防安全直播课",
                "消防大队教官在线讲解收费站常见火情处置和灭火器、消防栓的使用，直播中可以提问。计入“安全生产月专题培训”。",
                stationId, officerAccount, soon, soon.plusHours(1), "SUBTREE", stationId, List.of(), course, 80);
    }

    private static final List<String[]> PAST = List.of(
            new String[]{"收费业务新规解读（直播）", "收费业务骨干解读最新的收费业务规定：特情车辆处理、绿色通道查验和差错处理。"},
            new String[]{"职工心理健康讲座（直播）", "心理咨询师讲倒班职工的睡眠和情绪调适，直播中可以匿名提问。"},
            new String[]{"车道应急处置案例复盘（直播）", "复盘近期三起车道特情：冲卡、车辆自燃和司乘突发疾病。"},
            new String[]{"劳动法律法规知识讲座（直播）", "公司法律顾问讲劳动合同、加班和休假，现场解答职工提问。"},
            new String[]{"文明服务礼仪培训（直播）", "服务明星示范收费亭里的文明用语和手势，讲怎样化解司乘的不满。"},
            new String[]{"网络安全与反诈骗讲座（直播）", "民警讲冒充领导、刷单返利等常见骗局，教大家识别和防范。"});

    /**
     * A session each month of the year before: forty-five minutes at three in the afternoon, every other month the
     * station's (its chair organising) and in the months between one of the grassroots unions' in turn (the committee
     * member organising), each for the people of its host, pushed through the ingest, a third to two thirds of them
     * watching live for as long as each did (written as the heartbeats of so long a session would have left it), and
     * ended.
     */
    private void pastSessions(Viewer officer, Viewer committee, long stationId, List<Long> leftOut, Random random) {
        OrgUnit station = directory.unit(stationId).orElseThrow();
        OrgUnit company = directory.unit(station.pathIds().getFirst()).orElseThrow();
        List<OrgUnit> unions = directory.subtreeCounts(company).stream().map(UnitCount::unit)
                .filter(u -> u.kind() == UnitKind.GRASSROOTS_UNION && !station.pathIds().contains(u.id())).toList();
        for (int month = 11; month >= 1; month--) {
            boolean ours = month % 2 == 1 || unions.isEmpty();
            long host = ours ? stationId : unions.get(month / 2 % unions.size()).id();
            Viewer organiser = ours ? officer : committee;
            String[] topic = PAST.get(month % PAST.size());
            OffsetDateTime start = YearMonth.now().minusMonths(month).atDay(3 + random.nextInt(24)).atTime(15, 0)
                    .atZone(ZoneId.systemDefault()).toOffsetDateTime();
            OffsetDateTime end = start.plusMinutes(45);
            long id = live.schedule(organiser, topic[0], topic[1], host, organiser.accountId(), start, end, "SUBTREE",
                    host, List.of(), null, 80);
            live.push(organiser, id, stream());
            double share = 0.3 + random.nextDouble() * 0.4;
            Map<Long, Long> watched = new LinkedHashMap<>();
            for (long employee : directory.activeEmployeesInSubtree(host)) {
                if (!leftOut.contains(employee) && random.nextDouble() < share) {
                    watched.put(employee, (10 + random.nextInt(36)) * 60_000L - random.nextInt(60_000));
                }
            }
            live.watchedLive(id, watched, start.plusMinutes(random.nextInt(3)));
            live.end(organiser, id);
            live.backdate(id, start, end.plusSeconds(5), Map.of());
        }
    }

    private Viewer person(long employeeId) {
        EmployeeSummary e = directory.employee(employeeId).orElseThrow();
        return new Viewer(accounts.accountId(e.employeeNo()), employeeId, e.name(), Set.of(Role.EMPLOYEE), Set.of(),
                Set.of(), false);
    }

    /** The init section, the segments in order and the playlist, as ffmpeg pushed them. */
    private static List<StreamFile> stream() {
        List<StreamFile> files = new ArrayList<>();
        files.add(file("init.mp4"));
        for (int i = 0; i < SEGMENTS; i++) {
            files.add(file("live" + i + ".m4s"));
        }
        files.add(file("live.m3u8"));
        return files;
    }

    private static StreamFile file(String name) {
        try (InputStream in = new ClassPathResource("demo/live/" + name).getInputStream()) {
            return new StreamFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
